"""Invariants of erasure and export, over the whole schema rather than a list of fields:

- erasure leaves nothing: after one person with a full life in every app is erased, no text, varchar or jsonb
  column of any table (read from PostgreSQL's catalogue) and no file under MEDIA_ROOT (PDF text extracted) holds
  their name, e-mail or phone; what the municipality keeps shows "Anonym";
- the export is complete: every row that reaches the person through a foreign key (walked from the model graph)
  appears in /konto/mine-data/.
"""

import json
import re
import subprocess
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from frivillig.accounts.gdpr import erase_user
from tests.conftest import run_on_commit
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE = "Xenia Quistgaard", "xenia.quistgaard@example.dk", "+45 31 41 59 26"
# The phone she gave on her grant application (not her profile's), and a neighbour's number and address she wrote
# in her own idea: erasure strips them too (issue 26, row 3).
CONTACT_PHONE, OTHER_PHONE, OTHER_EMAIL = "55554444", "22 33 44 55", "nabo.hansen@example.dk"
TRACES = re.compile(r"xenia|quistgaard|31\s*41\s*59\s*26|55554444|22 33 44 55|nabo\.hansen", re.IGNORECASE)
TRACES_SQL = r"(xenia|quistgaard|31\s*41\s*59\s*26|55554444|22 33 44 55|nabo\.hansen)"


