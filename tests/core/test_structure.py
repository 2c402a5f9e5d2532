"""The shape every app keeps (docs/DEVELOPING.md), checked over the whole code base so that the next feature cannot
quietly break it. Nothing here is a hand-kept list of files: the views are found from the URLconf (whatever module
they live in), the apps from settings.INSTALLED_APPS, the templates from the apps' and the project's template
folders, the workflow modules from the apps.

- views are short and never write to the database; no view switches on a posted "action";
- every who-may rule is a named @rule check in the app's workflow.py (no `_require_*` helpers), and every
  transition-table entry is one of them;
- templates ask `{% may %}`, never restate a status or a role;
- status-history rows are written by frivillig/core/workflow.py (move/start/note) only."""

import ast
import importlib
import re
import sys
from functools import cache, partial
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parents[2]
WRITES = {"save", "delete", "create", "update", "get_or_create", "update_or_create", "bulk_create", "bulk_update",
          "add", "remove", "set", "clear"}
MAX_VIEW_LINES = 20

# Apps with no who-may rules of their own: the core holds the rule machinery.
NO_WORKFLOW = {"core": "the rule machinery itself (frivillig/core/workflow.py)"}

# PENDING: known breaches, by app and check, while an app is being converted (none today). Each entry is one known
# breach; delete the entry in the commit that converts it. Nothing else may go here.
PENDING: set[tuple[str, str]] = set()


# --- what there is: apps, modules, routed views, templates -----------------------------------------------------

@cache
def project_apps() -> dict[str, Path]:
    """The project's own apps (label → folder) from settings.INSTALLED_APPS: those whose code is in this repository."""
    found = {}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(ROOT) and ".venv" not in path.parts:
            found[config.label] = path
    return found


def app_of(path: Path) -> str:
    """The label of the innermost project app holding ``path``."""
    best = ""
    for label, folder in project_apps().items():
        if path.is_relative_to(folder) and len(folder.parts) > len(project_apps().get(best, Path()).parts):
            best = label
    return best


def _pending(app: str, check: str) -> bool:
    return (app, check) in PENDING


@cache
def project_modules() -> dict[str, Path]:
    """Every Python module of the project apps (not migrations, not tests)."""
    found = {}
    for folder in project_apps().values():
        for path in folder.rglob("*.py"):
            if "migrations" in path.parts or "tests" in path.parts:
                continue
            rel = path.relative_to(ROOT).with_suffix("")
            name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
            found[name] = path
    return found


def _tree(path: Path):
    return ast.parse(path.read_text(encoding="utf-8"))


def _url_callbacks():
    def walk(resolver):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                yield from walk(p)
            elif isinstance(p, URLPattern):
                yield p

    return [p.callback for p in walk(get_resolver())]


def _inner(callback, depth=0):
    """The callback and what it wraps: decorators (``__wrapped__``), partials, view instances (their class), and the
    operations of a django-ninja API (whose URL callbacks are ninja's own wrappers)."""
    if depth > 8 or callback is None:
        return
    yield callback
    yield from _inner(getattr(callback, "__wrapped__", None), depth + 1)
    if isinstance(callback, partial):
        yield from _inner(callback.func, depth + 1)
    if not hasattr(callback, "__code__") and not isinstance(callback, partial):
        yield type(callback)
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:
            continue
        for operation in getattr(value, "operations", None) or ():
            yield from _inner(getattr(operation, "view_func", None), depth + 1)


@cache
def routed_modules() -> dict[str, Path]:
    """Every project module a URL routes to: where a routed function or class is defined, and every module that
    holds a routed view as a name (a view built by ``actions.action_view(...)`` lives where it is assigned)."""
    callbacks = _url_callbacks()
    names = set()
    for callback in callbacks:
        for item in _inner(callback):
            names.add(getattr(item, "__module__", None))
    ids = {id(c) for c in callbacks}
    for name in project_modules():
        module = sys.modules.get(name)
        if module is not None and any(id(v) in ids for v in vars(module).values()):
            names.add(name)
    return {name: path for name, path in project_modules().items() if name in names}


def template_files():
    folders = [ROOT / "templates"] + [folder / "templates" for folder in project_apps().values()]
    for folder in folders:
        yield from sorted(folder.rglob("*.html"))


def test_the_finders_find_what_they_must():
    """The checks below are only as good as what they see: views in api.py, feeds.py and view packages, every
    domain app, the templates."""
    modules = routed_modules()
    for expected in ["taskbank.api", "taskbank.feeds", "taskbank.views.staff", "taskbank.views.moderation",
                     "network.views.members", "frivillig.organisations.views", "frivillig.accounts.views",
                     "grants.views.public", "strategy.views.public"]:
        assert expected in modules, expected
    assert any(name.startswith("policy.views") for name in modules)
    assert {"accounts", "organisations", "taskbank", "network", "grants", "strategy", "policy"} <= set(project_apps())
    assert any(p.name == "task_detail.html" for p in template_files())


# --- views ---------------------------------------------------------------------------------------------------

