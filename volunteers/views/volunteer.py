"""The volunteer's own pages: her profile and consent, "Opgaver til dig", invitations, "Min indflydelse"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from frivillig.core import actions

from .. import queries, services
from ..forms import ConsentForm, ProfileForm


def _initial(profile):
    if profile is None:
        return {}
    return {f: getattr(profile, f) for f in services.PROFILE_FIELDS}


@login_required
def profile(request):
    own = queries.own_profile(request.user)
    form = ProfileForm(request.POST or None, initial=_initial(own))
    if actions.save_form(request, form, services.save_profile, as_data=True):
        messages.success(request, _("Din profil er gemt."))
        return redirect("volunteers:profile")
    return render(request, "volunteers/profile.html", {"form": form, "profile": own, "consent_form": ConsentForm()})


@login_required
@require_POST
def consent(request):
    actions.perform(request, ConsentForm(request.POST), services.give_consent,
                    success=_("Tak. Medarbejdere kan nu finde dig og invitere dig til opgaver."))
    return redirect("volunteers:profile")


@login_required
@require_POST
def withdraw_consent(request):
    actions.perform(request, None, services.withdraw_consent,
                    success=_("Dit ja er trukket tilbage. Ingen medarbejder kan finde din profil længere."))
    return redirect("volunteers:profile")


@login_required
@require_POST
def delete_profile(request):
    actions.perform(request, None, services.delete_profile, success=_("Din profil er slettet."))
    return redirect("volunteers:profile")


@login_required
def suggestions(request):
    return render(request, "volunteers/suggestions.html", {
        "profile": queries.own_profile(request.user), "suggestions": queries.suggestions_for(request.user),
        "invitations": queries.my_invitations(request.user)})


@login_required
def invitation(request, pk):
    return render(request, "volunteers/invitation.html",
                  {"invitation": queries.access_invitation(request.user, pk)})


def _back_to_invitation(invitation):
    return invitation.get_absolute_url()


accept_invitation = login_required(actions.action_view(
    access=queries.access_invitation, service=services.accept_invitation, name="invitation",
    back=_back_to_invitation, success=gettext_lazy("Tak for dit ja. Det er nu en ansøgning til opgaven.")))
decline_invitation = login_required(actions.action_view(
    access=queries.access_invitation, service=services.decline_invitation, name="invitation",
    back=_back_to_invitation, success=gettext_lazy("Du har sagt nej tak. Vi giver besked videre.")))


@login_required
def influence(request):
    return render(request, "volunteers/influence.html", {"rows": queries.influence(request.user)})