def _pdf_with(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


@pytest.fixture(scope="module")
def life(module_personas, django_db_blocker):
    """One person's full life, lived once for the module (module_db): her rows in every app and the documents
    rendered about her are there for each test; a test that erases her rolls back, and its files are its own copy."""
    with django_db_blocker.unblock():
        return _live(module_personas["institution"], module_personas["institution_staff"],
                     module_personas["culture_admin"], run_on_commit)


@pytest.fixture
def person(db, life):
    """The person of the full life, read afresh for this test."""
    return type(life)._default_manager.get(pk=life.pk)


def _live(institution, institution_staff, culture_admin, django_capture_on_commit_callbacks):
    """One person who has done everything the portal offers, and has been written about by staff."""
    from frivillig.core import pdf
    from grants import services as grants
    from grants.models import Attachment, Criterion, Pool, Report, Round
    from network import services as network
    from network.models import Body
    from network.seed import load_reference as network_reference
    from strategy import services as strategy
    from strategy.models import Hearing, Meeting, Process, Theme
    from taskbank import services as taskbank
    from taskbank.models import Event
    from tests.taskbank.factories import TaskFactory

    person = UserFactory(email=EMAIL, full_name=NAME, phone=PHONE)
    now = timezone.now()
    about = f"{NAME} ({EMAIL}, {PHONE})"
    with django_capture_on_commit_callbacks(execute=True):
        # Task bank: an application with messages both ways and a reasoned decision, an idea, an event, a search.
        task = TaskFactory(institution=institution, contact=institution_staff)
        application = taskbank.apply(actor=person, task=task, message=f"Jeg hedder {NAME}, ring {PHONE}",
                                     availability="Tirsdage")
        taskbank.ask_question(actor=institution_staff, application=application, body=f"Hej {NAME}, har du bil?")
        taskbank.reply(actor=person, application=application, body=f"Ja. Hilsen {NAME}")
        taskbank.decline(actor=institution_staff, application=application, message=f"Desværre, {NAME}.")
        idea = taskbank.submit_idea(actor=person, title=f"Idé fra {NAME}",
                                    description=f"Skriv til {EMAIL}, eller ring til min nabo på {OTHER_PHONE} "
                                                f"({OTHER_EMAIL})")
        # A question to a task's contact: mailed with her as Reply-To and filed under the task (row 2).
        taskbank.ask_contact(actor=person, task=task, body=f"Må jeg tage min hund med? Ring på {PHONE}")
        taskbank.triage_idea(actor=culture_admin, idea=idea, to="answered", answer=f"Tak, {NAME}.")
        event = Event.objects.create(title="Frivillig Fredag", description="d", place="Mariehøj", town="holte",
                                     starts_at=now + timedelta(days=3), ends_at=now + timedelta(days=3, hours=2),
                                     capacity=9)
        taskbank.sign_up(actor=person, event=event)
        taskbank.save_search(actor=person, name=f"{NAME}s søgning", query="by=holte")
        # Grants: an application with a CV, case notes and messages, a decision with reasons, a payout, a report.
        pool = Pool.objects.create(name="Puljen", slug="puljen", purpose="x", who_may_apply="x",
                                   max_amount=Decimal(50000), yearly_budget=Decimal(100000))
        Round.objects.create(pool=pool, name="R", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=9))
        criterion = Criterion.objects.create(pool=pool, name="Fællesskab", order=1)
        grant = grants.start_application(actor=person, pool=pool)
        today = timezone.localdate()
        for step, data in [("project", {"title": f"{NAME}s sommerfest", "description": f"Arrangør: {NAME}",
                                        "purpose": f"Ring {PHONE}", "target_group": "Alle", "place": f"Hos {NAME}",
                                        "starts_on": today - timedelta(days=20), "ends_on": today - timedelta(days=10)}),
                           ("partnership", {"partnership_description": f"{NAME} og naboerne"}),
                           ("contact", {"on_behalf_of": None, "contact_name": NAME, "contact_email": EMAIL,
                                        "contact_phone": CONTACT_PHONE}),
                           ("amount", {"amount_requested": Decimal(1000)}), ("consent", {"consent": True})]:
            grants.save_draft_step(actor=person, application=grant, step=step, data=data)
        grants.replace_budget(actor=person, application=grant,
                              lines=[{"kind": "expense", "description": f"Telt til {NAME}", "amount": Decimal(1000)}])
        grants.add_attachment(actor=person, application=grant, title=f"CV for {NAME}",
                              file=SimpleUploadedFile("cv.pdf", _pdf_with(f"Curriculum vitae: {about}")))
        grants.submit(actor=person, application=grant)
        grants.start_review(actor=culture_admin, application=grant)
        grants.add_note(actor=culture_admin, application=grant, body=f"Talte med {NAME} på {PHONE}")
        grants.add_note(actor=culture_admin, application=grant, body=f"Ansøgeren ringede fra {CONTACT_PHONE}")
        grants.score(actor=culture_admin, application=grant, criterion=criterion, value=4, comment=f"{NAME} er god")
        grants.request_information(actor=culture_admin, application=grant, question=f"Kære {NAME}, hvor?")
        grants.answer_information(actor=person, application=grant, answer=f"I haven. {NAME}")
        grants.decide(actor=culture_admin, application=grant, outcome="approved", amount=Decimal(1000),
                      reason=f"{NAME} har gode erfaringer", conditions=f"{NAME} sender billeder")
        grants.register_payout(actor=culture_admin, application=grant, amount=Decimal(1000), paid_on=today)
        report = Report.objects.create(application=grant, what_happened=f"{NAME} holdt fest", participants=40,
                                       money_spent=Decimal(1000),
                                       receipts=SimpleUploadedFile("kvittering.pdf", _pdf_with(f"Kvittering til {about}")))
        # Strategy: input, support, a meeting, a hearing response.
        process = Process.objects.create(slug="proces", title="Proces", description="d")
        theme = Theme.objects.create(process=process, name="Tema")
        item = strategy.submit_input(actor=person, process=process, theme=theme, kind="idea", text=f"Input fra {NAME}")
        strategy.moderate_input(actor=culture_admin, item=item, publish=True)
        strategy.support(actor=person, item=item)
        meeting = Meeting.objects.create(process=process, kind="dialogue", title="Dialog", audience="Alle",
                                         starts_at=now + timedelta(days=2), ends_at=now + timedelta(days=2, hours=1),
                                         place="x", capacity=5)
        strategy.sign_up(actor=person, meeting=meeting)
        hearing = Hearing.objects.create(slug="h", title="H", description="d", opens_at=now - timedelta(days=1),
                                         closes_at=now + timedelta(days=1))
        response = strategy.submit_response(actor=person, hearing=hearing, text=f"Svar fra {NAME}, {EMAIL}",
                                            publish_with_name=True)
        Hearing.objects.filter(pk=hearing.pk).update(closes_at=now - timedelta(minutes=1))
        response.hearing.refresh_from_db()
        strategy.write_remark(actor=culture_admin, response=response, remark=f"{NAME} har ret")
        # Network: a member with a proposal and a comment.
        network_reference()
        network.add_member(actor=culture_admin, body=Body.objects.get(kind="network"), user=person,
                           title=f"Formand, {NAME}")
        proposal = network.create_proposal(actor=person, title=f"Forslag fra {NAME}", summary="s")
        network.comment(actor=person, proposal=proposal, body=f"Mvh {NAME}")
        # Her account as the rest of the portal knows it: an invitation she accepted, an association she
        # registered, a second factor, a linked login, a change to her account in the admin, a staff view of her data.
        _account_life(person, culture_admin)
        # After "Optaget": an agreement she accepted, a session she signed up for, hours she reported, her calendar
        # feed, and a volunteer she nominated for "Årets frivillige".
        _engagement_life(person, institution, institution_staff, culture_admin)
        # Volunteers: a profile she may be found by, and an invitation from staff that names her.
        from volunteers import services as volunteers

        volunteers.save_profile(actor=person, data={"competences": ["it"], "can_do": f"{NAME} kan tablets"})
        volunteer = volunteers.give_consent(actor=person)
        invitation = volunteers.invite(actor=institution_staff, profile=volunteer, task=task,
                                       message=f"Kære {NAME}, kom")
        volunteers.decline_invitation(actor=person, invitation=invitation)
        # Documents about the person, rendered now.
        for kind in ("grants.application", "grants.decision_letter"):
            pdf.request(kind, obj=grant, version="life")
        pdf.request("accounts.my_data", obj=person, version="life")
        Attachment.objects.get(application=grant)  # the CV is there
        del report
    return person


