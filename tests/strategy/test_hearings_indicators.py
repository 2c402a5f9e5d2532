import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from freezegun import freeze_time
from pypdf import PdfReader

from strategy import indicators, services, tasks
from strategy.models import Hearing, HearingParty, HearingResponse, Indicator, IndicatorValue

pytestmark = pytest.mark.django_db


def test_state_is_derived_from_dates(hearing):
    assert hearing.state() == Hearing.State.OPEN
    assert hearing.state(now=hearing.opens_at - timedelta(minutes=1)) == Hearing.State.PLANNED
    assert hearing.state(now=hearing.closes_at) == Hearing.State.CLOSED


def test_response_receipt_and_late_response_refused(hearing, citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_response(actor=citizen, hearing=hearing, text="Godt udkast.", publish_with_name=True)
    assert mail.outbox[-1].subject.startswith("Kvittering for dit høringssvar")
    with freeze_time(hearing.closes_at + timedelta(seconds=1)):
        with pytest.raises(PermissionDenied, match="Høringen er lukket"):
            services.submit_response(actor=citizen, hearing=hearing, text="For sent", publish_with_name=False)


def test_cannot_respond_for_an_organisation_you_do_not_represent(hearing, citizen, association):
    with pytest.raises(PermissionDenied):
        services.submit_response(actor=citizen, hearing=hearing, text="x", publish_with_name=True, organisation=association)


def test_responses_public_only_after_closing_and_named_only_if_allowed(client, hearing, citizen, other_citizen):
    services.submit_response(actor=citizen, hearing=hearing, text="Navngivet svar", publish_with_name=True)
    services.submit_response(actor=other_citizen, hearing=hearing, text="Anonymt svar", publish_with_name=False)
    assert "Navngivet svar" not in client.get(hearing.get_absolute_url()).content.decode()
    with freeze_time(hearing.closes_at + timedelta(hours=1)):
        html = client.get(hearing.get_absolute_url()).content.decode()
    assert "Anna Andersen" in html and "Anonymt svar" in html and "Bo Bertelsen" not in html
    assert "Høringen er lukket" in html


def test_memo_pdf_holds_responses_and_remarks(hearing, citizen, culture_admin, django_capture_on_commit_callbacks):
    response = services.submit_response(actor=citizen, hearing=hearing, text="Husk de små foreninger.",
                                        publish_with_name=True)
    with freeze_time(hearing.closes_at + timedelta(hours=1)):
        services.write_remark(actor=culture_admin, response=response, remark="Tilføjet i afsnit 2.",
                              themes=[hearing.process.themes.first()])
        with django_capture_on_commit_callbacks(execute=True):
            doc = services.write_memo(actor=culture_admin, hearing=hearing, changes_made="Afsnit 2 er udvidet.")
        services.conclude(actor=culture_admin, hearing=Hearing.objects.get(pk=hearing.pk))
    doc.refresh_from_db()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(doc.file.read())).pages).split())
    assert "Husk de små foreninger." in text and "Tilføjet i afsnit 2." in text and "Roller og arbejdsdeling" in text
    assert Hearing.objects.get(pk=hearing.pk).state() == Hearing.State.CONCLUDED
    assert list(hearing.status_changes.values_list("to_status", flat=True)) == ["memo_written", "concluded"]


def test_remarks_only_after_closing(hearing, citizen, culture_admin):
    response = services.submit_response(actor=citizen, hearing=hearing, text="x", publish_with_name=False)
    with pytest.raises(PermissionDenied, match="Bemærkninger skrives, når høringen er lukket"):
        services.write_remark(actor=culture_admin, response=response, remark="for tidligt")


def test_hearing_reminder_to_parties_sent_once(hearing, association, culture_admin, django_capture_on_commit_callbacks):
    association.email = "roklub@example.dk"
    association.save()
    HearingParty.objects.create(hearing=hearing, organisation=association)
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_parties(actor=culture_admin, hearing=hearing)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.send_hearing_reminders.apply()
    subjects = [m.subject for m in mail.outbox if m.to == ["roklub@example.dk"]]
    assert len([s for s in subjects if s.startswith("Invitation")]) == 1
    assert len([s for s in subjects if s.startswith("Påmindelse")]) == 1


def test_memo_handles_many_responses_in_fixed_queries(hearing, citizen, django_assert_max_num_queries):
    from strategy.queries import memo_responses

    HearingResponse.objects.bulk_create([HearingResponse(hearing=hearing, author=citizen, text=f"Svar {i}")
                                         for i in range(200)])
    with django_assert_max_num_queries(4):
        groups = memo_responses(hearing)
        assert sum(len(r) for _t, r in groups) == 200


def test_dashboard_figures_match_an_independent_count(client, hearing, citizen, other_citizen):
    services.submit_response(actor=citizen, hearing=hearing, text="a", publish_with_name=False)
    services.submit_response(actor=other_citizen, hearing=hearing, text="b", publish_with_name=False)
    indicator = Indicator.objects.create(name="Høringssvar pr. måned", source_key="strategy.hearing_responses")
    manual = Indicator.objects.create(name="Frivillige timer (manuelt)", unit="timer")
    month = timezone.localdate().replace(day=1)
    IndicatorValue.objects.create(indicator=manual, month=month, value=Decimal("120"))
    indicators.recompute(months=2)
    indicators.recompute(months=2)  # idempotent
    expected = HearingResponse.objects.filter(submitted_at__date__gte=month).count()
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 2
    assert IndicatorValue.objects.get(indicator=indicator, month=month).value == expected == 2
    html = client.get("/strategi/indikatorer/").content.decode()
    assert '<strong class="indicator-latest">2</strong>' in html
    assert '<strong class="indicator-latest">120</strong>' in html
    assert "<caption>Høringssvar pr. måned pr. måned</caption>" in html


def test_indicator_overview_for_the_steering_group(hearing):
    from strategy.queries import indicator_overview

    Indicator.objects.create(name="Input", source_key="strategy.inputs")
    indicators.recompute(months=1)
    overview = indicator_overview()
    assert overview[0]["name"] == "Input" and overview[0]["latest_value"] == 0


def test_month_helpers():
    assert indicators.next_month(date(2026, 12, 1)) == date(2027, 1, 1)
    assert indicators.last_months(3, date(2026, 2, 15)) == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]


def test_the_kept_response_count_follows_every_insert_and_delete_and_pages_the_list(client, hearing, citizen,
                                                                                   other_citizen):
    """The public list pages by hearing.response_count, which a trigger keeps (no count of the rows per request)."""
    services.submit_response(actor=citizen, hearing=hearing, text="Første svar", publish_with_name=True)
    HearingResponse.objects.bulk_create([HearingResponse(hearing=hearing, author=other_citizen, text=f"Svar {i}")
                                         for i in range(60)])
    hearing.refresh_from_db()
    assert hearing.response_count == 61
    hearing.title = "Ny titel"
    hearing.response_count = 0  # a stale figure in memory is never written back
    hearing.save()
    hearing.refresh_from_db()
    assert hearing.response_count == 61 and hearing.title == "Ny titel"
    HearingResponse.objects.filter(text__in=["Svar 0", "Svar 1"]).delete()
    hearing.refresh_from_db()
    assert hearing.response_count == 59 == hearing.responses.count()
    with freeze_time(hearing.closes_at + timedelta(hours=1)):
        first = client.get(hearing.get_absolute_url()).content.decode()
        second = client.get(hearing.get_absolute_url() + "?side=2").content.decode()
    assert "Side 1 af 2" in first and "Første svar" in first
    assert "Side 2 af 2" in second and "Svar 59" in second
