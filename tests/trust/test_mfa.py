"""A second factor: optional for everybody, required for the Culture department and the steering group before
they use anything but public pages (frivillig.accounts.middleware.RequireMFAForPrivilegedRoles)."""

import pytest
from allauth.mfa.models import Authenticator

from tests.conftest import heading

pytestmark = pytest.mark.django_db


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = True


def test_culture_department_must_set_up_a_second_factor(client, mfa_required, culture_admin):
    client.force_login(culture_admin)
    response = client.get("/medarbejder/", follow=True)
    assert response.redirect_chain[0][0].startswith("/konto/2fa/totp/activate")
    assert "Din rolle kræver totrinsbekræftelse" in response.content.decode()


def test_steering_group_must_set_up_a_second_factor(client, mfa_required, steering_member):
    client.force_login(steering_member)
    response = client.get("/medarbejder/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/2fa/totp/activate")


def test_with_a_totp_authenticator_the_workspace_opens(client, mfa_required, culture_admin):
    Authenticator.objects.create(user=culture_admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(culture_admin)
    assert heading(client.get("/medarbejder/")) == "Medarbejderområdet"


def test_optional_for_institution_staff_and_citizens(client, mfa_required, institution_staff, citizen):
    client.force_login(institution_staff)
    assert heading(client.get("/medarbejder/")) == "Medarbejderområdet"
    client.force_login(citizen)
    assert heading(client.get("/konto/")) == "Min konto"
    assert client.get("/konto/2fa/").status_code == 200  # anyone may choose it


def test_everything_but_public_pages_and_the_setup_is_guarded(client, mfa_required, culture_admin):
    """By role, not by URL prefix: tests/trust/test_second_factor_everywhere.py checks the whole URLconf."""
    client.force_login(culture_admin)
    assert client.get("/konto/")["Location"].startswith("/konto/2fa/totp/activate")
    assert client.get("/").status_code == 200


def test_rule_can_be_switched_off(client, settings, culture_admin):
    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = False
    client.force_login(culture_admin)
    assert heading(client.get("/medarbejder/")) == "Medarbejderområdet"


def test_required_in_base_and_production_settings():
    from frivillig.settings import base

    assert base.MFA_REQUIRED_FOR_PRIVILEGED_ROLES is True
    assert "frivillig.accounts.middleware.RequireMFAForPrivilegedRoles" in base.MIDDLEWARE
    assert base.MIDDLEWARE.index("frivillig.accounts.middleware.RequireMFAForPrivilegedRoles") > \
        base.MIDDLEWARE.index("allauth.account.middleware.AccountMiddleware")


def test_the_admin_is_guarded_too(client, mfa_required, culture_admin):
    culture_admin.is_staff = True
    culture_admin.save()
    client.force_login(culture_admin)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/2fa/totp/activate")


@pytest.mark.parametrize("path", ["/netvaerk/styregruppe/overblik/", "/netvaerk/forslag/"])
def test_the_steering_groups_member_pages_are_guarded(client, mfa_required, steering_member, path):
    client.force_login(steering_member)
    assert client.get(path)["Location"].startswith("/konto/2fa/totp/activate")


def test_public_network_pages_are_not_guarded(client, mfa_required, steering_member):
    client.force_login(steering_member)
    assert heading(client.get("/netvaerk/")) == "Sådan arbejder Rudersdal Kommune med frivillighed"
    assert heading(client.get("/netvaerk/indsatsomraader/")) == "Årlige indsatsområder"
