"""Organisations without Django admin: the Culture department creates and edits them, associations register
themselves and are approved by the Culture department or the Volunteer Centre, members are invited by e-mail."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from frivillig.accounts import roles
from frivillig.organisations import services
from frivillig.accounts.models import Organisation, OrganisationInvitation, Role, RoleAssignment
from frivillig.accounts.validators import validate_cvr
from tests.factories import OrganisationFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer_centre_staff(db):
    centre = OrganisationFactory(name="Frivilligcenter Rudersdal", kind=Organisation.Kind.VOLUNTEER_CENTRE, area="")
    return RoleAssignmentFactory(role=Role.VOLUNTEER_CENTRE, organisation=centre,
                                 user=UserFactory(email="fc@example.dk", full_name="Frida Frivilligcenter")).user


@pytest.mark.parametrize("value, ok", [("", True), ("29189846", True), ("12345674", True), ("12345678", False),
                                       ("1234567", False), ("2918984a", False), ("02918984", False)])
def test_cvr_is_checked_for_form(value, ok):
    # 29189846 is Rudersdal Kommune's CVR number: weighted sum 2·2+9·7+1·6+8·5+9·4+8·3+4·2+6·1 = 187 = 17·11
    if ok:
        validate_cvr(value)
    else:
        with pytest.raises(ValidationError):
            validate_cvr(value)


def test_culture_admin_creates_and_edits_an_institution_in_the_staff_area(client, culture_admin):
    client.force_login(culture_admin)
    response = client.post("/medarbejder/organisationer/ny/", {
        "name": "Birkerød Bibliotek", "kind": "institution", "area": "culture", "is_active": "on"})
    organisation = Organisation.objects.get(name="Birkerød Bibliotek")
    assert response.status_code == 302 and response["Location"] == f"/medarbejder/organisationer/{organisation.pk}/"
    assert organisation.status == Organisation.Status.APPROVED
    client.post(f"/medarbejder/organisationer/{organisation.pk}/rediger/", {
        "name": "Birkerød Bibliotek og Borgerservice", "kind": "institution", "area": "culture", "is_active": "on"})
    organisation.refresh_from_db()
    assert organisation.name == "Birkerød Bibliotek og Borgerservice"
    assert "Birkerød Bibliotek og Borgerservice" in client.get("/medarbejder/organisationer/").content.decode()


def test_institution_without_area_is_refused_next_to_the_field(client, culture_admin):
    client.force_login(culture_admin)
    response = client.post("/medarbejder/organisationer/ny/", {"name": "Skole uden område", "kind": "institution",
                                                               "cvr": "12345678"})
    html = response.content.decode()
    assert response.status_code == 200 and not Organisation.objects.filter(name="Skole uden område").exists()
    assert "CVR-nummeret er ikke gyldigt" in html and "Skole uden område" in html


@pytest.mark.parametrize("persona", ["citizen", "institution_staff", "association_rep", "steering_member"])
def test_only_culture_admin_may_create_organisations(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/medarbejder/organisationer/ny/").status_code == 403
    assert client.post("/medarbejder/organisationer/ny/", {"name": "X", "kind": "association"}).status_code == 403
    assert not Organisation.objects.filter(name="X").exists()


def test_association_registers_and_waits_for_approval(client, citizen, django_capture_on_commit_callbacks):
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/foreninger/tilmeld/", {
            "name": "Vedbæk Strandrensere", "cvr": "2918 9846", "purpose": "Vi samler affald på stranden.",
            "contact_name": "Anna Andersen", "email": "strand@example.dk"})
    assert response.status_code == 302
    association = Organisation.objects.get(name="Vedbæk Strandrensere")
    assert (association.kind, association.status, association.cvr) == ("association", "pending", "29189846")
    assert association.registered_by == citizen
    assert [m.subject for m in mail.outbox] == ["Foreningen er tilmeldt: Vedbæk Strandrensere"]
    # Not a representative until approved: no staff area for tasks.
    assert not roles.association_ids(citizen)
    assert "Afventer godkendelse" in client.get("/konto/organisationer/").content.decode()


def test_registration_refuses_a_bad_cvr_and_keeps_the_input(client, citizen):
    client.force_login(citizen)
    response = client.post("/foreninger/tilmeld/", {"name": "Forkert CVR", "cvr": "12345678", "purpose": "Formål",
                                                     "contact_name": "Anna", "email": "a@example.dk"})
    html = response.content.decode()
    assert "CVR-nummeret er ikke gyldigt" in html and "Forkert CVR" in html
    assert not Organisation.objects.filter(name="Forkert CVR").exists()


def test_unverified_person_cannot_register_an_association(unverified_citizen):
    with pytest.raises(PermissionDenied):
        services.register_association(actor=unverified_citizen, name="X", cvr="", contact_name="X",
                                      email="x@example.dk", phone="", purpose="x")


@pytest.fixture
def pending(citizen):
    return services.register_association(actor=citizen, name="Nærum Naturvenner", cvr="", contact_name="Anna",
                                         email="natur@example.dk", phone="", purpose="Naturpleje")


def test_volunteer_centre_approves_and_registrant_becomes_representative(
        client, volunteer_centre_staff, pending, citizen, django_capture_on_commit_callbacks):
    client.force_login(volunteer_centre_staff)
    listing = client.get("/medarbejder/organisationer/").content.decode()
    assert "Nærum Naturvenner" in listing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/organisationer/{pending.pk}/afgoerelse/", {"decision": "approve"})
        # a second click sends nothing more
        client.post(f"/medarbejder/organisationer/{pending.pk}/afgoerelse/", {"decision": "approve"})
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.APPROVED and pending.decided_by == volunteer_centre_staff
    assert RoleAssignment.objects.filter(user=citizen, role=Role.ASSOCIATION_REP, organisation=pending).exists()
    assert [m.subject for m in mail.outbox] == ["Nærum Naturvenner: Godkendt"]


def test_rejection_needs_a_reason_which_is_emailed(culture_admin, pending, django_capture_on_commit_callbacks):
    with pytest.raises(ValidationError):
        services.decide_association(actor=culture_admin, organisation=pending, approve=False, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_association(actor=culture_admin, organisation=pending, approve=False,
                                    reason="Foreningen har ikke aktiviteter i Rudersdal.")
    assert "Foreningen har ikke aktiviteter i Rudersdal." in mail.outbox[-1].body
    assert not RoleAssignment.objects.filter(organisation=pending).exists()


def test_volunteer_centre_cannot_approve_institutions_and_others_cannot_approve(
        volunteer_centre_staff, institution_staff, association_rep, pending, client):
    institution = OrganisationFactory(status=Organisation.Status.PENDING)
    with pytest.raises(PermissionDenied):
        services.decide_association(actor=volunteer_centre_staff, organisation=institution, approve=True)
    for actor in (institution_staff, association_rep):
        with pytest.raises(PermissionDenied):
            services.decide_association(actor=actor, organisation=pending, approve=True)
    client.force_login(association_rep)
    assert client.get(f"/medarbejder/organisationer/{pending.pk}/").status_code == 404


def test_member_invites_by_email_and_acceptance_grants_the_role(
        client, association_rep, association, other_citizen, django_capture_on_commit_callbacks):
    client.force_login(association_rep)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/organisationer/{association.pk}/inviter/", {"email": other_citizen.email})
    invitation = OrganisationInvitation.objects.get()
    assert mail.outbox[-1].to == [other_citizen.email] and invitation.get_absolute_url() in mail.outbox[-1].body
    client.force_login(other_citizen)
    assert "Acceptér invitationen" in client.get(invitation.get_absolute_url()).content.decode()
    client.post(invitation.get_absolute_url())
    assert RoleAssignment.objects.filter(user=other_citizen, role=Role.ASSOCIATION_REP,
                                         organisation=association).exists()
    # The link works once.
    response = client.get(invitation.get_absolute_url())
    assert "Invitationen er brugt eller udløbet" in response.content.decode()


def test_institution_staff_cannot_invite_to_an_association_they_are_not_in(institution_staff, association):
    with pytest.raises(PermissionDenied):
        services.invite_member(actor=institution_staff, organisation=association, email="x@example.dk")


def test_registration_and_invitations_are_in_the_data_export_and_erased(citizen, pending, culture_admin):
    from frivillig.organisations import personal_data as personal_data_org

    services.invite_member(actor=culture_admin, organisation=OrganisationFactory(), email=citizen.email)
    exported = personal_data_org.export(citizen)
    assert exported["registered_associations"][0]["name"] == "Nærum Naturvenner"
    assert exported["invitations"][0]["email"] == citizen.email
    personal_data_org.erase(citizen, dry_run=False)
    pending.refresh_from_db()
    assert pending.registered_by is None and not OrganisationInvitation.objects.exists()
