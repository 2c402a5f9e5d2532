"""The volunteer agreement: pre-filled from the task, sent, accepted (who, when, which version), versioned, ended."""

import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from engagement import services
from engagement.models import Agreement, SessionSignup
from frivillig.core import pdf
from frivillig.core.models import Document

from .conftest import agreement_data, make_session

pytestmark = pytest.mark.django_db


def test_the_form_is_prefilled_from_the_task(accepted):
    from engagement.queries import agreement_initial

    initial = agreement_initial(accepted)
    assert initial["duties"] == "Hjælp elever med lektier."
    assert initial["notification_duty"] is True and initial["confidentiality"] is True


def test_staff_write_send_and_the_volunteer_accepts(client, standard_texts, accepted, institution_staff, citizen,
                                                     django_capture_on_commit_callbacks):
    client.force_login(institution_staff)
    page = client.get(f"/medarbejder/frivillige/ansoegninger/{accepted.pk}/aftale/")
    assert page.status_code == 200 and "Hjælp elever med lektier." in page.content.decode()
    data = {"duties": "Læse med eleverne.", "staff_duties": "Lærerne underviser.", "schedule": "Torsdage kl. 14",
            "contact": institution_staff.pk, "confidentiality": "on", "notification_duty": "on", "insured": "on",
            "child_certificate": "checked"}
    response = client.post(f"/medarbejder/frivillige/ansoegninger/{accepted.pk}/aftale/", data)
    agreement = Agreement.objects.get(application=accepted)
    assert response.status_code == 302 and agreement.status == Agreement.Status.DRAFT
    assert "serviceloven § 18 a" in agreement.insurance_text and agreement.wording_is_example
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/frivillige/aftaler/{agreement.pk}/send/")
        client.post(f"/medarbejder/frivillige/aftaler/{agreement.pk}/send/")  # a double click sends one e-mail
    assert [m.to for m in mail.outbox] == [[citizen.email]]
    client.force_login(citizen)
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Læse med eleverne." in page and "Tavshedspligt" in page and "Eksempeltekst" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/frivillig/aftaler/{agreement.pk}/accepter/", {"version": 1, "confirm": "on"})
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACCEPTED
    acceptance = agreement.acceptances.get()
    assert (acceptance.user, acceptance.version) == (citizen, 1)
    assert mail.outbox[-1].to == [institution_staff.email]


def test_a_change_makes_a_new_version_to_accept_again(agreement, institution_staff, citizen):
    changed = services.update_agreement(actor=institution_staff, agreement=agreement,
                                        data=agreement_data(agreement.application, schedule="Fredage"))
    assert (changed.version, changed.status) == (2, Agreement.Status.AWAITING)
    with pytest.raises(ValidationError):
        services.accept_agreement(actor=citizen, agreement=changed, version=1)  # she read the old one
    services.accept_agreement(actor=citizen, agreement=changed, version=2)
    assert list(changed.acceptances.values_list("version", flat=True).order_by("version")) == [1, 2]


def test_others_cannot_see_or_accept(client, agreement, other_citizen, other_institution_staff):
    with pytest.raises(PermissionDenied):
        services.accept_agreement(actor=other_citizen, agreement=agreement, version=1)
    client.force_login(other_citizen)
    assert client.get(agreement.get_absolute_url()).status_code == 404
    client.force_login(other_institution_staff)
    assert client.get(agreement.get_staff_url()).status_code == 404


def test_only_an_accepted_application_gets_an_agreement(standard_texts, task, citizen, institution_staff):
    from tests.taskbank.factories import ApplicationFactory

    application = ApplicationFactory(task=task, applicant=citizen)
    with pytest.raises(ValidationError):
        services.start_agreement(actor=institution_staff, application=application, data=agreement_data(application))


def test_ending_cancels_her_future_sessions_and_records_the_reason(agreement, citizen, institution_staff):
    session = make_session(agreement.task)
    services.sign_up(actor=citizen, session=session)
    services.end_agreement(actor=citizen, agreement=agreement, reason="Jeg flytter.")
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ENDED and agreement.end_reason == "Jeg flytter."
    assert agreement.ended_at is not None
    assert not SessionSignup.objects.filter(session=session).exists()
    assert agreement.status_changes.last().reason == "Jeg flytter."


def test_the_agreement_pdf_holds_its_text(agreement, citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        doc = services.request_agreement_pdf(actor=citizen, agreement=agreement)
    doc = Document.objects.get(pk=doc.pk)
    assert doc.is_ready
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(doc.file.read())).pages)
    text = " ".join(text.split())
    assert "Frivilligaftale: Lektiehjælp i Nærum" in text and "Tavshedspligt" in text
    assert "Eksempeltekst" in text  # the standard wording is still example text
    assert pdf.get_renderer("engagement.agreement").can_view(citizen, doc)


def test_standard_text_saved_by_the_culture_department_is_no_longer_example(client, standard_texts, culture_admin,
                                                                          citizen):
    from engagement.models import StandardText

    text = StandardText.objects.get(key="insurance")
    client.force_login(citizen)
    assert client.get(text.get_staff_url()).status_code == 403
    client.force_login(culture_admin)
    client.post(text.get_staff_url(), {"title": "Forsikring", "text": "Kommunens egen tekst om forsikring."})
    text.refresh_from_db()
    assert not text.is_example and text.text == "Kommunens egen tekst om forsikring."
    assert "Kommunens egen tekst" in client.get("/frivillig/standardtekster/").content.decode()


def test_accepting_asks_the_contact_to_write_the_agreement(task, citizen, institution_staff,
                                                          django_capture_on_commit_callbacks):
    from taskbank import services as taskbank_services
    from tests.taskbank.factories import ApplicationFactory

    application = ApplicationFactory(task=task, applicant=citizen)
    with django_capture_on_commit_callbacks(execute=True):
        taskbank_services.accept(actor=institution_staff, application=application)
    asked = [m for m in mail.outbox if m.subject.startswith("Skriv frivilligaftalen")]
    assert len(asked) == 1 and asked[0].to == [institution_staff.email]
    assert f"/medarbejder/frivillige/ansoegninger/{application.pk}/aftale/" in asked[0].body


def test_demo_data_holds_the_whole_journey(db):
    from django.core.management import call_command

    call_command("load_portal_data", demo=True, verbosity=0)
    call_command("load_portal_data", demo=True, verbosity=0)  # idempotent
    agreement = Agreement.objects.get(volunteer__email="borger@demo.frivillig.dk")
    assert agreement.status == Agreement.Status.ACCEPTED and agreement.acceptances.exists()
    assert agreement.task.sessions.count() == 8 and agreement.hours_entries.filter(status="approved").count() == 3
    from strategy.models import IndicatorValue

    hours = IndicatorValue.objects.filter(indicator__source_key="engagement.hours")
    assert sum(v.value for v in hours) >= 6  # the live figures reach the steering group's indicators