def _functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def test_no_routed_module_writes_to_the_database():
    """Services are the only writers: a module a URL routes to (views, feeds, the API) that calls .save(), .create(),
    .update(), .delete() … on a model, a queryset or a model form holds a rule in the wrong place."""
    found = []
    for _name, path in routed_modules().items():
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
                owner = node.func.value
                owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
                if node.func.attr in {"add", "remove", "set", "clear"} and not (
                        isinstance(owner, ast.Attribute) and owner.attr not in {"session"}):
                    continue  # set/dict methods on local names; related managers are attributes (obj.themes.add)
                if owner_name in {"cache", "response", "session", "headers", "params", "context", "data", "kwargs",
                                  "seen", "messages"}:
                    continue
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.func.attr}() on {ast.unparse(owner)}")
    assert found == [], "routed modules that write to the database (move it into a service):\n" + "\n".join(found)


def test_every_view_is_short():
    """About ten lines: parse with a form, call a service or a query, render or redirect."""
    long = []
    for name, path in routed_modules().items():
        if name == "frivillig.core.actions":
            continue  # the one place that builds views from their parts
        for fn in _functions(_tree(path)):
            body = fn.body
            if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
                body = body[1:]  # the docstring does not count
            if not body:
                continue
            lines = fn.end_lineno - body[0].lineno + 1
            if lines >= MAX_VIEW_LINES:
                long.append(f"{path.relative_to(ROOT)}:{fn.lineno} {fn.name}: {lines} lines")
    assert long == [], "views of 20 lines or more:\n" + "\n".join(long)


SWITCH_KEYS = {"action", "do", "op", "operation", "step", "command", "cmd", "submit", "button", "intent", "what"}


def _is_post(node) -> bool:
    """``request.POST`` / ``request.GET`` / ``form.data`` (what a posted button's name and value arrive in)."""
    return isinstance(node, ast.Attribute) and node.attr in {"POST", "data"}


def _switches(tree):
    for node in ast.walk(tree):
        # request.POST.get("action") / request.POST["action"] / form.data.get("action")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" \
                and _is_post(node.func.value) and node.args and isinstance(node.args[0], ast.Constant) \
                and node.args[0].value in SWITCH_KEYS:
            yield node
        elif isinstance(node, ast.Subscript) and _is_post(node.value) and isinstance(node.slice, ast.Constant) \
                and node.slice.value in SWITCH_KEYS:
            yield node
        # "approve" in request.POST: which button was pressed
        elif isinstance(node, ast.Compare) and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops) \
                and any(_is_post(c) for c in node.comparators):
            yield node
        # request.POST.get("x") == "cancel": a posted value compared with a fixed word
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Call) \
                and isinstance(node.left.func, ast.Attribute) and _is_post(node.left.func.value) \
                and any(isinstance(c, ast.Constant) and isinstance(c.value, str) for c in node.comparators):
            yield node