def _engagement_life(person, institution, institution_staff, culture_admin):
    from engagement import services as engagement
    from engagement.seed import load_reference
    from tests.engagement.conftest import agreement_data, make_session
    from tests.taskbank.factories import ApplicationFactory, TaskFactory

    load_reference()
    task = TaskFactory(institution=institution, contact=institution_staff, title="Lektiehjælp")
    accepted = ApplicationFactory(task=task, applicant=person, status="accepted", decided_at=timezone.now())
    agreement = engagement.start_agreement(actor=institution_staff, application=accepted,
                                           data=agreement_data(accepted, schedule=f"Torsdage, ring til {NAME}"))
    agreement = engagement.send_agreement(actor=institution_staff, agreement=agreement)
    agreement = engagement.accept_agreement(actor=person, agreement=agreement, version=agreement.version)
    engagement.sign_up(actor=person, session=make_session(task))
    engagement.report_hours(actor=person, agreement=agreement, date=timezone.localdate(), hours=2,
                            note=f"{NAME} var der")
    # A helper's shift at an event that she came to (kept without her, for the hours) and one ahead (deleted).
    from engagement.models import Session
    from taskbank.models import Event

    start = timezone.now() + timedelta(days=5)
    fest = Event.objects.create(title="Høstfest", description="d", place="Skovly", town="holte", capacity=50,
                                starts_at=start, ends_at=start + timedelta(hours=3), organiser=institution)
    shift, next_shift = (Session.objects.create(event=fest, places=2, starts_at=start + timedelta(hours=h),
                                                ends_at=start + timedelta(hours=h + 1)) for h in (0, 1))
    engagement.sign_up(actor=person, session=shift)
    engagement.sign_up(actor=person, session=next_shift)
    engagement.register_attendance(actor=culture_admin, session=shift, attended=[person.pk])
    engagement.new_calendar_token(actor=person)
    engagement.nominate(actor=person, nominee_name="Grethe Nabo", nominee_email="grethe@example.dk",
                        where="Biblioteket", reason=f"Indstillet af {NAME}, {PHONE}")


