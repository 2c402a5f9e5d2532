"""The public, read-only JSON API of published tasks and events (OpenAPI at /api/openapi.json), so that
Frivilligjob.dk, Socialkompas.dk or rudersdal.dk can show them."""

from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import Field, FilterSchema, NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from .models import Event, Task
from .queries import published_tasks, text_search, upcoming_events


class PublicAPI(NinjaAPI):
    """Read-only and public: any site's browser may call it (CORS), without credentials."""

    def create_response(self, request, *args, **kwargs):
        response = super().create_response(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


api = PublicAPI(title="Frivillig Rudersdal API", version="1.0", urls_namespace="taskbank_api",
               description="Offentliggjorte frivillige opgaver og arrangementer i Rudersdal Kommune.")


@api.exception_handler(ValidationError)
def invalid_input(request, exc):
    """A parameter of the wrong type (``/api/opgaver/abc``, ``?limit=x``) is the client's error: 400, with the
    fields that were wrong."""
    return api.create_response(request, {"detail": exc.errors}, status=400)


class BoundedPagination(LimitOffsetPagination):
    """Paging with bounds: ``limit`` 1–100 and ``offset`` up to 100.000 (beyond, 400 with the field), so no number a
    client sends reaches the database as an out-of-range bigint."""

    MAX_LIMIT, MAX_OFFSET = 100, 100_000

    class Input(Schema):
        limit: int = Field(100, ge=1, le=100)
        offset: int = Field(0, ge=0, le=100_000)


class TaskOut(Schema):
    id: int
    title: str
    summary: str
    description: str
    area: str
    town: str
    address: str
    target_groups: list[str]
    competences: list[str]
    kind: str
    starts_on: date | None
    ends_on: date | None
    schedule: str
    hours_per_week: Decimal
    volunteers_wanted: int
    requires_child_certificate: bool
    min_age: int | None
    institution: str
    expires_on: date
    published_at: datetime | None
    url: str

    @staticmethod
    def resolve_institution(obj):
        return obj.institution.name

    @staticmethod
    def resolve_url(obj):
        return settings.PORTAL_BASE_URL.rstrip("/") + obj.get_absolute_url()


class TaskFilters(FilterSchema):
    q: str | None = None
    area: str | None = None
    town: str | None = None
    target_group: str | None = None
    kind: str | None = None
    no_child_certificate: bool | None = None
    organisation: int | None = None


class EventOut(Schema):
    id: int
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    place: str
    town: str
    capacity: int
    url: str

    @staticmethod
    def resolve_url(obj):
        return settings.PORTAL_BASE_URL.rstrip("/") + obj.get_absolute_url()


@api.get("/opgaver", response=list[TaskOut], tags=["opgaver"], summary="Offentliggjorte opgaver")
@paginate(BoundedPagination, max_limit=BoundedPagination.MAX_LIMIT)
def list_tasks(request, filters: Query[TaskFilters]):
    qs = published_tasks().select_related("institution")
    if filters.q:
        qs, _query = text_search(qs, filters.q)
    if filters.area:
        qs = qs.filter(area=filters.area)
    if filters.town:
        qs = qs.filter(town=filters.town)
    if filters.target_group:
        qs = qs.filter(target_groups__contains=[filters.target_group])
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.no_child_certificate:
        qs = qs.filter(requires_child_certificate=False)
    if filters.organisation:
        qs = qs.filter(institution_id=filters.organisation)
    return qs.order_by("-published_at", "-pk")


@api.get("/opgaver/{task_id}", response=TaskOut, tags=["opgaver"], summary="Én opgave")
def get_task(request, task_id: int):
    return get_object_or_404(published_tasks().select_related("institution"), pk=task_id)


@api.get("/arrangementer", response=list[EventOut], tags=["arrangementer"], summary="Kommende arrangementer")
@paginate(BoundedPagination, max_limit=BoundedPagination.MAX_LIMIT)
def list_events(request):
    return upcoming_events()


__all__ = ["api", "Event", "Task"]