def test_no_view_switches_on_a_posted_action():
    """One URL per step: a view that reads which button was pressed (``request.POST.get("action")``, ``"approve" in
    request.POST``, a template button ``name="action"``) is several steps behind one URL."""
    found = []
    for _name, path in routed_modules().items():
        if _pending(app_of(path), "action_switch"):
            continue
        lines = sorted({n.lineno for n in _switches(_tree(path))})
        found += [f"{path.relative_to(ROOT)}:{n} {path.read_text(encoding='utf-8').splitlines()[n - 1].strip()}"
                  for n in lines]
    pattern = re.compile(r"<(?:button|input)\b[^>]*\bname=[\"'](?:{})[\"']".format("|".join(SWITCH_KEYS)))
    for path in template_files():
        if _pending(app_of(path), "action_switch"):
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{lineno} {pattern.search(line).group(0)}")

    def walk(resolver, prefix=""):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                yield from walk(p, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    routes = [route for route in walk(get_resolver()) if "<str:action>" in route]
    assert found + routes == [], "one URL per step, not a switch on a posted word:\n" + "\n".join(found + routes)


# --- who may ---------------------------------------------------------------------------------------------------

def test_no_require_helpers_outside_the_workflow_modules():
    """A who-may rule is a named @rule check in the app's workflow.py; a service calls ``require(check, actor, obj)``.
    A private ``_require_x()`` helper is a rule nobody else (template, view, test) can ask."""
    found = []
    for name, path in project_modules().items():
        if name == "frivillig.core.workflow" or _pending(app_of(path), "require_helper"):
            continue
        for fn in _functions(_tree(path)):
            if fn.name.startswith(("_require", "require_")):
                found.append(f"{path.relative_to(ROOT)}:{fn.lineno} {fn.name}")
    assert found == [], "who-may helpers outside workflow.py (make them @rule checks):\n" + "\n".join(found)


def test_every_app_has_a_workflow_module_of_named_checks():
    missing = [label for label, folder in project_apps().items()
               if label not in NO_WORKFLOW and not (folder / "workflow.py").exists()
               and not _pending(label, "workflow")]
    assert missing == [], f"apps without a workflow.py: {missing}"


def _workflow_modules():
    for label, folder in sorted(project_apps().items()):
        if label not in NO_WORKFLOW and (folder / "workflow.py").exists():
            rel = (folder / "workflow.py").relative_to(ROOT).with_suffix("")
            yield label, ".".join(rel.parts)


@pytest.mark.parametrize(("label", "module"), list(_workflow_modules()))  # apps are ready at collection (pytest-django)
def test_every_transition_is_a_named_check(label, module):
    """Each entry of a transition table names who may take the step with a @rule check (not None, not a lambda): the
    same check a service requires and a template asks."""
    if _pending(label, "transition"):
        pytest.skip("pending conversion (see PENDING)")
    mod = importlib.import_module(module)
    tables = [v for k, v in vars(mod).items() if k.endswith("TRANSITIONS") and isinstance(v, dict)]
    loose = [f"{module}: {frm} → {to}: {getattr(check, '__name__', check)!r}" for table in tables
             for frm, targets in table.items() for to, check in targets.items()
             if not getattr(check, "is_rule", False)]
    assert loose == []


def test_every_rule_is_registered_by_its_app_and_name():
    from frivillig.core.workflow import CHECKS

    for _label, module in _workflow_modules():
        importlib.import_module(module)
    for label in ("accounts", "organisations", "taskbank", "network"):
        assert any(name.startswith(f"{label}.") for name in CHECKS), label


TEMPLATE_TAG = re.compile(r"{%-?\s*(?:if|elif)\b(.*?)-?%}", re.S)
RESTATED = [
    (re.compile(r"\.status\b\s*(?:==|!=|\bin\b|\bnot in\b)|\bin\s+[\w.]+\.status\b"), "status"),
    (re.compile(r"\bstatus\s+(?:not\s+)?in\s+[\"']"), "status"),
    (re.compile(r"\buser\.is_(?:staff|superuser)\b"), "role"),
    (re.compile(r"\bperms\."), "role"),
    (re.compile(r"\.role\b\s*(?:==|!=|\bin\b)"), "role"),
    (re.compile(r"\bis_(?:culture_admin|steering_member|network_member|institution_staff|association_rep|"
                r"volunteer_centre|task_poster)\b"), "role"),
]


def test_templates_ask_may_and_never_restate_a_status_or_a_role():
    """``{% may "app.check" obj as ok %}{% if ok %}`` is how a page knows what the person may do. A template that
    compares a status (``{% if task.status == "in_review" %}``, ``status in "submitted in_review"``) or asks a role
    (``user.is_staff``, ``perms.x``) is a second copy of a rule that will drift from the first."""
    found = []
    for path in template_files():
        if _pending(app_of(path), "template"):
            continue
        text = path.read_text(encoding="utf-8")
        for match in TEMPLATE_TAG.finditer(text):
            restated = [what for pattern, what in RESTATED if pattern.search(match.group(1))]
            if restated:
                lineno = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{lineno} ({restated[0]}) {match.group(0)}")
    assert found == [], "templates that restate a rule (ask {% may %}):\n" + "\n".join(found)


# --- status history -------------------------------------------------------------------------------------------

def test_status_history_is_written_by_the_workflow_only():
    """``move()`` (and ``start()``/``note()`` beside it) writes the status-change row: a service that writes one itself
    can record a change that never happened, or forget one."""
    found = []
    for name, path in project_modules().items():
        if name == "frivillig.core.workflow" or _pending(app_of(path), "history_row"):
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in {"create", "bulk_create", "get_or_create", "update_or_create"}:
                text = ast.unparse(node.func.value)
                if re.search(r"StatusChange\b|log_model|status_changes", text):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {text}.{node.func.attr}()")
    assert found == [], "status-change rows written outside move()/start()/note():\n" + "\n".join(found)


def test_no_permission_is_registered_that_nothing_asks_for():
    """django-rules permissions registered with add_perm were never consulted: the rules live in each app's
    workflow module, which views, templates and services all call."""
    hits = [str(path.relative_to(ROOT)) for path in project_modules().values()
            if "add_perm(" in path.read_text(encoding="utf-8")]
    assert hits == []


def test_access_log_reasons_are_kept_in_danish():
    """The access log keeps the portal's Danish words whatever language the staff member reads
    (``frivillig/core/audit.py``): a ``log_access(reason=_("…"))`` would write English rows for an English reader.
    Every call in every project module marks its reason with ``gettext_noop`` instead."""
    translating = {"_", "gettext", "gettext_lazy", "pgettext", "ngettext"}
    found = []
    for _name, path in project_modules().items():
        for node in ast.walk(_tree(path)):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "log_access"):
                continue
            for keyword in node.keywords:
                value = keyword.value.left if isinstance(keyword.value, ast.BinOp) else keyword.value
                if keyword.arg == "reason" and isinstance(value, ast.Call) \
                        and getattr(value.func, "id", getattr(value.func, "attr", "")) in translating:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(keyword.value)}")
    assert found == [], "access-log reasons translated at write time (use gettext_noop):\n" + "\n".join(found)
