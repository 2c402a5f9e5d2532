import importlib.util
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

ROOT = str(settings.BASE_DIR)


def run_manage(*args, env=None):
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=120)


PRODUCTION = {"DJANGO_SETTINGS_MODULE": "frivillig.settings.production", "SECRET_KEY": secrets.token_urlsafe(64),
              "ALLOWED_HOSTS": "frivillig.rudersdal.dk", "DATABASE_URL": "postgres://frivillig@127.0.0.1:5432/frivillig"}


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_secrets(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0 and missing in result.stderr


OIDC = {"OIDC_SERVER_URL": "https://login.rudersdal.dk/realms/staff", "OIDC_CLIENT_ID": "portal",
        "OIDC_CLIENT_SECRET": "s3cret"}


def settings_with(monkeypatch, env):
    """The settings as the portal reads them at start with this environment: frivillig/settings/base.py run afresh
    (in this process, not by importing Django again in a new one)."""
    for name in [n for n in os.environ if n.startswith("OIDC_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    from frivillig.settings import base

    spec = importlib.util.spec_from_file_location("frivillig.settings.fresh_base", base.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


def test_oidc_provider_is_enabled_by_environment(monkeypatch):
    s = settings_with(monkeypatch, OIDC)
    app = s["SOCIALACCOUNT_PROVIDERS"]["openid_connect"]["APPS"][0]
    assert app["settings"] == {"server_url": "https://login.rudersdal.dk/realms/staff", "oauth_pkce_enabled": True}
    assert app["client_id"] == "portal" and app["secret"] == "s3cret"
    assert "allauth.socialaccount.providers.openid_connect" in s["INSTALLED_APPS"]


@pytest.mark.parametrize("missing", list(OIDC))
def test_oidc_provider_needs_all_three_variables(monkeypatch, missing):
    s = settings_with(monkeypatch, {k: v for k, v in OIDC.items() if k != missing})
    assert "openid_connect" not in s["SOCIALACCOUNT_PROVIDERS"]
    assert "allauth.socialaccount.providers.openid_connect" not in s["INSTALLED_APPS"]


@pytest.mark.django_db
def test_security_headers_on_a_real_response(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    for directive in ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"]:
        assert directive in csp
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert "unsafe-inline" not in csp and directives["script-src"] == "'self'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_production_cookie_and_hsts_settings():
    from frivillig.settings import base

    code = ("import os; os.environ.update(" + repr(PRODUCTION) + "); import frivillig.settings.production as p;"
            "print(p.SECURE_HSTS_SECONDS, p.SESSION_COOKIE_SECURE, p.CSRF_COOKIE_SECURE, p.SESSION_COOKIE_HTTPONLY,"
            " p.SESSION_COOKIE_SAMESITE)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["31536000", "True", "True", "True", "Lax"], result.stderr
    assert base.SESSION_COOKIE_HTTPONLY


@pytest.mark.django_db
def test_pages_with_personal_data_are_not_stored(client, citizen):
    client.force_login(citizen)
    for path in ["/konto/", "/konto/mine-data/", "/opgaver/mine-ansoegninger/", "/puljer/mine-ansoegninger/"]:
        assert client.get(path)["Cache-Control"] == "no-store", path


INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


def assert_strict_csp(response):
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'" and directives["default-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["style-src"] == "'self'"
    # Scripts come only from the portal's own files: no nonce, no hash, and no inline script to need one
    # (a JSON-LD data block is not executed and is allowed).
    assert directives["script-src"] == "'self'"
    html = response.content.decode()
    for tag, body in re.findall(r"(<script\b[^>]*>)(.*?)</script>", html, re.DOTALL):
        assert 'src="/static/' in tag or ('type="application/ld+json"' in tag), tag
        assert 'src="/static/' not in tag or not body.strip(), tag
    assert " style=" not in html and not INLINE_HANDLER.search(html)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/konto/login/", "/konto/signup/", "/opgaver/", "/puljer/", "/hoeringer/",
                                  "/privatliv/", "/findes-ikke/"])
def test_strict_csp_on_public_pages(client, path):
    assert_strict_csp(client.get(path))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/konto/", "/konto/mine-data/", "/konto/slet/", "/konto/2fa/", "/medarbejder/",
                                  "/medarbejder/roller/"])
def test_strict_csp_and_no_store_on_signed_in_pages(client, culture_admin, path):
    client.force_login(culture_admin)
    response = client.get(path)
    assert response.status_code == 200
    assert_strict_csp(response)
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_production_cookies_and_hsts_on_real_responses(client, settings, citizen):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.CSRF_COOKIE_HTTPONLY = True
    settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME = "__Host-sessionid", "__Host-csrftoken"
    page = client.get("/konto/login/", secure=True)
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    csrf = page.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax" and csrf["path"] == "/"
    response = client.post("/konto/login/", {"login": citizen.email, "password": "korrekt-hest-batteri-42"},
                           secure=True)
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax" and not session["domain"]


@pytest.mark.django_db
def test_sign_in_rotates_the_session_and_sessions_are_bounded(client, citizen):
    client.get("/konto/login/")
    client.session.save()
    before = client.session.session_key
    response = client.post("/konto/login/", {"login": citizen.email, "password": "korrekt-hest-batteri-42",
                                             "remember": "on"})
    assert response.status_code == 302 and client.session.session_key != before
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 12 * 3600
    client.logout()
    response = client.post("/konto/login/", {"login": citizen.email, "password": "korrekt-hest-batteri-42"})
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == ""  # ends with the browser


def test_language_cookie_is_secure_in_production():
    code = ("import os; os.environ.update(" + repr(PRODUCTION) + "); import frivillig.settings.production as p;"
            "print(p.LANGUAGE_COOKIE_SECURE, p.LANGUAGE_COOKIE_HTTPONLY, p.LANGUAGE_COOKIE_SAMESITE)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "True", "Lax"], result.stderr


@pytest.mark.django_db
def test_permissions_policy_denies_powerful_features(client):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


@pytest.mark.django_db(transaction=True)
def test_the_access_log_cannot_be_truncated(citizen, culture_admin):
    """The append-only trigger covered UPDATE and DELETE; TRUNCATE fires no row trigger (pen-test row 15). The test
    settings allow TRUNCATE for Django's flush between tests, so this connection is opened without that option."""
    import psycopg
    from django.db import connection

    from frivillig.core.audit import log_access

    log_access(actor=culture_admin, subjects=[citizen], reason="Sagsbehandling")
    params = {k: v for k, v in connection.get_connection_params().items() if k != "options"}
    with psycopg.connect(**params) as raw, raw.cursor() as cursor:
        with pytest.raises(psycopg.errors.RaiseException, match="TRUNCATE refused"):
            cursor.execute("TRUNCATE core_personaldataaccess CASCADE")
        raw.rollback()
        cursor.execute("SELECT count(*) FROM core_personaldataaccess")
        assert cursor.fetchone()[0] == 1
