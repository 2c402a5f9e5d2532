"""Places where domain apps plug into the core without the core importing them.

- Staff workspace sections: an app registers a link shown on /medarbejder/ to users for whom the
  predicate holds (``register_staff_section`` in the app's ``AppConfig.ready``).
- Indicator sources: an app registers named counts that the strategy app's indicators read
  (``register_indicator_source``), so that apps need not import each other's models.
- Personal-data exporters and erasers: an app registers functions that export and anonymise what it
  holds about a user (used by /konto/mine-data/ and account deletion).
- Retention hooks: an app registers a function that deletes or anonymises what is past its purpose
  (``register_retention("taskbank.applications", fn)`` with ``fn(now) -> number of rows``); the core's daily
  task (``frivillig.core.tasks.apply_retention``) calls each one.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class StaffSection:
    key: str
    title: str  # lazy gettext
    url_name: str
    predicate: Callable  # (user) -> bool
    description: str = ""
    order: int = 100


@dataclass(frozen=True)
class IndicatorSource:
    key: str
    label: str
    # (start: date, end: date) -> number for the period [start, end)
    compute: Callable
    unit: str = ""


@dataclass(frozen=True)
class PersonalDataHandler:
    key: str
    export: Callable  # (user) -> JSON-serialisable dict or list
    erase: Callable | None = None  # (user, dry_run: bool) -> list[str] of what was (or would be) changed


_staff_sections: dict[str, StaffSection] = {}
_indicator_sources: dict[str, IndicatorSource] = {}
_personal_data: dict[str, PersonalDataHandler] = {}
_retention_hooks: dict[str, Callable] = {}


def register_staff_section(section: StaffSection) -> None:
    _staff_sections[section.key] = section


def staff_sections_for(user) -> list[StaffSection]:
    return sorted((s for s in _staff_sections.values() if s.predicate(user)), key=lambda s: (s.order, s.key))


def register_indicator_source(source: IndicatorSource) -> None:
    _indicator_sources[source.key] = source


def indicator_sources() -> dict[str, IndicatorSource]:
    return dict(_indicator_sources)


def register_personal_data(handler: PersonalDataHandler) -> None:
    _personal_data[handler.key] = handler


def personal_data_handlers() -> dict[str, PersonalDataHandler]:
    return dict(_personal_data)


def register_retention(key: str, fn: Callable) -> None:
    """``fn(now: datetime) -> int``: delete or anonymise what is past its purpose, return how many rows."""
    _retention_hooks[key] = fn


def retention_hooks() -> dict[str, Callable]:
    return dict(_retention_hooks)


# --- example text ---------------------------------------------------------------------------------------------
# An app registers each model that holds example text (a model with ``is_example``, frivillig.core.models.
# ExampleTextMixin): what it is called, where the public sees it and where the Culture department edits it.
# The staff list of example texts and the invariant test over the schema read this registry.

@dataclass(frozen=True)
class ExampleSource:
    key: str
    label: str  # lazy gettext: the kind of content ("Værdi", "Samarbejdsaftale")
    model: type
    public_url: Callable  # (obj) -> the public page that shows it
    edit_url: Callable  # (obj) -> the staff page where the Culture department replaces it
    order: int = 100


_example_sources: dict[str, ExampleSource] = {}


def register_example_source(source: ExampleSource) -> None:
    _example_sources[source.key] = source


def example_sources() -> list[ExampleSource]:
    return sorted(_example_sources.values(), key=lambda s: (s.order, s.key))
