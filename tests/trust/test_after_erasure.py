"""Staff pages keep working after the people in them erased their accounts (pen-test row 5)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from frivillig.accounts.gdpr import erase_user

pytestmark = pytest.mark.django_db


def test_staff_pages_answer_after_an_account_is_erased(client, citizen, culture_admin):
    from strategy.models import Hearing, HearingResponse
    from taskbank.models import Idea

    now = timezone.now()
    idea = Idea.objects.create(proposer=citizen, title="Idé fra Anna", description="d")
    hearing = Hearing.objects.create(slug="h", title="H", description="d", opens_at=now - timedelta(days=1),
                                     closes_at=now + timedelta(days=1))
    HearingResponse.objects.create(hearing=hearing, author=citizen, text="Svar")
    erase_user(citizen, dry_run=False)
    client.force_login(culture_admin)
    for url in ["/medarbejder/ideer/", f"/medarbejder/ideer/{idea.pk}/", f"/medarbejder/hoeringer/{hearing.pk}/",
                f"/ideer/{idea.pk}/", f"/hoeringer/{hearing.slug}/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Anna" not in response.content.decode(), url


def test_no_template_passes_a_lookup_through_a_relation_as_a_filter_argument():
    """A filter argument that fails to resolve raises (Django), unlike a plain {{ a.b.c }}: `|default:x.person.name`
    answered 500 once `person` was erased. Use {% firstof %} instead."""
    import re
    from pathlib import Path

    from django.conf import settings

    offending = []
    for template in Path(settings.BASE_DIR).glob("**/templates/**/*.*"):
        if ".venv" in template.parts or "node_modules" in template.parts:
            continue
        for number, line in enumerate(template.read_text(errors="ignore").splitlines(), 1):
            if re.search(r"\|\w+:[a-z_]+\.[a-z_]+\.[a-z_]", line):
                offending.append(f"{template}:{number}")
    assert offending == []