def _account_life(person, culture_admin):
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    from frivillig.core.audit import log_access
    from frivillig.organisations import services as accounts
    from tests.factories import AssociationFactory, RoleAssignmentFactory

    club = AssociationFactory(name="Vedbæk Sejlklub")
    rep = RoleAssignmentFactory(role="association_rep", organisation=club).user
    accounts.accept_invitation(actor=person, invitation=accounts.invite_member(actor=rep, organisation=club,
                                                                                 email=EMAIL))
    accounts.register_association(actor=person, name="Vedbæk Venner", cvr="", contact_name=NAME, email=EMAIL,
                                  phone=PHONE, purpose=f"Stiftet af {NAME}")
    Authenticator.objects.create(user=person, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    SocialAccount.objects.create(user=person, provider="openid_connect", uid="xq-1",
                                 extra_data={"name": NAME, "email": EMAIL})
    LogEntry.objects.log_actions(user_id=culture_admin.pk, queryset=[person], action_flag=CHANGE,
                                 change_message=f"Rettede telefon til {PHONE}", single_object=True)
    assert LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(person)).exists()
    log_access(actor=culture_admin, subjects=[person], reason="Sagsbehandling")


def traces_in_database() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("""SELECT table_name, column_name FROM information_schema.columns
                          WHERE table_schema = current_schema()
                            AND data_type IN ('text', 'character varying', 'jsonb', 'json')
                            AND table_name IN (SELECT table_name FROM information_schema.tables
                                               WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')""")
        columns = cursor.fetchall()
        hits = []
        for table, column in columns:
            cursor.execute(f'SELECT "{column}"::text FROM "{table}" WHERE "{column}"::text ~* %s', [TRACES_SQL])
            hits += [f"{table}.{column}: {value[:120]!r}" for (value,) in cursor.fetchall()]
    assert len(columns) > 150  # the whole schema
    return hits


def traces_in_files() -> list[str]:
    hits = []
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if not path.is_file():
            continue
        if path.suffix.lower() == ".pdf":
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        else:
            text = path.read_bytes().decode("latin-1")
        if TRACES.search(text):
            hits.append(str(path.relative_to(settings.MEDIA_ROOT)))
    return hits


def test_the_full_life_is_found_before_erasure(person):
    """The scan finds the person everywhere before erasure (so the test below cannot pass by looking nowhere)."""
    tables = {hit.split(".")[0] for hit in traces_in_database()}
    assert {"accounts_user", "grants_grantapplication", "grants_casenote", "grants_casemessage", "grants_attachment",
            "grants_grantstatuschange", "taskbank_applicationmessage", "taskbank_idea", "core_notification",
            "strategy_hearingresponse", "network_proposalcomment", "django_admin_log",
            "socialaccount_socialaccount", "accounts_organisation", "volunteers_profile", "volunteers_invitation"} <= tables
    files = traces_in_files()
    assert len(files) >= 4  # the CV, the receipts, the application and the decision letter


def test_erasure_leaves_no_trace_in_any_column_or_file(person, django_capture_on_commit_callbacks):
    from frivillig.core.models import Document

    with django_capture_on_commit_callbacks(execute=True):
        erase_user(person, dry_run=False)
    hits = traces_in_database() + traces_in_files()
    assert not hits, "\n".join(hits)
    # What the municipality keeps, it keeps anonymously: the decision letter names "Anonym".
    letter = Document.objects.filter(kind="grants.decision_letter").latest("created_at")
    text = subprocess.run(["pdftotext", letter.file.path, "-"], capture_output=True, text=True, check=True).stdout
    assert "Anonym" in text and "bevilger" in text


