"""Reads about people and roles; ``access_*`` raise 404 for missing and not-yours alike."""

from django.http import Http404

from . import workflow
from .models import RoleAssignment


def role_assignments():
    return RoleAssignment.objects.select_related("user", "organisation", "granted_by").order_by("role", "user__full_name")


def access_role_assignment(user, pk) -> RoleAssignment:
    """Only for those who manage roles."""
    assignment = RoleAssignment.objects.filter(pk=pk).first()
    if assignment is None or not workflow.manages_roles(user):
        raise Http404
    return assignment
