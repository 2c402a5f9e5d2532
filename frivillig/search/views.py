"""The staff page of the search's vocabulary (/medarbejder/soegning/ordforraad/): synonyms and concepts the Culture
department keeps, with the log of every change."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frivillig.accounts.roles import is_culture_admin
from frivillig.core import actions
from frivillig.core.decorators import role_required

from . import queries, services
from .forms import VocabularyEntryForm

_keeper = role_required(is_culture_admin)


@_keeper
def vocabulary(request):
    form = VocabularyEntryForm(request.POST or None)
    if actions.save_form(request, form, services.add_entry):
        messages.success(request, _("Ordet er tilføjet. Søgningen bruger det fra nu af."))
        return redirect("search:vocabulary")
    return render(request, "search/vocabulary.html", {
        "form": form, "entries": queries.vocabulary(), "changes": queries.recent_changes()})


@_keeper
def edit_entry(request, pk):
    entry = queries.access_entry(request.user, pk)
    form = VocabularyEntryForm(request.POST or None, instance=entry)
    if actions.save_form(request, form, services.change_entry, entry=entry):
        messages.success(request, _("Ændringen er gemt. Søgningen bruger den fra nu af."))
        return redirect("search:vocabulary")
    return render(request, "search/entry_edit.html", {"form": form, "entry": entry})


delete_entry = _keeper(actions.action_view(access=queries.access_entry, service=services.delete_entry, name="entry",
                                           success=gettext_lazy("Ordet er slettet fra søgningens ordforråd."),
                                           back=lambda entry: "search:vocabulary"))