def test_staff_pages_answer_after_the_erasure(client, person, culture_admin, institution_staff):
    from grants.models import GrantApplication
    from strategy.models import Hearing
    from taskbank.models import Idea, TaskApplication

    erase_user(person, dry_run=False)
    grant = GrantApplication.objects.get()
    urls = {culture_admin: ["/medarbejder/ideer/", f"/medarbejder/ideer/{Idea.objects.get().pk}/",
                            f"/medarbejder/hoeringer/{Hearing.objects.get().pk}/", grant.get_staff_url(),
                            f"/medarbejder/puljer/{grant.pool_id}/", "/medarbejder/netvaerk/"],
            institution_staff: [*(a.get_staff_url() for a in TaskApplication.objects.all()), "/medarbejder/opgaver/",
                                "/medarbejder/frivillige/"]}
    for staff, paths in urls.items():
        client.force_login(staff)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            content = response.content.decode()
            trace = TRACES.search(content)
            assert not trace, (path, content[max(0, trace.start() - 300):trace.end() + 50])


def _rows_leading_to(user) -> list:
    """Every row that reaches ``user`` through foreign keys (directly, or through a row that does), from the model
    graph: the models are not listed by hand."""
    from django.contrib.auth import get_user_model

    found, frontier = [], [(get_user_model(), [user.pk])]
    seen = set()
    while frontier:
        target, pks = frontier.pop()
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if not (field.is_relation and field.related_model is target) or (model, field.name) in seen:
                    continue
                seen.add((model, field.name))
                rows = list(model._default_manager.filter(**{f"{field.name}__in": pks}))
                found += [(model, field.name, row) for row in rows]
                if rows and target is not model:
                    frontier.append((model, [r.pk for r in rows]))
    return found


# Rows that reach the person but are not theirs: what staff did (the actor's account), and plumbing.
NOT_THE_PERSONS = {("core.personaldataaccess", "actor"), ("accounts.roleassignment", "granted_by")}
FIELDS_NOT_SHOWN = {"password", "key", "search_vector", "unsubscribe_token", "data", "secret", "headers", "body_html",
                    "body_text", "file", "receipts", "path", "uid", "extra_data", "token", "to_email", "object_id"}


def _shown(row) -> list[str]:
    """How the row can be recognised in the export: its free text, else its times, dates and amounts."""
    texts, others = [], []
    for field in row._meta.concrete_fields:
        if field.name in FIELDS_NOT_SHOWN or field.is_relation or field.choices:
            continue
        value = getattr(row, field.attname)
        if isinstance(value, str) and len(value.strip()) >= 3 and not field.name.endswith("status"):
            texts.append(value.strip())
        elif isinstance(value, date | Decimal):
            others.append(value.isoformat() if isinstance(value, date) else str(value))
    return texts or others


def test_export_holds_every_row_that_leads_to_the_person(client, person):
    client.force_login(person)
    response = client.get("/konto/mine-data/?format=json")
    assert response.status_code == 200
    exported = json.dumps(response.json(), ensure_ascii=False)
    rows = _rows_leading_to(person)
    missing = []
    for model, field, row in rows:
        if (model._meta.label_lower, field) in NOT_THE_PERSONS:
            continue
        values = _shown(row) or [str(row)]
        if not any(v in exported for v in values):
            missing.append(f"{model._meta.label}.{field} #{row.pk}: {values[:2]}")
    assert len({model for model, _f, _r in rows}) >= 25
    assert not missing, "\n".join(missing)


