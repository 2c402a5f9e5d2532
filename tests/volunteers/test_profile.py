import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from volunteers import services
from volunteers.models import Profile

pytestmark = pytest.mark.django_db


def test_saving_a_profile_does_not_make_her_findable(profile):
    assert profile.competences == ["it"] and not profile.is_findable()


def test_the_profile_page_saves_and_shows_the_consent_choice(client, citizen):
    client.force_login(citizen)
    response = client.post("/frivillig/profil/", {"competences": ["it", "reading"], "towns": ["holte"],
                                                  "can_do": "Læser højt", "hours_per_week": "2"})
    assert response.status_code == 302
    assert Profile.objects.get(user=citizen).competences == ["reading", "it"] or \
        set(Profile.objects.get(user=citizen).competences) == {"it", "reading"}
    page = client.get("/frivillig/profil/").content.decode()
    assert "Må medarbejdere finde dig?" in page and "365 dage" in page


def test_junk_in_the_profile_form_is_shown_as_field_errors(client, citizen):
    client.force_login(citizen)
    response = client.post("/frivillig/profil/", {"competences": ["nonsense"], "hours_per_week": "-4"})
    assert response.status_code == 200 and not Profile.objects.exists()


def test_consent_needs_a_profile_with_something_to_find(citizen):
    with pytest.raises(ValidationError):
        services.give_consent(actor=citizen)
    services.save_profile(actor=citizen, data={"towns": ["holte"]})
    with pytest.raises(ValidationError):
        services.give_consent(actor=citizen)


def test_consent_lasts_a_year_and_withdrawing_hides_her(client, citizen, profile):
    client.force_login(citizen)
    client.post("/frivillig/profil/samtykke/", {"consent": "on"})
    profile.refresh_from_db()
    assert profile.is_findable()
    assert 364 <= (profile.findable_until - profile.consented_at).days <= 365
    client.post("/frivillig/profil/samtykke/traek-tilbage/")
    profile.refresh_from_db()
    assert not profile.is_findable()


def test_consent_without_the_tick_is_refused(client, citizen, profile):
    client.force_login(citizen)
    client.post("/frivillig/profil/samtykke/", {})
    profile.refresh_from_db()
    assert not profile.is_findable()


def test_anonymous_cannot_save_a_profile():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.save_profile(actor=AnonymousUser(), data={})


def test_delete_profile(client, citizen, profile):
    client.force_login(citizen)
    client.post("/frivillig/profil/slet/")
    assert not Profile.objects.exists()


def test_export_and_erasure_include_the_profile(client, citizen, findable, it_task, institution_staff):
    from frivillig.accounts.gdpr import erase_user
    from volunteers.models import Invitation

    services.invite(actor=institution_staff, profile=findable, task=it_task, message="Kom og hjælp")
    client.force_login(citizen)
    data = client.get("/konto/mine-data/?format=json").json()
    exported = str(data)
    assert "tablets" in exported and "Kom og hjælp" in exported
    erase_user(citizen, dry_run=False)
    assert not Profile.objects.exists() and not Invitation.objects.exists()


def test_retention_removes_lapsed_consent_and_old_invitations(citizen, findable, it_task, institution_staff):
    from datetime import timedelta

    from django.utils import timezone

    from volunteers.models import Invitation
    from volunteers.personal_data import expire_consent, purge_old_invitations

    services.invite(actor=institution_staff, profile=findable, task=it_task, message="Hej")
    later = timezone.now() + timedelta(days=400)
    assert expire_consent(later) == 1
    assert purge_old_invitations(later) >= 1 and not Invitation.objects.exists()
