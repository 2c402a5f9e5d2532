"""Fill the benchmark database in realistic Danish text, inside PostgreSQL (INSERT … SELECT generate_series), at
one of the sizes of issue 16 (BENCH_SIZE: 10k, 100k or 1m published tasks), the other volumes in proportion: at
100k, 1,000,000 task applications, 20,000 grant applications, 100,000 hearing responses and 20,000 users. Each size
has its own database (bench_frivillig_<size>, kept by --reuse-db). Idempotent: a second run sees the data and does
nothing."""

import os
import time

from django.db import connection, transaction

from frivillig.accounts.models import Organisation, Role, RoleAssignment, User

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
DEFAULT_SIZE = "100k"


def size_name() -> str:
    name = os.environ.get("BENCH_SIZE", DEFAULT_SIZE).strip().lower()
    if name not in SIZES:
        raise ValueError(f"BENCH_SIZE={name!r}: choose one of {', '.join(SIZES)}")
    return name


def volumes(size: str | None = None) -> dict:
    """Everything in proportion to the tasks: ten applications a task, one grant application and one user per five
    tasks, one hearing response per task."""
    tasks = SIZES[size or size_name()]
    return {"users": tasks // 5, "tasks": tasks, "applications": tasks * 10, "grants": tasks // 5, "responses": tasks}


VOLUMES = volumes(DEFAULT_SIZE)

WORDS_TITLE = ["Højtlæsning", "Gåtur", "Lektiehjælp", "Naturpleje", "Fællesspisning", "Cykeltur", "Strikkeklub",
               "Sangaften", "IT-hjælp", "Havearbejde", "Besøgsven", "Læseklub", "Madklub", "Motionshold",
               "Kaffestue", "Fortællecafé", "Brætspil", "Bogbus", "Sprogcafé", "Juniorklub"]
WORDS_PLACE = ["på plejecentret", "på biblioteket", "i skoven", "på skolen", "i idrætshallen", "i kulturhuset",
               "ved søen", "i parken", "på botilbuddet", "i naturcentret"]
WORDS_TEXT = ["hjælp", "beboere", "børn", "unge", "fællesskab", "frivillig", "læsning", "natur", "samvær", "glæde",
              "ældre", "familier", "aktiviteter", "musik", "bevægelse", "samtale", "kaffe", "historier", "værksted", "kultur"]
AREAS = ["employment", "social", "elderly", "culture", "children", "nature"]
TOWNS = ["holte", "naerum", "birkeroed", "vedbaek", "troeroed", "skodsborg", "gl_holte", "oeveroed", "bistrup", "kajeroed"]
GROUPS = ["new_pensioners", "young", "families", "seniors", "students", "everyone"]


def arr(values):
    return "ARRAY[" + ",".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def sql(statement):
    with connection.cursor() as cursor:
        cursor.execute(statement)


def scalar(statement):
    with connection.cursor() as cursor:
        cursor.execute(statement)
        return cursor.fetchone()[0]


@transaction.atomic
def generate(report=print, size: str | None = None) -> dict:
    VOLUMES = volumes(size)  # noqa: N806 - the module's constant, at the chosen size
    if scalar("SELECT count(*) FROM taskbank_task") >= VOLUMES["tasks"]:
        return {"generated": False}
    started = time.perf_counter()
    institutions = []
    for i in range(50):
        org, _c = Organisation.objects.get_or_create(slug=f"bench-institution-{i}", defaults={
            "name": f"Bench-institution {i}", "kind": "institution", "area": AREAS[i % len(AREAS)]})
        institutions.append(org)
    staff, _c = User.objects.get_or_create(email="bench.staff@example.dk", defaults={"full_name": "Bench Medarbejder"})
    for org in institutions[:5]:
        RoleAssignment.objects.get_or_create(user=staff, role=Role.INSTITUTION_STAFF, organisation=org)
    admin, _c = User.objects.get_or_create(email="bench.kultur@example.dk", defaults={"full_name": "Bench Kultur"})
    RoleAssignment.objects.get_or_create(user=admin, role=Role.CULTURE_ADMIN, organisation=None)
    first_inst = institutions[0].pk
    sql(f"""INSERT INTO accounts_user (password, last_login, is_superuser, is_staff, is_active, date_joined, email,
            full_name, phone, language)
            SELECT '!', NULL, false, false, true, now(), 'bench' || g || '@example.dk',
                   'Frivillig ' || g, '', 'da' FROM generate_series(1, {VOLUMES['users']}) g
            ON CONFLICT (email) DO NOTHING""")
    first_user = scalar("SELECT min(id) FROM accounts_user WHERE email LIKE 'bench%@example.dk' AND email <> 'bench.staff@example.dk' AND email <> 'bench.kultur@example.dk'")
    report(f"users: {time.perf_counter() - started:.1f}s")
    sql(f"""INSERT INTO taskbank_task (created_at, updated_at, institution_id, title, summary, description, area, town,
            address, target_groups, competences, kind, schedule, hours_per_week, volunteers_wanted,
            requires_child_certificate, language_requirements, contact_id, expires_on, status, published_at)
            SELECT now(), now(), {first_inst} + (g % 50),
                   ({arr(WORDS_TITLE)})[1 + g % 20] || ' ' || ({arr(WORDS_PLACE)})[1 + (g / 20) % 10] || ' ' || g,
                   'Vi søger en frivillig til ' || lower(({arr(WORDS_TITLE)})[1 + g % 20]) || ' med ' ||
                     ({arr(WORDS_TEXT)})[1 + (g * 7) % 20] || ' og ' || ({arr(WORDS_TEXT)})[1 + (g * 13) % 20] || '.',
                   'Opgaven handler om ' || ({arr(WORDS_TEXT)})[1 + (g * 3) % 20] || ', ' ||
                     ({arr(WORDS_TEXT)})[1 + (g * 11) % 20] || ' og ' || ({arr(WORDS_TEXT)})[1 + (g * 17) % 20] ||
                     '. Du får en kontaktperson og en god introduktion.' || CASE WHEN g % 997 = 0 THEN ' Sjældent ord: kalligrafi.' ELSE '' END,
                   ({arr(AREAS)})[1 + g % 6], ({arr(TOWNS)})[1 + (g / 7) % 10], 'Vejen ' || (g % 200),
                   ARRAY[({arr(GROUPS)})[1 + g % 6], ({arr(GROUPS)})[1 + (g / 6) % 6]]::varchar[], ARRAY['social']::varchar[],
                   CASE WHEN g % 3 = 0 THEN 'one_off' ELSE 'ongoing' END, 'Efter aftale', 1 + g % 8, 1 + g % 5,
                   g % 4 = 0, '', {staff.pk}, current_date + 30 + g % 300, 'published',
                   -- published over the last three years in the order the rows were written, as a real table
                   -- fills (the newest tasks in the last pages of the table)
                   now() - ({VOLUMES['tasks']} - g) * (interval '3 years' / {VOLUMES['tasks']})
            FROM generate_series(1, {VOLUMES['tasks']}) g""")
    report(f"tasks: {time.perf_counter() - started:.1f}s")
    from taskbank.search import reindex  # the portal's own indexing (frivillig/search), in batches

    reindex()
    report(f"search vectors: {time.perf_counter() - started:.1f}s")
    first_task = scalar("SELECT min(id) FROM taskbank_task")
    n_tasks = VOLUMES["tasks"]
    per_task = VOLUMES["applications"] // n_tasks
    sql(f"""INSERT INTO taskbank_taskapplication (created_at, updated_at, task_id, applicant_id, message, availability, status,
            group_size)
            SELECT now() - (g % 300) * interval '1 day', now(), {first_task} + (g % {n_tasks}),
                   {first_user} + ((g % {n_tasks}) * 7 + g / {n_tasks}) % {VOLUMES['users']},
                   'Jeg vil gerne hjælpe med ' || ({arr(WORDS_TEXT)})[1 + g % 20] || '.', 'Hverdage',
                   (ARRAY['submitted','in_dialogue','accepted','declined'])[1 + g % 4], 1
            FROM generate_series(0, {n_tasks * per_task - 1}) g""")
    report(f"applications: {time.perf_counter() - started:.1f}s")
    sql("""INSERT INTO grants_pool (created_at, updated_at, name, slug, purpose, who_may_apply, area, max_amount,
            yearly_budget, report_days_after_end, is_continuous, is_active)
            VALUES (now(), now(), 'Bench-pulje', 'bench-pulje', 'Lokale aktiviteter', 'Alle', 'culture', 25000, 1000000000,
                    60, true, true)""")
    pool = scalar("SELECT id FROM grants_pool WHERE slug = 'bench-pulje'")
    sql(f"""INSERT INTO grants_grantapplication (created_at, updated_at, pool_id, applicant_id, contact_name, contact_email,
            contact_phone, title, description, purpose, target_group, place, partnership_description, amount_requested,
            consent, status, submitted_at, recommended_amount, approved_amount, conditions, decision_reason, budget_year)
            SELECT now(), now(), {pool}, {first_user} + g % {VOLUMES['users']}, 'Frivillig ' || g, 'bench' || g || '@example.dk',
                   '', ({arr(WORDS_TITLE)})[1 + g % 20] || ' for alle ' || g, 'Et lokalt projekt.', 'Fællesskab', 'Alle', 'Holte', '',
                   1000 + g % 20000, true, (ARRAY['submitted','in_review','approved','rejected'])[1 + g % 4], now(),
                   NULL, CASE WHEN g % 4 = 2 THEN 500 ELSE NULL END, '', '', extract(year from now())
            FROM generate_series(1, {VOLUMES['grants']}) g""")
    report(f"grants: {time.perf_counter() - started:.1f}s")
    sql("""INSERT INTO strategy_hearing (created_at, updated_at, slug, title, description, opens_at, closes_at, changes_made,
            response_count)
            VALUES (now(), now(), 'bench-hoering', 'Bench-høring', 'Høring', now() - interval '30 days',
                    now() - interval '1 day', '', 0),
                   (now(), now(), 'bench-notat', 'Bench-høring med 1.000 svar', 'Høring', now() - interval '30 days',
                    now() - interval '1 day', '', 0)""")
    hearing = scalar("SELECT id FROM strategy_hearing WHERE slug = 'bench-hoering'")
    memo_hearing = scalar("SELECT id FROM strategy_hearing WHERE slug = 'bench-notat'")
    sql(f"""INSERT INTO strategy_hearingresponse (hearing_id, author_id, text, publish_with_name, remark, submitted_at)
            SELECT CASE WHEN g <= 1000 THEN {memo_hearing} ELSE {hearing} END, {first_user} + g % {VOLUMES['users']},
                   'Høringssvar ' || g || ': vi foreslår mere ' || ({arr(WORDS_TEXT)})[1 + g % 20] || ' og ' ||
                   ({arr(WORDS_TEXT)})[1 + (g * 3) % 20] || '.', g % 2 = 0,
                   CASE WHEN g <= 1000 THEN 'Kommunen tager forslaget med.' ELSE '' END, now() - (g % 30) * interval '1 day'
            FROM generate_series(1, {VOLUMES['responses']}) g""")
    report(f"responses: {time.perf_counter() - started:.1f}s")
    return {"generated": True, "seconds": round(time.perf_counter() - started, 1)}


def vacuum(report=print) -> None:
    """As autovacuum leaves tables in use: statistics, and the visibility map that index-only scans rely on.
    The task table first in full: reindex() has just rewritten every row, which leaves the first half of the
    table as empty pages that no real table has (a sequential scan that stops at the first match would read
    them all first). VACUUM cannot run in a transaction, so this runs after generate() has committed."""
    started = time.perf_counter()
    sql("VACUUM (FULL) taskbank_task")
    sql("VACUUM (ANALYZE)")
    report(f"vacuum and analyze: {time.perf_counter() - started:.1f}s")
