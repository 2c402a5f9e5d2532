"""Settings shared by every environment. Values come from the environment with safe development
defaults; production.py removes the defaults for secrets."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The embedded development cluster (scripts/devservices.sh) listens on this port.
DEV_PG_PORT = os.environ.get("DEV_PG_PORT", "54329")
DEV_REDIS_PORT = os.environ.get("DEV_REDIS_PORT", "63799")

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"postgres://frivillig@127.0.0.1:{DEV_PG_PORT}/frivillig"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", f"redis://127.0.0.1:{DEV_REDIS_PORT}/0")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sites",
    # third party
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.mfa",
    "crispy_forms",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "csp",
    # the portal's core
    "frivillig.core",
    "frivillig.accounts",
    "frivillig.organisations",
    "frivillig.search",
    # domain apps
    "policy",
    "network",
    "taskbank",
    "grants",
    "strategy",
    # last: deletes a FileField's file when its row is deleted or the file replaced (after commit), so that
    # erasure and retention leave no uploads behind
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "frivillig.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "frivillig.core.middleware.RejectNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "frivillig.accounts.middleware.CachedUserAuthenticationMiddleware",  # the person from the cache
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "frivillig.core.middleware.CSPMiddleware",  # django-csp's, with the unchanging header built once
    "allauth.account.middleware.AccountMiddleware",
    "frivillig.accounts.middleware.RequireMFAForPrivilegedRoles",
    "simple_history.middleware.HistoryRequestMiddleware",
    "frivillig.core.middleware.NoStoreForPersonalDataMiddleware",
]

ROOT_URLCONF = "frivillig.urls"
WSGI_APPLICATION = "frivillig.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "frivillig.core.context_processors.portal",
            ],
            # {% load portal %} everywhere: |kr and |amount are how every page, e-mail and PDF writes money.
            "builtins": ["frivillig.core.templatetags.portal"],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
SITE_ID = 1

# django-allauth: e-mail is the login, verified before a citizen can apply or respond.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Frivillig Rudersdal: "
ACCOUNT_FORMS = {"signup": "frivillig.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "frivillig.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, spelt out so that operators can see them in one place.
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    "login": "30/m/ip",
    # Failed logins: 10 a minute per IP, and 5 per 5 minutes per account *from one IP* (the adapter keys the
    # account count by IP and e-mail), so that nobody can lock the owner out from elsewhere (SECURITY.md).
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
}
# Behind the municipality's reverse proxy the client's address is the last-but-N entry of X-Forwarded-For;
# rate limits per IP need it (0: use REMOTE_ADDR, as in development and tests).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Frivillig Rudersdal"
# The Culture department and the steering group must use a second factor for the staff workspace.
MFA_REQUIRED_FOR_PRIVILEGED_ROLES = env_bool("MFA_REQUIRED_FOR_PRIVILEGED_ROLES", True)
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_PROVIDERS: dict = {}
# Staff single sign-on with the municipality's identity provider (OpenID Connect), enabled by environment.
if all(os.environ.get(name) for name in ("OIDC_SERVER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET")):
    INSTALLED_APPS.append("allauth.socialaccount.providers.openid_connect")
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [{
            "provider_id": "rudersdal",
            "name": os.environ.get("OIDC_NAME", "Rudersdal Kommune (medarbejderlogin)"),
            "client_id": os.environ["OIDC_CLIENT_ID"],
            "secret": os.environ["OIDC_CLIENT_SECRET"],
            # PKCE on top of client secret and state; allauth checks the ID token's signature, issuer and audience.
            "settings": {"server_url": os.environ["OIDC_SERVER_URL"], "oauth_pkce_enabled": True},
        }],
    }

CRISPY_ALLOWED_TEMPLATE_PACKS = ("dkfds",)
CRISPY_TEMPLATE_PACK = "dkfds"
CRISPY_FAIL_SILENTLY = False

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["frivillig.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded and generated files live outside the web root and are served only through views that
# check permission (see frivillig.core.files).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/filer/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Frivillig Rudersdal <frivillig@rudersdal.dk>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address of the portal in e-mails and feeds.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
# Who people write to and where the department sits: the municipality's own details, set per installation
# (footer, PDF letterheads and decision letters read them here, never from a template). The defaults are
# placeholders: the seeds name Kulturcenter Mariehøj as the Culture secretariat's home; no seed names an address.
PORTAL_CONTACT_EMAIL = os.environ.get("PORTAL_CONTACT_EMAIL", "frivillig@rudersdal.dk")
PORTAL_CONTACT_ADDRESS = os.environ.get("PORTAL_CONTACT_ADDRESS", "Kulturcenter Mariehøj")

# Celery: late acknowledgement so a task lost with its worker is run again; every task is idempotent.
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
# Periodic tasks: each app lists its own in <app>/schedule.py (BEAT_SCHEDULE); frivillig/celery.py
# merges them. Run exactly one beat.

# Redis, failing open: if it does not answer within a second, pages are computed without it (frivillig/core/cache.py).
CACHES = {"default": {"BACKEND": "frivillig.core.cache.FailOpenRedisCache", "LOCATION": REDIS_URL,
                      "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}

# Content-Security-Policy (django-csp 4): no inline script or style at all, so scripts need no nonce and a
# page is the same for every anonymous visitor (frivillig/core/pagecache.py shares it).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A session lasts at most 12 hours ("Husk mig"), otherwise until the browser closes (ASVS V7.3).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(12 * 3600)))
# Sessions are written to the database with a copy in the cache for a few minutes (frivillig/core/sessions.py), so a
# signed-in request reads its session from Redis (no query). The database stays the record: with the cache away
# (frivillig/core/cache.py fails open) the session is read from there, and ending a session removes it from both.
SESSION_ENGINE = "frivillig.core.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"weasyprint": {"level": "ERROR"}, "fontTools": {"level": "ERROR"}},
}

# GDPR retention periods (days); documented on /privatliv/ and applied by a daily Celery task.
RETENTION_DAYS = {
    "unverified_account": int(os.environ.get("RETAIN_UNVERIFIED_ACCOUNT_DAYS", "30")),
    "declined_task_application": int(os.environ.get("RETAIN_DECLINED_TASK_APPLICATION_DAYS", "90")),
    "closed_task_application": int(os.environ.get("RETAIN_CLOSED_TASK_APPLICATION_DAYS", "365")),
    "notification_log": int(os.environ.get("RETAIN_NOTIFICATION_LOG_DAYS", "365")),
    # PDFs made on /konto/mine-data/ (a copy of everything about the person): kept only to be downloaded.
    "data_export": int(os.environ.get("RETAIN_DATA_EXPORT_DAYS", "7")),
    # A grant application never submitted, counted from its last change (with its attachments).
    "grant_draft": int(os.environ.get("RETAIN_GRANT_DRAFT_DAYS", "365")),
    # Who signed up for a strategy meeting or a task-bank event, counted from the meeting's or event's end.
    "meeting_signup": int(os.environ.get("RETAIN_MEETING_SIGNUP_DAYS", "90")),
}
