from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from frivillig.core import actions, pagecache, ratelimit
from frivillig.core.choices import Area, Town

from .. import queries, services
from ..filters import SORT, TaskFilter
from ..forms import ApplicationForm, IdeaForm, MessageForm, QuestionForm, SavedSearchForm
from ..models import TargetGroup


def _label_counts(field, choices, counts, prefix):
    # django-filter's ChoiceField puts its empty_label ("Alle …") first by itself. Beyond COUNT_CAP results
    # the counts per value are not known (taskbank/queries.py: facet_counts) and the labels stand alone.
    if not counts["more"]:
        field.choices = [(value, f"{label} ({counts.get(f'{prefix}__{value}', 0)})") for value, label in choices]


@pagecache.anonymous_page_cache("taskbank")
@pagecache.signed_in_page_cache("taskbank")
def task_list(request):
    """Anonymous visitors share the rendered page (frivillig/core/pagecache.py). Below that, the list is computed
    once per distinct search (ids, counts, total), then only the 20 tasks of the page are fetched: at 100,000
    tasks the counts are the expensive part."""
    filterset = TaskFilter(request.GET or None, queryset=queries.published_tasks())
    form = filterset.form
    sort = request.GET.get("sorter") or "relevans"
    listing = queries.cached_listing(request.GET, filterset, sort)
    counts = listing["counts"]
    _label_counts(form.fields["omraade"], Area.choices, counts, "area")
    _label_counts(form.fields["by"], Town.choices, counts, "town")
    _label_counts(form.fields["maalgruppe"], TargetGroup.choices, counts, "target")
    # Fetched only if the results fragment is not in the cache (templates: {% cache … fragment_key %}).
    page = SimpleLazyObject(lambda: queries.listing_page(listing, request.GET.get("side")))
    context = {"filter": filterset, "page": page, "fragment_key": pagecache.fragment_key("taskbank", request),
               "total": counts["total"], "sort": sort, "sort_choices": SORT,
               "searched": listing["searched"], "corrections": listing["corrections"],
               "more": counts["more"], "filtered": bool(request.GET.dict().keys() - {"side", "sorter"}),
               "save_form": SavedSearchForm(initial={"query": request.GET.urlencode()})}
    template = "taskbank/_results.html" if request.headers.get("X-Requested-With") == "fetch" else "taskbank/task_list.html"
    return render(request, template, context)


def task_detail(request, pk, slug=None):
    task = queries.access_public_task(pk)
    if slug != task.slug:
        return redirect(task, permanent=True)
    return render(request, "taskbank/task_detail.html", {
        "task": task, "places_left": queries.places_left(task), "related": queries.related_tasks(task),
        "jsonld": queries.task_jsonld(task), "own_application": queries.own_application_for(request.user, task)})


@login_required
def apply(request, pk):
    task = queries.access_public_task(pk)
    form = ApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid() and ratelimit.exceeded(request, "taskbank.apply", per_user="10/h",
                                                                          per_ip="30/h"):
        messages.error(request, ratelimit.MESSAGE)
    elif application := actions.save_form(request, form, services.apply, task=task):
        messages.success(request, _("Tak for din ansøgning. Du får en bekræftelse på e-mail, og "
                                    "institutionen vender tilbage til dig."))
        return redirect(application)
    return render(request, "taskbank/apply.html", {"task": task, "form": form})


@login_required
def ask(request, pk):
    """A question to the task's contact before applying; the answer comes by e-mail."""
    task = queries.access_public_task(pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and ratelimit.exceeded(request, "taskbank.question",
                                                                          per_user="5/h", per_ip="20/h"):
        messages.error(request, ratelimit.MESSAGE)
    elif actions.save_form(request, form, services.ask_contact, task=task):
        messages.success(request, _("Dit spørgsmål er sendt til kontaktpersonen, som svarer dig på e-mail."))
        return redirect(task)
    return render(request, "taskbank/ask.html", {"task": task, "form": form})


@login_required
def my_applications(request):
    return render(request, "taskbank/my_applications.html", {
        "applications": queries.own_applications(request.user), "saved_searches": request.user.saved_searches.all(),
        "signups": request.user.event_signups.select_related("event")})


@login_required
def my_application(request, pk):
    application = queries.access_own_application(request.user, pk)
    form = MessageForm(request.POST or None)
    if actions.save_form(request, form, services.reply, application=application):
        messages.success(request, _("Din besked er sendt til institutionen."))
        return redirect(application)
    return render(request, "taskbank/my_application.html", {
        "application": application, "form": form,
        "messages_list": application.messages.select_related("author"),
        "history": application.status_changes.all()})


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    """GET asks first (a withdrawal cannot be undone); the confirmation page's button POSTs."""
    application = queries.access_own_application(request.user, pk)
    if request.method == "GET":
        return render(request, "components/confirm_withdraw.html", {"application": application,
                                                                    "what": application.task.title})
    actions.perform(request, None, services.withdraw, application=application,
                    success=_("Din ansøgning er trukket tilbage."))
    return redirect(application)


# --- ideas ----------------------------------------------------------------------------------------

def idea_list(request):
    q = (request.GET.get("q") or "").strip()[:200]
    ideas, suggestion = queries.public_ideas(q)
    page = Paginator(ideas, 20).get_page(request.GET.get("side"))
    return render(request, "taskbank/idea_list.html", {"page": page, "mine": queries.own_ideas(request.user), "q": q, "suggestion": suggestion})


@login_required
def idea_new(request):
    form = IdeaForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid() and ratelimit.exceeded(request, "taskbank.idea", per_user="5/h",
                                                                          per_ip="20/h"):
        messages.error(request, ratelimit.MESSAGE)
    elif idea := actions.save_form(request, form, services.submit_idea):
        messages.success(request, _("Tak for din idé. Kulturområdet ser på den og svarer dig."))
        return redirect(idea)
    return render(request, "taskbank/idea_form.html", {"form": form})


@login_required
def idea_detail(request, pk):
    idea = queries.access_idea(request.user, pk)
    return render(request, "taskbank/idea_detail.html", {"idea": idea, "history": idea.status_changes.all()})


# --- saved searches -------------------------------------------------------------------------------

@login_required
@require_POST
def save_search(request):
    form = SavedSearchForm(request.POST)
    actions.perform(request, form, services.save_search,
                    success=_("Søgningen er gemt. Du får en e-mail, når der kommer nye opgaver, der passer."))
    return redirect(f"{request.build_absolute_uri('/opgaver/')}?{form.data.get('query', '')}")


@login_required
@require_POST
def delete_saved_search(request, pk):
    services.delete_saved_search(actor=request.user, pk=pk)
    messages.success(request, _("Den gemte søgning er slettet."))
    return redirect("taskbank:my_applications")


@csrf_exempt
def unsubscribe(request, token):
    """The digest's unsubscribe link. Opening it (GET) only asks, so a mail scanner that follows links does not
    unsubscribe anyone; the button, or the mail program's own one-click button (RFC 8058: a POST of
    "List-Unsubscribe=One-Click", without a CSRF token), does. The unguessable token in the URL is what authorises
    it, and it only ever removes that one saved search: no login, no CSRF token needed."""
    if request.method == "POST":
        return render(request, "taskbank/unsubscribed.html", {"done": services.unsubscribe(token=token)})
    saved = queries.saved_search_by_token(token)
    if saved is None:
        return render(request, "taskbank/unsubscribed.html", {"done": False})
    return render(request, "taskbank/unsubscribe_confirm.html", {"saved": saved})
