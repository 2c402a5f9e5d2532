"""A signed-in page from the shared page cache costs no query: the person comes from the cache
(frivillig/core/sessions.py) and the personal parts are joined, not rendered (frivillig/core/holes.py). What must
still hold: every person sees only themselves, and a change to the person (password, name, roles, deactivation,
sign-out) shows on their very next request."""

import re

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.template import Template
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from frivillig.core import holes
from frivillig.core.pagecache import HEADER
from tests.conftest import heading
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NAME_LINK = re.compile(r'<p class="user"><a href="/konto/">([^<]*)</a></p>')


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def names_on(response) -> set[str]:
    return set(NAME_LINK.findall(response.content.decode()))


def test_a_signed_in_page_from_the_cache_runs_no_query(citizen, django_assert_num_queries):
    anna = signed_in(citizen)
    anna.get("/opgaver/")
    anna.get("/opgaver/")  # the worker now knows whose session it is
    with django_assert_num_queries(0):
        page = anna.get("/opgaver/")
    assert page[HEADER] == "personal-hit" and names_on(page) == {"Anna Andersen"}


def test_people_sharing_the_cached_person_and_page_each_see_only_themselves(citizen, other_citizen,
                                                                           institution_staff):
    anna, bo, signe = signed_in(citizen), signed_in(other_citizen), signed_in(institution_staff)
    for _ in range(3):
        pages = {name: client.get("/opgaver/") for name, client in
                 (("Anna Andersen", anna), ("Bo Bertelsen", bo), ("Signe Skovly", signe))}
        for name, page in pages.items():
            assert names_on(page) == {name}
            others = {"Anna Andersen", "Bo Bertelsen", "Signe Skovly"} - {name}
            assert not any(other in page.content.decode() for other in others)
        assert "/medarbejder/" in pages["Signe Skovly"].content.decode()
        assert "/medarbejder/" not in pages["Bo Bertelsen"].content.decode()


def test_a_password_changed_in_one_session_ends_the_others_at_once(citizen):
    here, elsewhere = signed_in(citizen), signed_in(citizen)
    for _ in range(2):
        assert names_on(elsewhere.get("/opgaver/")) == {"Anna Andersen"}  # the person is in the cache now
    response = here.post(reverse("account_change_password"),
                         {"oldpassword": PASSWORD, "password1": "Et-helt-nyt-kodeord-42", "password2": "Et-helt-nyt-kodeord-42"})
    assert response.status_code == 302
    page = elsewhere.get("/opgaver/")
    assert names_on(page) == set() and "Anna Andersen" not in page.content.decode()
    assert names_on(here.get("/opgaver/")) == {"Anna Andersen"}  # the session that changed it stays signed in


def test_a_signed_out_session_gets_the_anonymous_page(citizen):
    anna = signed_in(citizen)
    anna.get("/opgaver/")
    anna.get("/opgaver/")
    anna.post(reverse("account_logout"))
    anna.get("/opgaver/")  # the sign-out message
    page = anna.get("/opgaver/")
    assert "Anna Andersen" not in page.content.decode() and reverse("account_login") in page.content.decode()


def test_a_new_name_and_a_deactivation_show_on_the_next_request(citizen):
    anna = signed_in(citizen)
    anna.get("/opgaver/")
    assert names_on(anna.get("/opgaver/")) == {"Anna Andersen"}
    citizen.full_name = "Anna Abildgaard"
    citizen.save()
    assert names_on(anna.get("/opgaver/")) == {"Anna Abildgaard"}
    citizen.is_active = False
    citizen.save()
    page = anna.get("/opgaver/")
    assert "Anna Abildgaard" not in page.content.decode() and names_on(page) == set()


def test_the_joined_personal_part_is_what_a_full_render_prints(citizen):
    """Also for a name that HTML must escape, in both languages, for staff and not."""
    citizen.full_name = 'Åse <b>"O\'Neil"</b> & Co'
    citizen.save()
    for language in ("da", "en"):
        with translation.override(language):
            request = RequestFactory().get("/opgaver/?by=holte&q=%C3%A6ble")
            request.user = citizen
            joined = holes.Filler(request).part("components/user_links.html")
            full = holes.render_personal("components/user_links.html", request)
        tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1) for html in (joined, full)]
        assert _unmask_cipher_token(tokens[0]) == _unmask_cipher_token(tokens[1])  # one person, one secret
        assert joined.replace(tokens[0], "") == full.replace(tokens[1], "")
        assert "&lt;b&gt;&quot;O&#x27;Neil&quot;&lt;/b&gt; &amp; Co" in joined
        assert 'value="/opgaver/?by=holte&amp;q=%C3%A6ble"' in joined
    for name in ("components/user_links.html", "components/csrf_token.html"):  # both joined, not rendered
        assert holes.shapes.get((name, "da", False, True, True)) is not None


