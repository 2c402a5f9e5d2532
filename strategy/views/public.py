from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.core import actions, pdf, ratelimit
from frivillig.core.audit import log_access
from frivillig.core.files import attachment_response
from frivillig.core.text import word_diff

from .. import indicators, queries, services
from ..forms import CompareForm, InputForm, ResponseForm
from ..models import Draft, Hearing, HearingDocument, Input, Meeting, Process


def index(request):
    return render(request, "strategy/index.html", {
        "processes": Process.objects.all(), "hearings": Hearing.objects.all()[:10],
        "open_hearings": queries.open_hearings()})


def process_detail(request, slug):
    process = get_object_or_404(Process, slug=slug)
    phases = list(process.phases.all())
    current = next((p for p in phases if p.status == "ongoing"), None)
    return render(request, "strategy/process.html", {
        "process": process, "phases": phases, "current": current, "themes": process.themes.all(),
        "meetings": queries.upcoming_meetings(process), "inputs": queries.published_inputs(process)[:50],
        "drafts": process.drafts.prefetch_related("versions"), "hearings": process.hearings.all(),
        "final": pdf.latest("strategy.final_strategy", process)})


@login_required
def input_new(request, slug):
    process = get_object_or_404(Process, slug=slug)
    form = InputForm(request.POST or None, process=process)
    if request.method == "POST" and form.is_valid() and ratelimit.exceeded(request, "strategy.input", per_user="10/h",
                                                                          per_ip="30/h"):
        messages.error(request, ratelimit.MESSAGE)
    elif actions.save_form(request, form, services.submit_input, process=process):
        messages.success(request, _("Tak for dit input. Det bliver offentliggjort, når Kulturområdet har set det."))
        return redirect(process)
    return render(request, "strategy/input_form.html", {"process": process, "form": form})


@login_required
@require_POST
def input_support(request, pk):
    item = get_object_or_404(Input, pk=pk, status=Input.Status.PUBLISHED)
    if (created := actions.perform(request, None, services.support, item=item)) is not None:
        messages.success(request, _("Du støtter nu dette input.") if created else _("Du støtter allerede dette input."))
    return redirect(item.process)


def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("process"), pk=pk)
    signup = meeting.signups.filter(user=request.user).first() if request.user.is_authenticated else None
    return render(request, "strategy/meeting.html", {"meeting": meeting, "signup": signup,
                                                      "taken": meeting.signups.filter(waiting=False).count()})


@login_required
@require_POST
def meeting_signup(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if signup := actions.perform(request, None, services.sign_up, meeting=meeting):
        messages.success(request, _("Du er på ventelisten. Vi skriver til dig, hvis der bliver en plads.")
                         if signup.waiting else _("Du er tilmeldt mødet."))
    return redirect(meeting)


@login_required
@require_POST
def meeting_cancel(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    actions.perform(request, None, services.cancel_signup, meeting=meeting, success=_("Du er afmeldt mødet."))
    return redirect(meeting)


def _diff_sections(a_version, b_version):
    a = {s.heading: s for s in a_version.sections.all()}
    rows = []
    for s in b_version.sections.select_related("caused_by_input", "caused_by_response"):
        old = a.pop(s.heading, None)
        rows.append({"heading": s.heading, "old": old.body if old else "", "new": s.body, "section": s,
                     "diff": word_diff(old.body if old else "", s.body)})
    for heading, old in a.items():
        rows.append({"heading": heading, "old": old.body, "new": "", "section": None,
                     "diff": word_diff(old.body, "")})
    return rows


def draft_compare(request, slug, pk):
    draft = get_object_or_404(Draft.objects.select_related("process"), pk=pk, process__slug=slug)
    versions = list(draft.versions.all())
    if not versions:
        return render(request, "strategy/draft.html", {"draft": draft, "versions": [], "rows": []})
    a, b = CompareForm(request.GET, versions=versions).pair()
    return render(request, "strategy/draft.html", {"draft": draft, "versions": versions, "a": a, "b": b,
                                                    "rows": _diff_sections(a, b)})


def hearing_list(request):
    return render(request, "strategy/hearing_list.html", {"hearings": Hearing.objects.select_related("process")})


def hearing_detail(request, slug):
    hearing = get_object_or_404(Hearing, slug=slug)
    form = ResponseForm(user=request.user) if hearing.is_open and request.user.is_authenticated else None
    return render(request, "strategy/hearing.html", {
        "hearing": hearing, "form": form, "documents": hearing.documents.all(),
        "responses": queries.responses_page(hearing, request.GET.get("side")),
        "memo": pdf.latest("strategy.hearing_memo", hearing)})


@login_required
def hearing_respond(request, slug):
    hearing = get_object_or_404(Hearing, slug=slug)
    form = ResponseForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid() and ratelimit.exceeded(request, "strategy.response", per_user="5/h",
                                                                          per_ip="20/h"):
        messages.error(request, ratelimit.MESSAGE)
    elif actions.save_form(request, form, services.submit_response, hearing=hearing):
        messages.success(request, _("Tak for dit høringssvar. Du får en kvittering på e-mail."))
        return redirect(hearing)
    return render(request, "strategy/hearing.html", {
        "hearing": hearing, "form": form if hearing.is_open else None, "documents": hearing.documents.all(),
        "responses": None, "memo": None})


def response_attachment(request, pk):
    """An attachment to a hearing response: the staff always (logged), others when published with the response."""
    attachment = queries.access_response_attachment(request.user, pk)
    log_access(actor=request.user, subjects=[attachment.response.author_id], reason=_("Bilag til høringssvar"),
               request=request)
    return attachment_response(attachment.file, attachment.filename)


def hearing_document(request, pk):
    doc = get_object_or_404(HearingDocument, pk=pk)
    return attachment_response(doc.file, doc.file.name.rsplit("/", 1)[-1])


def indicator_dashboard(request):
    return render(request, "strategy/indicators.html", {"rows": indicators.dashboard(12)})
