"""Roles are granted and removed by those the accounts rule allows (frivillig/accounts/workflow.py)."""

from frivillig.accounts.models import Role, RoleAssignment


def test_culture_admin_cannot_remove_their_own_culture_role(client, culture_admin):
    own = RoleAssignment.objects.get(user=culture_admin, role=Role.CULTURE_ADMIN)
    client.force_login(culture_admin)
    response = client.post(f"/medarbejder/roller/{own.pk}/fjern/", follow=True)
    assert "Du kan ikke fjerne din egen rolle i Kulturområdet." in response.content.decode()
    assert RoleAssignment.objects.filter(pk=own.pk).exists()


def test_others_cannot_reach_the_role_pages(client, institution_staff, culture_admin):
    own = RoleAssignment.objects.get(user=culture_admin, role=Role.CULTURE_ADMIN)
    client.force_login(institution_staff)
    assert client.get("/medarbejder/roller/").status_code == 403
    assert client.post(f"/medarbejder/roller/{own.pk}/fjern/").status_code == 403
    assert RoleAssignment.objects.filter(pk=own.pk).exists()
