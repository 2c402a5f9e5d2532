"""Priorities carried out (issue 15): links to the work, a status per quarter, the annual report to the executive
board, and the Volunteer Centre's own account of its obligations."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from frivillig.core import pdf
from network import services
from network.models import (
    Agreement,
    FollowUp,
    Obligation,
    ObligationSelfReport,
    ObligationStatus,
    Priority,
    PriorityUpdate,
    Proposal,
)
from network.seed import load_reference

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture
def adopted(db):
    load_reference()
    return Priority.objects.create(year=YEAR, title="Flere unge frivillige", description="d",
                                   status=Priority.Status.ADOPTED)


@pytest.fixture
def agreement(db):
    today = timezone.localdate()
    a = Agreement.objects.create(version=1, period_start=today - timedelta(days=30),
                                 period_end=today + timedelta(days=300), annual_grant=100, contacts="x")
    Obligation.objects.create(agreement=a, party=Obligation.Party.CENTRE, text="Drive frivilligbørsen")
    Obligation.objects.create(agreement=a, party=Obligation.Party.MUNICIPALITY, text="Stille lokaler til rådighed")
    return a


def test_culture_department_links_a_priority_to_a_pool_from_the_priority_page(client, adopted, culture_admin):
    from grants.models import Pool

    pool = Pool.objects.create(name="Frivilligpuljen", slug="frivilligpuljen", purpose="x", who_may_apply="x",
                               max_amount=100, yearly_budget=1000)
    client.force_login(culture_admin)
    page = client.get(adopted.get_absolute_url()).content.decode()
    assert f'value="pool:{pool.pk}"' in page and "Frivilligpuljen" in page
    response = client.post(f"/netvaerk/indsatsomraader/{adopted.pk}/arbejde/", {"link-target": f"pool:{pool.pk}"},
                           follow=True)
    assert "Indsatsområdet er knyttet til arbejdet." in response.content.decode()
    link = adopted.links.get()
    assert (link.title, link.path) == ("Frivilligpuljen", "/puljer/frivilligpuljen/")
    public = client.get(f"/netvaerk/indsatsomraader/{adopted.pk}/offentlig/").content.decode()
    assert 'href="/puljer/frivilligpuljen/"' in public
    # The same work twice, or something that does not exist, is refused with a sentence.
    again = client.post(f"/netvaerk/indsatsomraader/{adopted.pk}/arbejde/", {"link-target": f"pool:{pool.pk}"},
                        follow=True).content.decode()
    assert "allerede knyttet" in again and adopted.links.count() == 1
    client.post(f"/netvaerk/indsatsomraader/{adopted.pk}/arbejde/", {"link-target": "pool:999999"})
    assert adopted.links.count() == 1


def test_every_kind_of_work_can_be_linked(adopted, culture_admin):
    from strategy.models import Process
    from tests.taskbank.factories import TaskFactory

    task = TaskFactory(status="published")
    process = Process.objects.create(slug="strategi", title="Frivillighedsstrategi", description="d")
    proposal = Proposal.objects.create(title="Fælles introduktion", summary="s")
    for target in (task, process, proposal):
        services.link_priority(actor=culture_admin, priority=adopted, target=target)
    assert sorted(adopted.links.values_list("path", flat=True)) == sorted(
        [task.get_absolute_url(), process.get_absolute_url(), proposal.get_absolute_url()])


def test_only_the_culture_department_links_and_records_status(adopted, steering_member, network_member):
    for actor in (steering_member, network_member):
        with pytest.raises(PermissionDenied):
            services.link_priority(actor=actor, priority=adopted, target=Proposal.objects.create(title="x", summary="s"))
        with pytest.raises(PermissionDenied):
            services.record_quarter_status(actor=actor, priority=adopted, year=YEAR, quarter=1, status="on_track")


def test_a_quarter_has_one_status_that_shows_by_its_label(client, adopted, culture_admin):
    client.force_login(culture_admin)
    url = f"/netvaerk/indsatsomraader/{adopted.pk}/kvartalsstatus/"
    client.post(url, {"quarter-year": YEAR, "quarter-quarter": "2", "quarter-status": "on_track", "quarter-text": "Godt i gang"})
    client.post(url, {"quarter-year": YEAR, "quarter-quarter": "2", "quarter-status": "delayed",
                      "quarter-text": "Mangler en tovholder"})
    update = PriorityUpdate.objects.get(priority=adopted)
    assert (update.quarter, update.status, update.text) == (2, "delayed", "Mangler en tovholder")
    for page in (client.get(adopted.get_absolute_url()), client.get(f"/netvaerk/indsatsomraader/{adopted.pk}/offentlig/")):
        html = page.content.decode()
        assert f"2. kvartal {YEAR}</strong>: Forsinket – Mangler en tovholder" in html
    # A fifth quarter is refused by the form.
    client.post(url, {"quarter-year": YEAR, "quarter-quarter": "5", "quarter-status": "done"})
    assert PriorityUpdate.objects.count() == 1


def test_a_priority_not_yet_adopted_gets_no_quarterly_status(adopted, culture_admin):
    candidate = Priority.objects.create(year=YEAR, title="Kandidat", description="d")
    with pytest.raises(ValidationError):
        services.record_quarter_status(actor=culture_admin, priority=candidate, year=YEAR, quarter=1, status="done")


def _pdf_text(doc) -> str:
    doc.refresh_from_db()
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(doc.file.read())).pages).split())


def test_the_annual_report_holds_priorities_quarters_proposals_and_follow_ups(
        client, adopted, agreement, steering_member, culture_admin, django_capture_on_commit_callbacks):
    services.record_quarter_status(actor=culture_admin, priority=adopted, year=YEAR, quarter=1, status="done",
                                   text="Målet er nået")
    services.link_priority(actor=culture_admin, priority=adopted,
                           target=Proposal.objects.create(title="Ungdomsråd for frivillige", summary="s"))
    follow_up = FollowUp.objects.create(agreement=agreement, held_on=timezone.localdate(), notes="Godt samarbejde")
    ObligationStatus.objects.create(follow_up=follow_up, obligation=agreement.obligations.first(), status="partly")
    client.force_login(steering_member)
    page = client.get(f"/medarbejder/netvaerk/aarsrapport/{YEAR}/")
    assert page.status_code == 200 and "Dan årsrapport" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/netvaerk/aarsrapport/{YEAR}/dan/")
    doc = pdf.latest("network.annual_report")
    text = _pdf_text(doc)
    assert "Flere unge frivillige" in text and "Gennemført" in text and "Målet er nået" in text
    assert "Ungdomsråd for frivillige" in text and "Til drøftelse i netværket" in text
    assert "Drive frivilligbørsen" in text and "Delvist opfyldt" in text
    assert doc.filename == f"aarsrapport-{YEAR}.pdf"
    html = client.get(f"/medarbejder/netvaerk/aarsrapport/{YEAR}/").content.decode()
    assert "Hent årsrapporten (PDF)" in html
    download = client.get(doc.get_absolute_url() + "?download=1")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF") and "attachment" in download["Content-Disposition"]


def test_the_annual_report_is_for_the_culture_department_and_the_steering_group_only(
        client, adopted, network_member, citizen, volunteer_centre, culture_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        doc = services.request_annual_report(actor=culture_admin, year=YEAR)
    for user in (network_member, citizen, volunteer_centre):
        client.force_login(user)
        assert client.get(f"/medarbejder/netvaerk/aarsrapport/{YEAR}/").status_code in (403, 404)
        assert client.post(f"/medarbejder/netvaerk/aarsrapport/{YEAR}/dan/").status_code in (403, 404)
        assert client.get(doc.get_absolute_url() + "?download=1").status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        services.request_annual_report(actor=network_member, year=YEAR)
    client.force_login(culture_admin)
    assert client.get("/medarbejder/netvaerk/aarsrapport/99999/").status_code == 404


def test_the_volunteer_centre_records_its_own_status_per_obligation(client, agreement, volunteer_centre):
    centre_obligation = agreement.obligations.get(party=Obligation.Party.CENTRE)
    municipal = agreement.obligations.get(party=Obligation.Party.MUNICIPALITY)
    FollowUp.objects.create(agreement=agreement, held_on=timezone.localdate() - timedelta(days=3), notes="Første møde")
    client.force_login(volunteer_centre)
    page = client.get("/netvaerk/frivilligcenter/aftale/").content.decode()
    assert "Drive frivilligbørsen" in page and "Stille lokaler til rådighed" in page and "Første møde" in page
    response = client.post(f"/netvaerk/frivilligcenter/aftale/forpligtelser/{centre_obligation.pk}/",
                           {f"ob{centre_obligation.pk}-status": "partly", f"ob{centre_obligation.pk}-note": "Åbent 3 dage"},
                           follow=True)
    html = response.content.decode()
    assert "Jeres status er gemt." in html and "Delvist opfyldt" in html and "Åbent 3 dage" in html
    report = ObligationSelfReport.objects.get()
    assert (report.obligation, report.reported_by) == (centre_obligation, volunteer_centre)
    # The municipality's obligations are not the centre's to report on.
    assert client.post(f"/netvaerk/frivilligcenter/aftale/forpligtelser/{municipal.pk}/",
                       {f"ob{municipal.pk}-status": "met"}).status_code == 404
    with pytest.raises(ValidationError):
        services.record_centre_status(actor=volunteer_centre, obligation=municipal, status="met")


def test_only_the_volunteer_centre_records_the_centres_status(agreement, culture_admin, association_rep, client):
    obligation = agreement.obligations.get(party=Obligation.Party.CENTRE)
    with pytest.raises(PermissionDenied):
        services.record_centre_status(actor=culture_admin, obligation=obligation, status="met")
    client.force_login(association_rep)
    assert client.get("/netvaerk/frivilligcenter/aftale/").status_code == 403
