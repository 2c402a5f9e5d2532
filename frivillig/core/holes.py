"""The personal parts of a shared signed-in page (``{% personal "template.html" %}``, frivillig/core/pagecache.py),
filled for each request without rendering a template.

A personal template is rendered once per *shape* (template, language, staff link or not, whether the person has a
name and an e-mail address) with stand-ins instead of the person: a user whose name and e-mail address, a CSRF
token, and a request whose ``get_full_path`` (all it offers) are random markers of this process. The result is split
at the markers; a request then joins the parts with its own escaped name, e-mail address, token and address, exactly
what ``{{ user.get_full_name }}``, ``{{ user.email }}``, ``{% csrf_token %}`` and ``{{ request.get_full_path }}``
print. So nothing personal is ever in a kept part: the stand-ins hold nothing of anybody.

A personal template is given five names and nothing else, whether it is rendered in place (an uncached page), in
full or with stand-ins: ``user``, ``request``, ``portal_is_staff``, ``csrf_token`` and ``LANGUAGE_CODE`` (``GIVEN``).
Reading any other name (``{{ messages }}``, ``{% if task %}``) raises ``PersonalTemplateError`` wherever the template
is rendered, so the page fails in every test that shows it instead of printing it on fresh pages only.

A template that asks the stand-ins for anything else (``user.phone``, ``request.session``, ``{{ user }}``), or
transforms a value (``|lower``, ``|truncatechars``, ``|length``, ``|urlencode``), cannot be filled this way: it is
noticed when the shape is first rendered (twice: with markers, and with values of other lengths and characters),
and that template is then rendered in full with the real person on every request. Not noticed, so not to be written in a personal template: a comparison
of one of these values with a fixed text (``{% if user.email == "…" %}``).
"""

import re
import threading
import uuid
from collections import OrderedDict

from django.template import Context, Engine
from django.utils.html import escape
from django.utils.translation import get_language

SHAPES = 512  # per process: a few KB each

_CORE = uuid.uuid4().hex
NAME, EMAIL, TOKEN, PATH = f"{_CORE}n", f"{_CORE}e", f"{_CORE}t", f"{_CORE}p"
_MARKER = re.compile(f"({_CORE}[netp])")
# A second set, of other lengths and with what filters change (case, letters beyond ASCII, spaces, what HTML and
# URLs escape), to see whether the template printed each value as it is, escaped as {{ }} escapes.
_OTHER = uuid.uuid4().hex + " Æøå/?&='\"<Xy>"
_OTHERS = {NAME: f"{_OTHER}n", EMAIL: f"{_OTHER}e@", TOKEN: f"{_OTHER}t-t", PATH: f"{_OTHER}/p?a=1&b"}


GIVEN = ("user", "request", "portal_is_staff", "csrf_token", "LANGUAGE_CODE")


class PersonalTemplateError(Exception):
    """A {% personal %} template read a name it is not given (see the module's docstring)."""


class _GivenOnly(Context):
    """A context in which a name that is not there is an error, not an empty string."""

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            name = getattr(getattr(self.template, "origin", None), "template_name", None) or "a personal template"
            raise PersonalTemplateError(f"{name} reads {key!r}: a {{% personal %}} template is given only "
                                        f"{', '.join(GIVEN)}") from None


def get_personal_template(template_name: str):
    return Engine.get_default().get_template(template_name)


class _StandInUser:
    is_authenticated = True
    is_anonymous = False

    def __init__(self, trace, name, email):
        self._trace, self._name, self._email = trace, name, email

    def get_full_name(self):
        return self._name

    @property
    def email(self):
        return self._email

    def __getattr__(self, name):
        self._trace.append(name)
        raise AttributeError(name)

    def __str__(self):
        self._trace.append("__str__")
        return ""


class _StandInRequest:
    def __init__(self, trace, full_path):
        self._trace, self._full_path = trace, full_path

    def get_full_path(self):
        return self._full_path

    def __getattr__(self, name):
        self._trace.append(name)
        raise AttributeError(name)

    def __str__(self):
        self._trace.append("__str__")
        return ""


def csrf_token(request) -> str:
    """Django's own token (``get_token``): drawn once per request however many forms the page has."""
    from django.middleware.csrf import get_token

    return get_token(request)


def personal_context(request) -> dict:
    """The context of the personal parts, for rendering them in full: who is signed in, their token (one per
    request, however many forms), the page they are on."""
    from django.utils.functional import SimpleLazyObject

    from frivillig.accounts.roles import shows_staff_link

    return {"user": request.user, "request": request, "portal_is_staff": shows_staff_link(request.user),
            "csrf_token": SimpleLazyObject(lambda: csrf_token(request)), "LANGUAGE_CODE": get_language()}


def render_personal(template_name: str, request, context: dict | None = None) -> str:
    return get_personal_template(template_name).render(_GivenOnly(context or personal_context(request)))


def render_in_place(template_name: str, page_context) -> str:
    """The personal part on a page that is not kept (``{% personal %}`` outside the signed-in page cache): from
    the page's own values of the given names, and only those."""
    return get_personal_template(template_name).render(_GivenOnly({name: page_context.get(name) for name in GIVEN}))