# Links to a user that record what staff did (the actor of a step, the author of a note, who entered a figure):
# they point at a member of staff, whose own erasure anonymises the account the row points at. Every other link to
# a user, every generic relation and every e-mail field must be met by the full life above, so a model added later
# that refers to a person fails here until the life (and so the erasure test) includes it.
STAFF_LINKS = {
    ("admin.logentry", "user"), ("core.personaldataaccess", "actor"), ("accounts.organisation", "decided_by"),
    ("accounts.roleassignment", "granted_by"), ("accounts.organisationinvitation", "invited_by"),
    ("policy.toolboxattachment", "uploaded_by"), ("network.proposalstatuschange", "actor"),
    ("network.prioritystatuschange", "actor"), ("network.priorityreview", "member"),
    ("network.obligationselfreport", "reported_by"), ("taskbank.task", "contact"),
    ("taskbank.taskstatuschange", "actor"), ("taskbank.taskapplication", "certificate_checked_by"),
    ("taskbank.applicationstatuschange", "actor"), ("taskbank.ideastatuschange", "actor"),
    ("grants.grantapplication", "decided_by"), ("grants.grantstatuschange", "actor"), ("grants.casenote", "author"),
    ("grants.score", "reviewer"), ("grants.payout", "registered_by"), ("strategy.input", "recorded_by"),
    ("strategy.draftversion", "created_by"), ("strategy.hearingstatuschange", "actor"),
    ("strategy.hearingresponse", "remark_by"), ("strategy.indicatorvalue", "entered_by"),
    ("search.vocabularychange", "actor"), ("engagement.agreement", "contact"),
    # Staff approve or reject hours and choose nominees; a volunteer's own report writes no history row.
    ("engagement.hoursstatuschange", "actor"), ("engagement.nominationstatuschange", "actor"),
}
# Models with a generic relation or an e-mail field but no person behind them.
NOT_ABOUT_A_PERSON = {"network.body": "a body's shared contact address"}


def _user_links(model):
    from django.contrib.auth import get_user_model

    return [f for f in model._meta.get_fields()
            if f.is_relation and f.related_model is get_user_model() and (f.concrete or f.many_to_many)
            and not f.auto_created]


def _refers_to_a_person(model) -> bool:
    from django.contrib.contenttypes.fields import GenericForeignKey
    from django.db import models

    return bool(_user_links(model) or any(isinstance(f, GenericForeignKey) for f in model._meta.private_fields)
                or any(isinstance(f, models.EmailField) for f in model._meta.concrete_fields))


def test_the_full_life_includes_every_model_that_refers_to_a_person(person):
    """A model with a foreign key to a user, a generic relation or an e-mail field has a row of the person's life
    (through a link that is not a staff actor's), or a stated reason why it holds no person's data."""
    from django.contrib.auth import get_user_model

    missing = []
    checked = 0
    for model in apps.get_models():
        label = model._meta.label_lower
        if not _refers_to_a_person(model) or label in NOT_ABOUT_A_PERSON or model is get_user_model():
            continue
        if label.startswith("policy.historical"):
            continue  # simple_history's copies of policy pages: history_user is the editing member of staff
        checked += 1
        links = [f for f in _user_links(model) if (label, f.name) not in STAFF_LINKS]
        manager = model._default_manager
        if links:
            if not any(manager.filter(**{f.name: person}).exists() for f in links):
                missing.append(f"{label} (no row whose {', '.join(f.name for f in links)} is the person)")
        elif not _user_links(model) and not manager.exists():
            missing.append(f"{label} (no row at all)")
    assert checked >= 30
    assert not missing, ("models that refer to a person but are missing from the full life of the erasure test "
                         "(add them to the full life, `_live`, or to STAFF_LINKS with a reason):\n" + "\n".join(missing))


def test_contact_fields_on_a_persons_rows_are_classified():
    """A model with a link to a user and an e-mail or phone field: its contact details are the person's (and then
    erasure strips them wherever they were written: gdpr.PERSON_CONTACT_FIELDS) or somebody else's, said why."""
    from django.db import models

    from frivillig.accounts.gdpr import OTHERS_CONTACT_FIELDS, PERSON_CONTACT_FIELDS

    unclassified = []
    for model in apps.get_models():
        label = model._meta.label_lower
        contact = [f for f in model._meta.concrete_fields
                   if isinstance(f, models.EmailField) or (isinstance(f, models.CharField) and "phone" in f.name)]
        if contact and _user_links(model) and label not in PERSON_CONTACT_FIELDS and label not in OTHERS_CONTACT_FIELDS:
            unclassified.append(label)
    assert not unclassified, unclassified
