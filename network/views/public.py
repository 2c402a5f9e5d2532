from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from frivillig.core import pdf

from .. import queries
from ..models import Agreement, Body, Priority


def index(request):
    return render(request, "network/index.html", {"bodies": queries.bodies(),
                                                  "priorities": queries.adopted_priorities(timezone.localdate().year)})


def body(request, kind):
    b = get_object_or_404(Body.objects.prefetch_related("memberships__user", "memberships__organisation"), kind=kind)
    return render(request, "network/body.html", {"body": b})


def priorities(request):
    return render(request, "network/priorities.html", {"priorities": queries.adopted_priorities()})


def volunteer_centre(request):
    return render(request, "network/volunteer_centre.html", {"agreement": queries.current_agreement()})


def agreement_pdf(request, pk):
    agreement = get_object_or_404(Agreement, pk=pk, is_published=True)
    return redirect(pdf.request("network.agreement", obj=agreement, version=str(agreement.updated_at.timestamp())))


def priority(request, pk):
    p = get_object_or_404(Priority.objects.prefetch_related("updates", "links"), pk=pk, status=Priority.Status.ADOPTED)
    return render(request, "network/priority_public.html", {"priority": p})
