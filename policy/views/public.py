from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from frivillig.core import pdf
from frivillig.core.files import attachment_response

from .. import queries
from ..documents import content_version
from ..filters import ToolboxFilter
from ..forms import SearchForm
from ..models import GuideArticle, Theme, ToolboxAttachment, ToolboxItem, WhitePaperSection


def index(request):
    return render(request, "policy/index.html", {**queries.overview(), "search_form": SearchForm()})


def theme(request, slug):
    return render(request, "policy/theme.html", {"theme": get_object_or_404(Theme, slug=slug),
                                                 "themes": Theme.objects.all()})


def white_paper(request):
    return render(request, "policy/white_paper.html", {"sections": WhitePaperSection.objects.all()})


def guide(request):
    return render(request, "policy/guide.html", {"articles": GuideArticle.objects.all()})


def guide_article(request, slug):
    return render(request, "policy/guide_article.html", {"article": get_object_or_404(GuideArticle, slug=slug)})


def toolbox(request):
    filterset = ToolboxFilter(request.GET or None, queryset=ToolboxItem.objects.prefetch_related("attachments"))
    page = Paginator(filterset.qs, 20).get_page(request.GET.get("side"))
    return render(request, "policy/toolbox.html", {"filter": filterset, "page": page})


def toolbox_item(request, slug):
    item = get_object_or_404(ToolboxItem.objects.prefetch_related("attachments"), slug=slug)
    return render(request, "policy/toolbox_item.html", {"item": item, "templates": queries.templates_for(item)})


def attachment(request, pk):
    att = get_object_or_404(ToolboxAttachment, pk=pk)
    return attachment_response(att.file, att.file.name.rsplit("/", 1)[-1])


def search(request):
    form = SearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    results, suggestion = queries.search_with_suggestion(q)
    return render(request, "policy/search.html", {"form": form, "q": q, "results": results, "suggestion": suggestion})


def policy_pdf(request):
    document = pdf.request("policy.full", version=content_version())
    return redirect(document)


def agreement_pdf(request):
    """A new PDF whenever the Culture department changes the standard wording."""
    document = pdf.request("policy.volunteer_agreement", version=queries.wording_version())
    return redirect(document)


def partnership_pdf(request):
    document = pdf.request("policy.partnership_agreement", version=queries.wording_version())
    return redirect(document)
