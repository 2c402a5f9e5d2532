from datetime import timedelta

import pytest

from volunteers import matching, queries, services

pytestmark = pytest.mark.django_db


def test_opgaver_til_dig_ranks_by_fit_and_says_why(client, citizen, profile, it_task, institution, institution_staff):
    from tests.taskbank.factories import TaskFactory

    TaskFactory(institution=institution, contact=institution_staff, title="Havearbejde i Nærum",
                competences=["nature"], area="nature", town="naerum")
    weaker = TaskFactory(institution=institution, contact=institution_staff, title="Samvær i Holte",
                         competences=["social"], area="elderly", town="holte", schedule="tirsdage kl. 10")
    client.force_login(citizen)
    page = client.get("/frivillig/opgaver-til-dig/").content.decode()
    assert "IT-hjælp på plejecentret" in page and "Havearbejde i Nærum" not in page
    assert page.index("IT-hjælp på plejecentret") < page.index(weaker.title)
    assert "IT og teknik · Ældre og sundhed · Holte · weekender" in page


def test_her_own_words_find_tasks_through_the_search_pipeline(citizen, institution, institution_staff):
    from tests.taskbank.factories import TaskFactory

    profile = services.save_profile(actor=citizen, data={"can_do": "Jeg spiller skak"})
    task = TaskFactory(institution=institution, contact=institution_staff, title="Skakklub for ældre",
                       competences=["culture"], area="culture")
    found = matching.suggestions(profile)
    assert [s.task for s in found] == [task]
    assert "det, du skriver, du kan" in found[0].why


def test_tasks_she_applied_to_are_left_out(citizen, profile, it_task):
    from tests.taskbank.factories import ApplicationFactory

    assert [s.task for s in queries.suggestions_for(citizen)] == [it_task]
    ApplicationFactory(task=it_task, applicant=citizen)
    assert queries.suggestions_for(citizen) == []


def test_without_a_profile_the_page_asks_for_one(client, citizen):
    client.force_login(citizen)
    assert "frivilligprofil" in client.get("/frivillig/opgaver-til-dig/").content.decode()


def test_times_of_a_task_are_read_from_its_schedule():
    from taskbank.models import Task

    assert matching.times_of(Task(schedule="Lørdag 6. juni kl. 9-15")) == {"weekends"}
    assert matching.times_of(Task(schedule="tirsdage kl. 18-20")) == {"weekdays", "evenings"}
    assert matching.times_of(Task(schedule="")) == set()


def test_min_indflydelse_shows_what_each_contribution_led_to(client, citizen, culture_admin, it_task):
    from django.utils import timezone

    from strategy.models import Draft, DraftSection, DraftVersion, Hearing, HearingResponse, Input, Process, Theme
    from taskbank import services as taskbank

    idea = taskbank.submit_idea(actor=citizen, title="IT-café", description="d")
    taskbank.triage_idea(actor=culture_admin, idea=idea, to="became_task", answer="Ja", task=it_task)
    process = Process.objects.create(slug="p", title="Strategien", description="d")
    item = Input.objects.create(process=process, theme=Theme.objects.create(process=process, name="T"), kind="idea",
                                text="Flere unge", author=citizen, status="published")
    version = DraftVersion.objects.create(draft=Draft.objects.create(process=process, title="Udkast"), number=2)
    DraftSection.objects.create(version=version, order=1, heading="Unge", body="b", caused_by_input=item)
    now = timezone.now()
    hearing = Hearing.objects.create(slug="h", title="Høringen", description="d", opens_at=now - timedelta(days=9), closes_at=now - timedelta(days=1))
    HearingResponse.objects.create(hearing=hearing, author=citizen, text="Svar", remark="Vi retter afsnit 3.")
    client.force_login(citizen)
    page = client.get("/frivillig/min-indflydelse/").content.decode()
    assert "Blev til opgaven “IT-hjælp på plejecentret”" in page
    assert "Udkastet “Udkast” (version 2) blev ændret i afsnittet “Unge”" in page
    assert "Vi retter afsnit 3." in page


def test_min_indflydelse_is_her_own(client, citizen, other_citizen):
    from taskbank import services as taskbank

    taskbank.submit_idea(actor=citizen, title="Hemmelig idé", description="d")
    client.force_login(other_citizen)
    assert "Hemmelig idé" not in client.get("/frivillig/min-indflydelse/").content.decode()
    client.logout()
    assert client.get("/frivillig/min-indflydelse/").status_code == 302


def test_weekly_email_with_new_tasks_that_fit_sent_once(citizen, profile, it_task, django_capture_on_commit_callbacks):
    from django.core import mail

    from volunteers.tasks import send_suggestion_digests

    assert send_suggestion_digests() == 0  # she did not ask for it
    services.save_profile(actor=citizen, data={"wants_digest": True})
    with django_capture_on_commit_callbacks(execute=True):
        assert send_suggestion_digests() == 1
        assert send_suggestion_digests() == 0  # nothing new since
    body = [m.body for m in mail.outbox if citizen.email in m.to][0]
    assert "IT-hjælp på plejecentret" in body and "passer til dig: IT og teknik" in body


def test_celery_beat_runs_the_weekly_email():
    from frivillig.celery import app

    assert "volunteers.tasks.send_suggestion_digests" in {e["task"] for e in app.conf.beat_schedule.values()}
