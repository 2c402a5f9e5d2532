""""Årets frivillige": nominated with a reason, chosen by the Culture department, shown only after consent."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from engagement import services
from engagement.models import Nomination

pytestmark = pytest.mark.django_db


def test_nominate_choose_and_consent(client, citizen, culture_admin, institution_staff,
                                     django_capture_on_commit_callbacks):
    client.force_login(citizen)
    client.post("/frivillig/aarets-frivillige/indstil/", {
        "nom-nominee_name": "Grethe Hansen", "nom-nominee_email": "grethe@example.dk",
        "nom-where": "Lektiecaféen i Nærum", "nom-reason": "Hun har hjulpet 40 elever i år."})
    nomination = Nomination.objects.get()
    assert nomination.nominator == citizen
    assert "Grethe Hansen" not in client.get("/frivillig/aarets-frivillige/").content.decode()
    with pytest.raises(PermissionDenied):
        services.choose_nominee(actor=institution_staff, nomination=nomination)
    client.force_login(culture_admin)
    assert "Grethe Hansen" in client.get("/medarbejder/frivillige/aarets-frivillige/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/frivillige/aarets-frivillige/{nomination.pk}/vaelg/")
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.CHOSEN
    asked = [m for m in mail.outbox if m.to == ["grethe@example.dk"]]
    assert len(asked) == 1 and nomination.consent_token in asked[0].body
    assert "Grethe Hansen" not in client.get("/frivillig/aarets-frivillige/").content.decode()  # not before consent
    client.logout()
    assert client.get("/frivillig/aarets-frivillige/samtykke/forkert/").status_code == 404
    url = f"/frivillig/aarets-frivillige/samtykke/{nomination.consent_token}/"
    assert client.get(url).status_code == 200
    client.post(url, {"consent": "yes"})
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.PUBLISHED
    assert "Grethe Hansen" in client.get("/frivillig/aarets-frivillige/").content.decode()


def test_anonymous_cannot_nominate(client):
    page = client.get("/frivillig/aarets-frivillige/").content.decode()
    assert "Log ind med en bekræftet e-mail" in page
    client.post("/frivillig/aarets-frivillige/indstil/", {"nom-nominee_name": "X"})
    assert not Nomination.objects.exists()


def test_a_declining_nominee_is_never_shown(client, citizen, culture_admin):
    n = services.nominate(actor=citizen, nominee_name="Ole", nominee_email="ole@example.dk", where="Biblioteket",
                          reason="Trofast")
    services.choose_nominee(actor=culture_admin, nomination=n)
    services.answer_nomination(actor=None, token=n.consent_token, consent=False)
    n.refresh_from_db()
    assert n.status == Nomination.Status.DECLINED
    assert "Ole" not in client.get("/frivillig/aarets-frivillige/").content.decode()
