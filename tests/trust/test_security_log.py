"""Security events reach the log (ASVS V16): sign-ins, failures, rate-limit refusals, second factors, erasure;
never a password or an e-mail address in clear."""

import logging

import pytest
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator

from frivillig.accounts.gdpr import erase_user
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def security_log(caplog):
    caplog.set_level(logging.INFO, logger="frivillig.security")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "frivillig.security"]


def test_sign_in_failure_and_refusal_are_logged_without_secrets(client, citizen, security_log):
    client.post("/konto/login/", {"login": citizen.email, "password": "forkert-kode"}, REMOTE_ADDR="10.9.0.1")
    for _ in range(5):
        client.post("/konto/login/", {"login": citizen.email, "password": "forkert-kode"}, REMOTE_ADDR="10.9.0.1")
    client.post("/konto/login/", {"login": citizen.email, "password": PASSWORD}, REMOTE_ADDR="10.9.0.2")
    client.post("/konto/logout/", REMOTE_ADDR="10.9.0.2")
    lines = security_log()
    assert any(line.startswith("event=login_failed ip=10.9.0.1 login=") for line in lines)
    assert any(line.startswith("event=login_rate_limited ip=10.9.0.1") for line in lines)
    assert f"event=login ip=10.9.0.2 user={citizen.pk}" in lines
    assert f"event=logout ip=10.9.0.2 user={citizen.pk}" in lines
    text = "\n".join(lines)
    assert "forkert-kode" not in text and PASSWORD not in text and citizen.email not in text


def test_second_factor_changes_and_erasure_are_logged(citizen, security_log, rf):
    authenticator = Authenticator.objects.create(user=citizen, type=Authenticator.Type.TOTP, data={"secret": "x"})
    request = rf.post("/", REMOTE_ADDR="10.9.0.3")
    mfa_signals.authenticator_added.send(sender=Authenticator, request=request, user=citizen, authenticator=authenticator)
    mfa_signals.authentication_failed.send(sender=Authenticator, request=request, user=citizen,
                                           authenticator=authenticator)
    erase_user(citizen, dry_run=False)
    lines = security_log()
    assert f"event=mfa_added ip=10.9.0.3 user={citizen.pk} type=totp" in lines
    assert f"event=mfa_failed ip=10.9.0.3 user={citizen.pk} type=totp" in lines
    assert f"event=account_erased ip=- user={citizen.pk}" in lines
