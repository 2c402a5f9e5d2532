from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import JavaScriptCatalog, set_language

from frivillig.core import views as core_views
from taskbank.api import api as taskbank_api

handler400 = "frivillig.core.views.error_400"
# The admin signs in through allauth's login: the second factor and the login rate limits apply there as everywhere.
admin.site.login = secure_admin_login(admin.site.login)

handler403 = "frivillig.core.views.error_403"
handler404 = "frivillig.core.views.error_404"
handler500 = "frivillig.core.views.error_500"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("healthz/live", core_views.liveness, name="liveness"),
    path("metrics", core_views.metrics, name="metrics"),
    path("tilgaengelighed/", core_views.accessibility, name="accessibility"),
    path("privatliv/", core_views.privacy, name="privacy"),
    path("medarbejder/", core_views.staff_home, name="staff_home"),
    # No CSRF token: the switch only sets the display-language cookie and redirects to a same-host `next`, and
    # leaving the token out keeps anonymous pages shareable (SECURITY.md lists the two token-free POSTs).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("frivillig.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("", include("frivillig.core.urls")),
    path("politik/", include("policy.urls")),
    path("medarbejder/politik/", include("policy.staff_urls")),
    path("medarbejder/soegning/", include("frivillig.search.urls")),  # the search's vocabulary
    path("", include("taskbank.urls")),  # /opgaver/, /ideer/, /arrangementer/, /medarbejder/opgaver/
    path("", include("engagement.urls")),  # /frivillig/, /medarbejder/frivillige/
    path("", include("volunteers.urls")),  # /frivillig/, /medarbejder/find-frivillige/, /kampagner/
    path("", include("grants.urls")),  # /puljer/, /medarbejder/puljer/
    path("", include("strategy.urls")),  # /strategi/, /hoeringer/, /medarbejder/strategi/
    path("", include("network.urls")),  # /netvaerk/, /medarbejder/netvaerk/
    path("api/", taskbank_api.urls),  # public read-only API of tasks and events (OpenAPI: /api/openapi.json)
    path("admin/", admin.site.urls),
]
