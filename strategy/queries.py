from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.accounts.roles import is_culture_admin

from .models import Hearing, HearingResponse, Input, Meeting, Process


def people_in_process(process) -> set[int]:
    """Whose names the staff page of a process shows: authors of input and people signed up for its meetings."""
    from .models import MeetingSignup

    authors = process.inputs.exclude(status="hidden").values_list("author_id", flat=True)
    signed_up = MeetingSignup.objects.filter(meeting__process=process).values_list("user_id", flat=True)
    return set(authors) | set(signed_up)


def templates():
    """The process templates with their number of phases (staff list)."""
    from .models import ProcessTemplate

    return ProcessTemplate.objects.annotate(n_phases=Count("phases")).order_by("name")


def draft_form_sections(process, empty: int = 2) -> list[dict]:
    """The sections a new draft version starts from: those of the latest version (without their citations, which
    belong to the change that made them), then ``empty`` blank ones for new sections."""
    draft = process.drafts.first()
    latest = draft.latest() if draft else None
    sections = [{"heading": s.heading, "body": s.body} for s in latest.sections.all()] if latest else []
    return [dict(s, n=i) for i, s in enumerate(sections + [{"heading": "", "body": ""}] * empty, 1)]


def citable_inputs(process):
    """What a section of a new draft version may cite: the process's published input."""
    return process.inputs.filter(status=Input.Status.PUBLISHED).select_related("theme")


def published_inputs(process):
    return (process.inputs.filter(status=Input.Status.PUBLISHED).select_related("theme", "author")
            .annotate(n_supports=Count("supports")).order_by("-n_supports", "-created_at"))


def upcoming_meetings(process=None):
    qs = Meeting.objects.filter(starts_at__gte=timezone.now()).annotate(
        taken=Count("signups", filter=Q(signups__waiting=False)))
    return qs.filter(process=process) if process else qs


def open_hearings():
    now = timezone.now()
    return Hearing.objects.filter(opens_at__lte=now, closes_at__gt=now, memo_written_at__isnull=True)


def public_responses(hearing):
    """Responses are public once the hearing has closed; the name only if the respondent allowed it."""
    if hearing.state() in (Hearing.State.PLANNED, Hearing.State.OPEN):
        return HearingResponse.objects.none()
    return hearing.responses.all()


PUBLIC_RESPONSE_COLUMNS = ("pk", "publish_with_name", "organisation__name", "author_id", "author__full_name",
                           "author__email", "submitted_at", "text", "remark")


def _public_row(pk, publish_with_name, organisation, author_id, full_name, email, submitted_at, text, remark) -> dict:
    """What the public list shows of a response; the name as HearingResponse.public_name gives it."""
    if publish_with_name and organisation is not None:
        name = organisation
    elif publish_with_name and author_id is not None:
        name = full_name or email
    else:
        name = _("Anonym")
    return {"pk": pk, "publish_with_name": publish_with_name, "public_name": name, "submitted_at": submitted_at,
            "text": text, "remark": remark}


def responses_page(hearing, number, per_page=50):
    """A page of the public responses, as plain rows (a page of 50 would otherwise build 100 model instances);
    the number of them is the hearing's kept count, not a count of the rows."""
    from django.core.paginator import Paginator

    responses = public_responses(hearing)
    paginator = Paginator(responses.values_list(*PUBLIC_RESPONSE_COLUMNS), per_page)
    paginator.count = 0 if responses.query.is_empty() else hearing.response_count
    page = paginator.get_page(number)
    page.object_list = [_public_row(*row) for row in page.object_list]
    attachments = public_attachments(page.object_list)
    for row in page.object_list:
        row["attachments"] = attachments.get(row["pk"], [])
    return page


def memo_responses(hearing):
    """All responses with remarks and themes in a fixed number of queries (the memo handles 1,000)."""
    responses = list(hearing.responses.select_related("author", "organisation", "remark_by").prefetch_related("themes"))
    groups = {}
    for r in responses:
        names = [t.name for t in r.themes.all()] or ["Øvrige bemærkninger"]
        for name in names:
            groups.setdefault(name, []).append(r)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "Øvrige bemærkninger", kv[0]))


def access_staff(user):
    if not is_culture_admin(user):
        raise Http404


def indicator_overview():
    """For the steering group's dashboard: the newest figure of each indicator."""
    from .indicators import computed_at, dashboard

    when = computed_at()
    return [{"name": row["indicator"].name, "latest_value": row["latest"], "target": row["indicator"].target,
             "latest_month": row["latest_month"], "automatic": bool(row["indicator"].source_key), "computed_at": when,
             "unit": row["indicator"].unit, "url": reverse("strategy:indicators")} for row in dashboard(3)]


def front_page_block(request):
    hearings = list(open_hearings()[:3])
    meetings = list(upcoming_meetings().select_related("process")[:3])
    if not hearings and not meetings:
        return None
    return {"template": "strategy/front_page_block.html", "hearings": hearings, "meetings": meetings}


__all__ = ["Process"]


def staff_responses(hearing):
    return hearing.responses.select_related("author", "organisation").prefetch_related("themes", "attachments")


def access_response_attachment(user, pk):
    """A response's attachment, for those ``strategy.may_open_response_attachment`` lets open it (404 otherwise)."""
    from .models import ResponseAttachment
    from .workflow import may_open_response_attachment

    attachment = ResponseAttachment.objects.select_related("response__hearing").filter(pk=pk).first()
    if attachment is None or not may_open_response_attachment(user, attachment):
        raise Http404
    return attachment


def public_attachments(responses_page_rows):
    """Attachments shown with the public responses: by response id, only where the responder consented."""
    from .models import ResponseAttachment

    ids = [r["pk"] for r in responses_page_rows if r.get("publish_with_name")]
    if not ids:
        return {}
    found = {}
    for a in ResponseAttachment.objects.filter(response_id__in=ids).order_by("pk"):
        found.setdefault(a.response_id, []).append(a)
    return found