def _compile(template_name, language, is_staff, has_name, has_email):
    return compile_template(get_personal_template(template_name), language, is_staff, has_name, has_email)


def compile_template(template, language, is_staff, has_name, has_email):
    """The template's parts for this shape (literal text and markers), or None if it cannot be filled by joining:
    it asked the stand-ins for something else, or did not print a marker as it is (rendered with markers of another
    length, the output must differ by exactly the markers)."""

    def render(name, email, token, full_path):
        trace = []
        context = {"user": _StandInUser(trace, name if has_name else "", email if has_email else ""),
                   "request": _StandInRequest(trace, full_path), "portal_is_staff": is_staff, "csrf_token": token,
                   "LANGUAGE_CODE": language}
        return template.render(_GivenOnly(context)), trace

    html, trace = render(NAME, EMAIL, TOKEN, PATH)
    other, other_trace = render(_OTHERS[NAME], _OTHERS[EMAIL], _OTHERS[TOKEN], _OTHERS[PATH])
    if trace or other_trace or _MARKER.sub(lambda m: escape(_OTHERS[m.group(1)]), html) != other:
        return None
    return tuple(_MARKER.split(html))  # literal, marker, literal, marker, …, literal


class _Shapes:
    def __init__(self, size):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        found = self.entries.get(key, _Shapes)
        if found is _Shapes:
            found = _compile(*key)
            with self.lock:
                self.entries[key] = found
                while len(self.entries) > self.size:
                    self.entries.popitem(last=False)
        return found

    def clear(self):
        with self.lock:
            self.entries.clear()


shapes = _Shapes(SHAPES)


class Filler:
    """Fills the personal parts of one request."""

    def __init__(self, request):
        from frivillig.accounts.roles import shows_staff_link

        self.request, user = request, request.user
        self.name, self.email = user.get_full_name(), user.email
        self.shape = (get_language(), shows_staff_link(user), bool(self.name), bool(self.email))
        self.rendered, self.values, self.context = {}, None, None

    def _value(self, marker):
        if self.values is None:
            self.values = {NAME: escape(self.name), EMAIL: escape(self.email),
                           PATH: escape(self.request.get_full_path())}
        if marker == TOKEN and TOKEN not in self.values:
            self.values[TOKEN] = csrf_token(self.request)  # letters and digits only
        return self.values[marker]

    def part(self, template_name: str) -> str:
        done = self.rendered.get(template_name)
        if done is not None:
            return done
        parts = shapes.get((template_name, *self.shape))
        if parts is None:  # rendered in full with the real person
            if self.context is None:
                self.context = personal_context(self.request)
            done = render_personal(template_name, self.request, self.context)
        else:
            done = "".join(part if i % 2 == 0 else self._value(part) for i, part in enumerate(parts))
        self.rendered[template_name] = done
        return done


class _Pages:
    """A shared page split once at its holes (keyed by the entry's random secret)."""

    def __init__(self, size):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, html, secret, keep):
        found = self.entries.get(secret)
        if found is None:
            found = tuple(re.split(f"<!--personal:{secret}:(\\d+)-->", html))
            if not keep:
                return found
            with self.lock:
                self.entries[secret] = found
                while len(self.entries) > self.size:
                    self.entries.popitem(last=False)
        return found

    def clear(self):
        with self.lock:
            self.entries.clear()


pages = _Pages(128)


FLAT_PAGES = 1024
_flat: dict[tuple, tuple | None] = {}  # (secret, shape) -> the whole page as literal, marker, …, literal


def _flatten(parts, templates, shape):
    """The shared page with every hole's parts put in: None if a hole cannot be joined."""
    flat = [""]
    for i, part in enumerate(parts):
        if i % 2 == 0:
            flat[-1] += part
            continue
        hole = shapes.get((templates[int(part)], *shape))
        if hole is None:
            return None
        for j, piece in enumerate(hole):
            if j % 2 == 0:
                flat[-1] += piece
            else:
                flat.extend((piece, ""))
    return tuple(flat)


def fill(html: str, secret: str, templates: list[str], request, *, shared: bool = True) -> str:
    """The page ``html`` with each of its holes filled for the person of ``request`` (``shared``: a page of the
    cache, whose split is kept, and whose holes are then joined into the page once per shape)."""
    filler = Filler(request)
    parts = pages.get(html, secret, shared)
    if shared:
        key = (secret, filler.shape)
        flat = _flat.get(key, _flat)
        if flat is _flat:
            flat = _flatten(parts, templates, filler.shape)
            if len(_flat) >= FLAT_PAGES:
                _flat.clear()
            _flat[key] = flat
        if flat is not None:
            return "".join(part if i % 2 == 0 else filler._value(part) for i, part in enumerate(flat))
    return "".join(part if i % 2 == 0 else filler.part(templates[int(part)]) for i, part in enumerate(parts))


def clear_local() -> None:
    shapes.clear()
    pages.clear()
    _flat.clear()
