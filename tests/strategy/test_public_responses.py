"""The public list of hearing responses reads plain rows; the names it shows are those HearingResponse.public_name
gives (an association's name, the person's name when allowed, else "Anonym")."""

from datetime import timedelta

import pytest
from freezegun import freeze_time

from strategy import queries, services
from strategy.models import HearingResponse

pytestmark = pytest.mark.django_db


def test_public_rows_show_the_names_public_name_gives(client, hearing, citizen, other_citizen, association_rep,
                                                      association):
    services.submit_response(actor=citizen, hearing=hearing, text="Med navn", publish_with_name=True)
    services.submit_response(actor=other_citizen, hearing=hearing, text="Uden navn", publish_with_name=False)
    services.submit_response(actor=association_rep, hearing=hearing, text="For foreningen", publish_with_name=True,
                             organisation=association)
    gone = services.submit_response(actor=other_citizen, hearing=hearing, text="Slettet person",
                                    publish_with_name=True)
    HearingResponse.objects.filter(pk=gone.pk).update(author=None)
    with freeze_time(hearing.closes_at + timedelta(hours=1)):
        hearing.refresh_from_db()
        rows = list(queries.responses_page(hearing, 1))
        html = client.get(hearing.get_absolute_url()).content.decode()
    expected = [(r.public_name(), r.text) for r in HearingResponse.objects.filter(hearing=hearing)]
    assert [(str(r["public_name"]), r["text"]) for r in rows] == [(str(n), t) for n, t in expected]
    assert [str(r["public_name"]) for r in rows] == ["Anna Andersen", "Anonym", association.name, "Anonym"]
    assert "Bo Bertelsen" not in html and association.name in html and "Anna Andersen" in html
