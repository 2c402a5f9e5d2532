"""The shape every app keeps (docs/DEVELOPING.md), checked over the whole code base so that the next feature
cannot quietly break it: views are short and never write to the database; every transition names who may take
it; permissions are not registered where nothing asks for them."""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _project_apps() -> list[str]:
    """The portal's own packages, from INSTALLED_APPS: a new app is checked without being listed here."""
    from django.conf import settings

    return sorted({"frivillig"} | {a.split(".")[0] for a in settings.INSTALLED_APPS
                                   if (ROOT / a.split(".")[0] / "__init__.py").exists()})


APPS = _project_apps()
WRITES = {"save", "delete", "create", "update", "get_or_create", "update_or_create", "bulk_create", "bulk_update",
          "add", "remove", "set", "clear"}
# Calls named like writes that are not database writes in a view.
NOT_WRITES = {("messages", "add"), ("form", "save")}
MAX_VIEW_LINES = 20


def _view_modules():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            rel = path.relative_to(ROOT)
            if "migrations" in rel.parts:
                continue
            if rel.name.startswith("views") or "views" in rel.parts:
                yield rel, ast.parse(path.read_text(encoding="utf-8"))


def _functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def test_no_view_writes_to_the_database():
    """Services are the only writers: a view that calls .save(), .create(), .update(), .delete() … on a model,
    a queryset or a model form is a rule living in the wrong place."""
    found = []
    for rel, tree in _view_modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
                owner = node.func.value
                name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
                if node.func.attr in {"add", "remove", "set", "clear"} and not (
                        isinstance(owner, ast.Attribute) and owner.attr not in {"session"}):
                    continue  # set/dict methods on local names; related managers are attributes (obj.themes.add)
                if name in {"cache", "response", "session", "headers", "params", "context", "data", "kwargs", "seen"}:
                    continue
                found.append(f"{rel}:{node.lineno} .{node.func.attr}() on {ast.unparse(owner)}")
    assert found == [], "views that write to the database (move it into a service):\n" + "\n".join(found)


def test_every_view_is_short():
    """About ten lines: parse with a form, call a service or a query, render or redirect."""
    long = []
    for rel, tree in _view_modules():
        for fn in _functions(tree):
            body = fn.body
            if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
                body = body[1:]  # the docstring does not count
            if not body:
                continue
            lines = fn.end_lineno - body[0].lineno + 1
            if lines >= MAX_VIEW_LINES:
                long.append(f"{rel}:{fn.lineno} {fn.name}: {lines} lines")
    assert long == [], "views of 20 lines or more:\n" + "\n".join(long)


def test_no_view_switches_on_an_action_string():
    """One URL per action: a URL pattern with an `action` argument is a view that switches on a string."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(resolver, prefix=""):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                yield from walk(p, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    switched = [route for route in walk(get_resolver()) if "<str:action>" in route]
    assert switched == []


@pytest.mark.parametrize("module", ["grants.workflow", "taskbank.workflow", "network.workflow", "volunteers.workflow"])
def test_every_transition_names_who_may_take_it(module):
    """`None` in a transition table used to mean "anyone": an applicant could move their own case to review."""
    mod = importlib.import_module(module)
    tables = [v for k, v in vars(mod).items() if k.endswith("TRANSITIONS") and isinstance(v, dict)]
    assert tables, f"{module} declares no transition table"
    anyone = [f"{module}: {frm} → {to}" for table in tables for frm, targets in table.items()
              for to, check in targets.items() if not callable(check)]
    assert anyone == []


def test_no_permission_is_registered_that_nothing_asks_for():
    """django-rules permissions registered with add_perm were never consulted: the rules live in each app's
    workflow module, which views, templates and services all call."""
    hits = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "add_perm(" in path.read_text(encoding="utf-8"):
                hits.append(str(path.relative_to(ROOT)))
    assert hits == []
