"""Every token link acts only for its person, or only does what the token names (issue 26, row 1 and its class).

The token-bearing URLs are found in the URLconf (a parameter named like a token or key); each must have a case
below, which makes a link for one person (Anna) and uses it, opened and submitted, while another person (Bo) is
signed in. A URL with a token that has no case here fails the first test, so a link added later is covered.
"""

import re

import pytest
from allauth.account.models import EmailAddress

from frivillig.accounts.models import OrganisationInvitation, RoleAssignment
from tests.trust.test_url_walk import _patterns

pytestmark = pytest.mark.django_db

TOKEN_PARAMETER = re.compile(r"<(?:\w+:)?(\w*(?:token|key|uid)\w*)>|\(\?P<(\w*(?:token|key|uid)\w*)>", re.IGNORECASE)


def token_routes() -> dict[str, str]:
    return {p.name or route: route for route, p in _patterns()
            if TOKEN_PARAMETER.search(route) and not route.startswith("admin/")}


def _invitation(owner, intruder, client):
    """An organisation invitation to Anna's address: Bo, signed in and verified, cannot accept it."""
    from frivillig.organisations import services
    from tests.factories import AssociationFactory, RoleAssignmentFactory

    club = AssociationFactory(name="Holte Roklub")
    rep = RoleAssignmentFactory(role="association_rep", organisation=club).user
    invitation = services.invite_member(actor=rep, organisation=club, email=owner.email)
    client.force_login(intruder)
    page = client.get(invitation.get_absolute_url()).content.decode()
    assert "Acceptér invitationen" not in page and "sendt til en anden e-mailadresse" in page
    client.post(invitation.get_absolute_url())
    assert not RoleAssignment.objects.filter(user=intruder, organisation=club).exists()
    assert OrganisationInvitation.objects.get(pk=invitation.pk).accepted_at is None
    # Its person can.
    client.force_login(owner)
    client.post(invitation.get_absolute_url())
    assert RoleAssignment.objects.filter(user=owner, organisation=club).exists()


def _confirm_email(owner, intruder, client):
    """Anna's confirmation link, used by Bo: it confirms Anna's address only, and Bo stays Bo."""
    from allauth.account.models import EmailConfirmationHMAC

    address = EmailAddress.objects.create(user=owner, email="anna.ny@example.dk", verified=False)
    key = EmailConfirmationHMAC(address).key
    client.force_login(intruder)
    client.post(f"/konto/confirm-email/{key}/")
    assert EmailAddress.objects.get(pk=address.pk).user_id == owner.pk
    assert not EmailAddress.objects.filter(user=intruder, email="anna.ny@example.dk").exists()
    assert EmailAddress.objects.get(pk=address.pk).verified
    assert client.session.get("_auth_user_id") in (None, str(intruder.pk))  # signed out or still Bo, never Anna


def _reset_password(owner, intruder, client):
    """Anna's password-reset link, used by Bo: Bo's password is untouched and Bo never becomes Anna."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    from tests.factories import PASSWORD

    url = f"/konto/password/reset/key/{user_pk_to_url_str(owner)}-{default_token_generator.make_token(owner)}/"
    client.force_login(intruder)
    response = client.get(url, follow=True)
    final = response.redirect_chain[-1][0] if response.redirect_chain else url
    client.post(final, {"password1": "helt-nyt-kodeord-77", "password2": "helt-nyt-kodeord-77"})
    intruder.refresh_from_db()
    assert intruder.check_password(PASSWORD)
    assert client.session.get("_auth_user_id") in (None, str(intruder.pk))


def _unsubscribe(owner, intruder, client):
    """Anna's unsubscribe link, used by Bo: it removes Anna's one saved search and nothing of Bo's."""
    from taskbank import services
    from taskbank.models import SavedSearch

    annas = services.save_search(actor=owner, name="Holte", query="by=holte")
    bos = services.save_search(actor=intruder, name="Nærum", query="by=naerum")
    client.force_login(intruder)
    assert client.get(f"/opgaver/afmeld/{annas.unsubscribe_token}/").status_code == 200
    client.post(f"/opgaver/afmeld/{annas.unsubscribe_token}/")
    assert not SavedSearch.objects.filter(pk=annas.pk).exists()
    assert SavedSearch.objects.filter(pk=bos.pk).exists()


