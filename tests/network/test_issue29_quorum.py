"""Issue 29 row 16: the steering group's adoption quorum has a staff page (no /admin/ for daily work)."""

import pytest
from django.urls import reverse

from network.models import Body
from network.seed import load_reference

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies(db):
    load_reference()


def test_the_culture_department_sets_the_quorum_on_the_staff_page(client, bodies, culture_admin, steering_member):
    steering = Body.objects.get(kind="steering")
    client.force_login(culture_admin)
    url = reverse("network:staff_quorum", args=[steering.pk])
    assert url in client.get(reverse("network:staff_home")).content.decode()
    client.post(url, {"quorum-adoption_quorum": "2"})
    assert Body.objects.get(pk=steering.pk).adoption_quorum == 2
    client.post(url, {"quorum-adoption_quorum": "0"})
    assert Body.objects.get(pk=steering.pk).adoption_quorum == 2
    client.force_login(steering_member)
    client.post(url, {"quorum-adoption_quorum": "7"})
    assert Body.objects.get(pk=steering.pk).adoption_quorum == 2