@pytest.mark.parametrize("source", ["{{ user.phone }}", "{{ user }}", "{{ request.session.keys }}",
                                    "{{ request.user.email }}", "{{ user.get_full_name|upper }}",
                                    "{{ user.email|truncatechars:10 }}", "{{ request.get_full_path|urlencode }}",
                                    "{{ user.get_full_name|length }}", "{{ user.get_full_name|lower }}",
                                    "{% autoescape off %}{{ user.get_full_name }}{% endautoescape %}"])
def test_a_personal_template_that_asks_for_more_than_name_email_and_token_is_rendered_in_full(source):
    assert holes.compile_template(Template(source), "da", False, True, True) is None


def test_a_personal_template_of_name_email_and_token_is_joined():
    parts = holes.compile_template(Template('<a>{{ user.get_full_name }}</a>{{ user.email }}{% csrf_token %}'
                                            '<input value="{{ request.get_full_path }}">'), "da", False, True, True)
    assert parts is not None and parts[1::2] == (holes.NAME, holes.EMAIL, holes.TOKEN, holes.PATH)


def test_the_content_security_policy_built_once_is_the_one_the_settings_say(client, settings):
    from csp.constants import SELF
    from csp.utils import build_policy

    assert client.get("/opgaver/")["Content-Security-Policy"] == build_policy()
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [SELF], "img-src": [SELF, "https://kort.example"]}}
    header = client.get("/opgaver/?by=holte")["Content-Security-Policy"]
    assert "https://kort.example" in header and header == build_policy()


def test_the_personal_token_is_a_django_token_of_the_requests_own_secret():
    from django.middleware.csrf import get_token

    with_cookie = RequestFactory().get("/opgaver/")
    secret = _unmask_cipher_token(get_token(with_cookie))
    tokens = {holes.csrf_token(with_cookie) for _ in range(20)}
    assert len(tokens) == 20 and {_unmask_cipher_token(t) for t in tokens} == {secret}  # masked anew each time
    assert all(len(t) == 64 and t.isalnum() for t in tokens)
    without = RequestFactory().get("/opgaver/")
    token = holes.csrf_token(without)
    assert _unmask_cipher_token(token) == without.META["CSRF_COOKIE"] and without.META["CSRF_COOKIE_NEEDS_UPDATE"]


def test_a_role_granted_or_removed_decides_access_on_the_next_request(citizen, institution):
    from frivillig.accounts.models import Role, RoleAssignment

    anna = signed_in(citizen)
    for _ in range(2):
        assert anna.get("/medarbejder/").status_code == 403  # the person and their roles are in the cache now
    role = RoleAssignment.objects.create(user=citizen, role=Role.INSTITUTION_STAFF, organisation=institution)
    assert heading(anna.get("/medarbejder/")) == "Medarbejderområdet"
    assert heading(anna.get("/medarbejder/")) == "Medarbejderområdet"
    role.delete()
    assert anna.get("/medarbejder/").status_code == 403


def test_the_second_factor_rule_asks_no_role_query_of_a_cached_citizen(citizen, settings, django_assert_num_queries):
    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = True
    anna = signed_in(citizen)
    anna.get("/opgaver/")
    anna.get("/opgaver/")
    with django_assert_num_queries(0):
        assert names_on(anna.get("/opgaver/")) == {"Anna Andersen"}


@pytest.fixture
def real_redis(settings):
    """The development Redis (scripts/test.sh starts it), in a database of this test worker's own."""
    import redis

    from frivillig.core.cache import FailOpenRedisCache
    from tests.conftest import worker_redis_url

    location = worker_redis_url()
    redis.Redis.from_url(location).flushdb()
    yield FailOpenRedisCache(location, {}), redis.Redis.from_url(location)
    redis.Redis.from_url(location).flushdb()


def test_the_one_read_of_a_signed_in_request_returns_what_was_kept_and_reconnects(real_redis):
    cache, server = real_redis
    values = {"session": {"_auth_user_id": "7", "note": "æøå\r\n$3\r\n*1"}, "count": 42, "raw": b"\r\n\x00-1\r\n",
              "text": "Åse", "a key with spaces and a very long tail " + "x" * 300: 1}
    cache.set_many(values)
    keys = [*values, "missing"]
    assert cache.get_many(keys) == values
    db = server.connection_pool.connection_kwargs["db"]
    for other in server.client_list():  # Redis drops the connections to this database (a restart, a timeout);
        if int(other["db"]) == db and other["id"] != str(server.client_id()):  # other workers' are left alone
            server.client_kill_filter(_id=other["id"])
    assert cache.get_many(keys) == values  # the client connects again


def test_the_one_read_fails_open_like_the_cache():
    from frivillig.core.cache import FailOpenRedisCache

    nowhere = FailOpenRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    assert nowhere.get_many(["session", "person"]) == {}