def _document(owner, intruder, client, django_capture_on_commit_callbacks=None):
    """Anna's data-export PDF, by its unguessable id: Bo gets a 404, Anna her PDF."""
    from frivillig.core import pdf

    document = pdf.request("accounts.my_data", obj=owner, version="token-test")
    client.force_login(intruder)
    assert client.get(f"/dokumenter/{document.uuid}/").status_code == 404
    assert client.get(f"/dokumenter/{document.uuid}/?download=1").status_code == 404
    client.force_login(owner)
    assert client.get(f"/dokumenter/{document.uuid}/").status_code == 200


def _calendar_feed(owner, intruder, client):
    """Anna's calendar address, opened by Bo: it shows Anna's sessions only (what the token names), never Bo's, and
    once Anna makes a new address the old one shows nothing at all."""
    from engagement import services
    from tests.engagement.conftest import make_session
    from tests.taskbank.factories import TaskFactory

    annas, bos = TaskFactory(title="Lektiehjælp i Nærum"), TaskFactory(title="Naturpleje i Trørød")
    from engagement.models import SessionSignup

    SessionSignup.objects.create(session=make_session(annas), volunteer=owner)
    SessionSignup.objects.create(session=make_session(bos), volunteer=intruder)
    feed = services.new_calendar_token(actor=owner)
    client.force_login(intruder)
    body = client.get(f"/frivillig/kalender/{feed.token}.ics").content.decode()
    assert "Lektiehjælp i Nærum" in body and "Naturpleje i Trørød" not in body
    old = feed.token
    services.new_calendar_token(actor=owner)
    assert client.get(f"/frivillig/kalender/{old}.ics").status_code == 404


def _nomination_consent(owner, intruder, client):
    """The consent link sent to a nominee for "Årets frivillige", used by Bo: it answers for that nomination only."""
    from engagement import services
    from engagement.models import Nomination
    from tests.factories import RoleAssignmentFactory

    admin = RoleAssignmentFactory(role="culture_admin").user
    annas = services.nominate(actor=intruder, nominee_name="Anna", nominee_email=owner.email, where="Biblioteket",
                              reason="Altid der")
    others = services.nominate(actor=intruder, nominee_name="Carl", nominee_email="carl@example.dk",
                               where="Hallen", reason="Altid der")
    for nomination in (annas, others):
        services.choose_nominee(actor=admin, nomination=nomination)
    client.force_login(intruder)
    assert client.get(f"/frivillig/aarets-frivillige/samtykke/{'x' * 40}/").status_code == 404
    client.post(f"/frivillig/aarets-frivillige/samtykke/{annas.consent_token}/", {"consent": "no"})
    assert Nomination.objects.get(pk=annas.pk).status == Nomination.Status.DECLINED
    assert Nomination.objects.get(pk=others.pk).status == Nomination.Status.CHOSEN


CASES = {
    "calendar_feed": _calendar_feed,
    "consent": _nomination_consent,
    "document": _document,
    "invitation": _invitation,
    "account_confirm_email": _confirm_email,
    "account_reset_password_from_key": _reset_password,
    "unsubscribe": _unsubscribe,
}


def test_every_token_url_has_a_case():
    routes = token_routes()
    assert len(routes) >= 4
    missing = set(routes) - set(CASES)
    assert not missing, f"token URLs without a test that another person cannot use them: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_token_link_acts_only_for_its_person(name, client, citizen, other_citizen):
    assert name in token_routes()
    CASES[name](citizen, other_citizen, client)
