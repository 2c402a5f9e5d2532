"""The task bank's side of the portal search (frivillig/search): what of a task is indexed and how a typed
search filters, corrects and ranks tasks.

Index: title (A); institution, town and address (B); summary, competences, target groups and area (C);
description, schedule and language (D). Written by `reindex()` from the task services, and again for all of an
institution's tasks when the institution is saved (taskbank/signals.py), so a renamed institution is found by
its new name.

Query: a task matches when it matches any typed word (OR); ranking counts the words it matches (a synonym
counts a little less), then PostgreSQL's ts_rank over the weights. Ranking runs on a bounded candidate set:
the newest matches of all the words and of any word (≤ 500 each), so ranking costs the same for a common word
at 100,000 tasks as for a rare one.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import BooleanField, F, FloatField
from django.db.models.expressions import RawSQL
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area, Town
from frivillig.search import lexicon
from frivillig.search.document import analyse
from frivillig.search.query import Query, parse
from frivillig.search.sql import rank_sql
from frivillig.search.text import fold, stem, words

from .models import Competence, TargetGroup, Task

CANDIDATES = 500
FLOOR = 0.6  # share of the best score a task needs to be listed when the order is not by relevance
WINDOW = 2000  # the newest matches among which tasks with every word are looked for
TOWN_ALIASES = {"gl_holte": "Gammel Holte"}  # the choice label abbreviates what people type
INDEXED = ("title", "institution__name", "town", "address", "summary", "area", "competences", "target_groups",
           "description", "schedule", "language_requirements")


def _labels() -> dict[str, dict[str, str]]:
    """The Danish labels of the coded fields, looked up once per reindex() instead of once per task."""
    with translation.override("da"):
        return {name: {value: str(label) for value, label in choices} for name, choices in (
            ("town", Town.choices), ("area", Area.choices), ("competences", Competence.choices),
            ("target_groups", TargetGroup.choices))}


def task_fields(task: dict, labels=None) -> list[tuple[str, str]]:
    """The weighted texts of a task, given as a dict of the INDEXED values."""
    labels = labels or _labels()
    town, area = labels["town"], labels["area"]
    return [
        (task["title"], "A"),
        (" ".join([task["institution__name"], town.get(task["town"], task["town"]),
                   TOWN_ALIASES.get(task["town"], ""), task["address"]]), "B"),
        (" ".join([task["summary"], area.get(task["area"], task["area"]),
                   *(labels["competences"].get(c, c) for c in task["competences"]),
                   *(labels["target_groups"].get(g, g) for g in task["target_groups"])]), "C"),
        (" ".join([task["description"], task["schedule"], task["language_requirements"]]), "D"),
    ]


def reindex(task_ids=None, batch=5000) -> int:
    """Write the search vector of the given tasks (all tasks when None) and add their words to the lexicon.
    Rows are read as plain values and every distinct word is analysed once (frivillig/search/document.py), so
    the cost is mostly PostgreSQL's writing: thousands of tasks a second."""
    qs = Task.objects.order_by("pk").values_list("pk", *INDEXED)
    if task_ids is not None:
        # One array parameter, not one parameter per id (a 100,000-long IN list costs more than the update).
        qs = qs.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [id_array(task_ids)]))  # noqa: S611
    labels = _labels()
    recorded: set[str] = set()
    done, last = 0, 0
    while True:
        rows = list(qs.filter(pk__gt=last)[:batch])
        if not rows:
            return done
        ids, vectors, new_words = [], [], {}
        for pk, *values in rows:
            vector, words = analyse(task_fields(dict(zip(INDEXED, values, strict=True)), labels))
            ids.append(pk)
            vectors.append(vector)
            for key, written in words.items():
                if key not in recorded:
                    recorded.add(key)
                    new_words[key] = written
        with connection.cursor() as cursor:
            cursor.execute("UPDATE taskbank_task AS t SET search_vector = v.vector::tsvector "
                           "FROM unnest(%s::bigint[], %s::text[]) AS v(id, vector) WHERE t.id = v.id",
                           [ids, vectors])
        lexicon.record(new_words)
        done += len(rows)
        last = rows[-1][0]


def id_array(ids) -> str:
    """Ids as one PostgreSQL array literal for a `%s::bigint[]` parameter: the driver then quotes one string
    instead of converting a thousand numbers one by one (1.5 ms → 0.5 ms for the ranking's candidates)."""
    return "{" + ",".join(str(int(i)) for i in ids) + "}"


def _tsquery(text: str) -> SearchQuery:
    return SearchQuery(text, config="simple", search_type="raw")


# Query understanding: typed words that name a facet the tasks carry. A task that carries the facet meets that word
# fully (as if its text said it); the word keeps finding what its text and synonyms find, so nothing is lost when
# a task's facet is not filled in. A town after "i"/"på"/"ved" ("lektiehjælp i Birkerød") is clearly meant as a
# place and narrows the list to it. Each one is shown as a removable choice ("Holte ×"), read afresh from the words
# of every search and never kept from one search to the next.
TOWN_AREAS = {"holte": ("holte", "gl_holte", "oeveroed"), "birkeroed": ("birkeroed", "bistrup", "kajeroed"),
              "vedbaek": ("vedbaek", "troeroed")}  # a postal town and the places whose addresses carry its name
PLACE_WORDS = ("i", "på", "ved", "omkring", "nær")
TARGET_WORDS = {"børn": ("families", "young"), "barn": ("families", "young"), "unge": ("young",),
                "ung": ("young",), "familier": ("families",), "familie": ("families",), "børnefamilier": ("families",),
                "ældre": ("seniors",), "seniorer": ("seniors",), "senior": ("seniors",),
                "pensionister": ("new_pensioners", "seniors"), "pensionist": ("new_pensioners", "seniors"),
                "elever": ("students",), "skoleelever": ("students",), "skolebørn": ("students",)}
COMPETENCE_WORDS = {"it": "it", "computer": "it", "natur": "nature", "sprog": "language", "idræt": "sports",
                    "sport": "sports", "praktisk": "practical", "kultur": "culture", "læsning": "reading",
                    "oplæsning": "reading", "omsorg": "social"}
TIMES = {"weekend": _("Weekender"), "aften": _("Om aftenen"), "hverdag": _("Hverdage"),
         "formiddag": _("Formiddage"), "eftermiddag": _("Eftermiddage")}
TIME_FORMS = {"weekend": "weekend", "weekenden": "weekend", "weekender": "weekend", "weekenderne": "weekend",
              "aften": "aften", "aftenen": "aften", "aftener": "aften", "aftnerne": "aften", "hverdag": "hverdag",
              "hverdage": "hverdag", "hverdagene": "hverdag", "formiddag": "formiddag", "formiddage": "formiddag",
              "formiddagen": "formiddag", "eftermiddag": "eftermiddag", "eftermiddage": "eftermiddag",
              "eftermiddagen": "eftermiddag"}
PLACE_KINDS = {"bibliotek": _("Biblioteker"), "plejecenter": _("Plejecentre"), "plejehjem": _("Plejecentre"),
               "skole": _("Skoler"), "idrætsforening": _("Idrætsforeninger"), "naturcenter": _("Naturcentre"),
               "børnehave": _("Børnehaver"), "museum": _("Museer"), "frivilligcenter": _("Frivilligcentre"),
               "kulturcenter": _("Kulturcentre"), "aktivitetscenter": _("Aktivitetscentre")}


def _key(word: str) -> str:
    return " ".join(stem(fold(w)) for w in words(word))


@dataclass(frozen=True)
class Facet:
    """What the portal understood from a typed word: shown as "kind: label ×"; `sql` holds for a task that carries
    it; `narrows`: the list is limited to such tasks."""

    kind: str
    label: str
    word: str           # the query word (group.word) it was read from
    sql: str
    params: tuple = ()
    narrows: bool = False


def _understood(typed: str, query: Query) -> list[Facet]:
    """The facets named by the words of a search (at most one per word)."""
    with translation.override("da"):
        towns = {_key(label): value for value, label in Town.choices if value != Town.WHOLE}
        towns[_key("Gammel Holte")] = "gl_holte"
        towns[_key("Gl Holte")] = "gl_holte"
        town_labels = dict(Town.choices)
        targets, competences = dict(TargetGroup.choices), dict(Competence.choices)
        typed_words = words(typed)
        kinds = {_key(k): label for k, label in PLACE_KINDS.items()}
        target_keys = {_key(k): v for k, v in TARGET_WORDS.items()}
        competence_keys = {_key(k): v for k, v in COMPETENCE_WORDS.items()}
        time_keys = {_key(k): v for k, v in TIME_FORMS.items()}
        out = []
        for group in query.groups:
            key = _key(group.word)
            if key in towns:
                town = towns[key]
                area = TOWN_AREAS.get(town, (town,))
                first = group.word.split()[0]
                position = typed_words.index(first) if first in typed_words else 0
                meant = position > 0 and typed_words[position - 1] in PLACE_WORDS
                out.append(Facet(str(_("By")), str(town_labels[town]), group.word, "taskbank_task.town = ANY(%s)",
                                 (list(area),), narrows=meant))
            elif key in target_keys:
                values = target_keys[key]
                out.append(Facet(str(_("Passer til")), ", ".join(str(targets[v]) for v in values), group.word,
                                 "taskbank_task.target_groups && %s::varchar[]", (list(values),)))
            elif key in time_keys:
                out.append(Facet(str(_("Tidspunkt")), str(TIMES[time_keys[key]]), group.word,
                                 "taskbank_task.search_vector @@ %s::tsquery", (group.sql(),)))
            elif key in kinds:
                out.append(Facet(str(_("Sted")), str(kinds[key]), group.word,
                                 "taskbank_task.search_vector @@ %s::tsquery", (group.sql(weights="B"),)))
            elif key in competence_keys:
                value = competence_keys[key]
                out.append(Facet(str(_("Kompetence")), str(competences[value]), group.word,
                                 "taskbank_task.competences && %s::varchar[]", ([value],)))
        return out


def without_word(typed: str, word: str, searched: str = "") -> str:
    """The typed search without one of its words (and a "i"/"på" before it): what removing its choice searches.
    A word that was corrected ("holtte" → "holte") is taken out of the search that was made instead."""
    tokens = typed.split()
    parts = word.split()
    for i in range(len(tokens) - len(parts) + 1):
        if [" ".join(words(t)) for t in tokens[i:i + len(parts)]] == parts:
            start = i - 1 if i > 0 and tokens[i - 1].lower() in PLACE_WORDS else i
            return " ".join(tokens[:start] + tokens[i + len(parts):])
    return without_word(searched, word) if searched else typed


@dataclass
class TaskSearch:
    """A typed search after typo correction: `text` is what was searched, `corrections` {typed: used}."""

    typed: str
    query: Query
    corrections: dict = field(default_factory=dict)
    facets: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(g.word for g in self.query.groups)

    def _boosts(self) -> dict:
        """{group index: (SQL, params)} of the facets that rank."""
        index = {g.word: i for i, g in enumerate(self.query.groups)}
        return {index[f.word]: (f.sql, list(f.params)) for f in self.facets if f.word in index}

    def filter(self, qs):
        """The matching tasks: any word, limited by the facets the person clearly meant ("i Birkerød")."""
        qs = qs.filter(search_vector=_tsquery(self.query.any_word()))
        for facet in self.facets:
            if facet.narrows:
                qs = qs.filter(RawSQL(facet.sql, facet.params, output_field=BooleanField()))  # noqa: S611
        return qs

    def well_matched(self, qs, among=None) -> list[int]:
        """The relevance floor of the orders that do not rank ("Nyeste først", "Udløber snart"): the ids of the
        ranked candidates that score at least FLOOR of the best one, so that a search lists the tasks that match
        it well, not every task that has one word of several or a loose synonym."""
        ranked = self.ranked(qs, among)
        if len(self.query.groups) > 1 and qs.filter(self.every_word()).exists():
            ranked = ranked.filter(self.every_word())
        ranked = list(ranked.values_list("pk", "rank")[:CANDIDATES])
        if not ranked:
            return []
        floor = FLOOR * ranked[0][1]
        return [pk for pk, rank in ranked if rank >= floor]

    def every_word(self):
        """True for a task that meets every word of the search (its text, a synonym, or a facet it carries)."""
        boosts = self._boosts()
        parts, params = [], []
        for i, group in enumerate(self.query.groups):
            facet, facet_params = boosts.get(i, ("false", []))
            parts.append(f"(search_vector @@ %s::tsquery OR {facet})")
            params += [group.sql(), *facet_params]
        return RawSQL(" AND ".join(parts), params, output_field=BooleanField())  # noqa: S611 - a parameter

    def rank_expression(self):
        """The portal's one ranking (frivillig/search/sql.py) over the stored vectors."""
        sql, params = rank_sql(self.query, boosts=self._boosts())
        return RawSQL(sql, params, output_field=FloatField())  # noqa: S611 - values are parameters

    def ranked(self, qs, among=None):
        """qs (already filtered to matches) ranked, best first, over a bounded candidate set: the newest
        CANDIDATES matches and, with several words, the newest CANDIDATES of the WINDOW newest matches that have
        every word. The candidates are a subquery of the ranking query (one round trip), and finding them reads a
        bounded number of rows whatever the number of matches: at 1,000,000 tasks as at 1,000. (Asking the GIN
        index for the tasks with every word instead reads the posting lists of every synonym of every word, which
        grows with the table.) `among`: the ids of every match when the caller has them (at most a
        thousand): then all of them are ranked."""
        newest = qs.order_by("-published_at")
        if among is not None:  # every match is known (few of them): all are ranked
            sql, params = "SELECT unnest(%s::bigint[])", [id_array(among)]
        elif len(self.query.groups) == 1:
            sql, params = newest.values("pk")[:CANDIDATES].query.sql_with_params()
        else:
            window, params = newest.annotate(every=self.every_word()).values_list("pk", "published_at", "every")[
                :WINDOW].query.sql_with_params()
            sql = (f"WITH w(id, published, every) AS MATERIALIZED ({window}) "  # noqa: S608 - composed of ORM SQL
                   "(SELECT id FROM w ORDER BY published DESC LIMIT %s) "
                   "UNION (SELECT id FROM w WHERE every ORDER BY published DESC LIMIT %s)")
            params = [*params, CANDIDATES, CANDIDATES]
        candidates = RawSQL(sql, params)  # noqa: S611 - values are parameters
        return Task.objects.filter(pk__in=candidates).annotate(rank=self.rank_expression()).order_by(
            "-rank", F("published_at").desc(nulls_last=True), "-pk")


@contextmanager
def prefer_index():
    """Let PostgreSQL find the matches of a search through the GIN index, for the queries inside the block only.
    Its estimate for a query of many alternatives (synonyms, compound parts) is often a fifth of the table, and it
    then reads every task and tests every vector, which costs several times the bitmap of the index. The setting
    is restored when the block ends, so it never reaches the other queries of the request (or, inside a longer
    transaction, the requests after it)."""
    nested = connection.in_atomic_block  # else the transaction, and the setting with it, ends with the block
    with transaction.atomic():  # an error inside rolls back to the savepoint, and that restores the setting too
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
            before = cursor.fetchone()[0]
        yield
        if nested:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])


def _found(base, groups) -> list[bool]:
    """Whether each group finds anything in `base`: one query of EXISTS tests, one per typed word."""
    tests, params = [], []
    for group in groups:
        sql, more = base.filter(search_vector=_tsquery(group.sql())).order_by().values("pk")[:1].query.sql_with_params()
        tests.append(f"EXISTS ({sql})")
        params += more
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(tests), params)  # noqa: S608 - composed of ORM SQL
        return list(cursor.fetchone())


def prepare(q: str, base) -> TaskSearch | None:
    """Parse a typed search; a word that finds nothing in `base` is replaced by the closest indexed word that
    does ("lektiehjælpp" → "lektiehjælp"), and the replacement is reported for "Mente du …?"."""
    query = parse(q or "")
    if not query:
        return None
    corrections = {}
    for group, found in zip(query.groups, _found(base, query.groups), strict=True):
        if found:
            continue
        tried = set()
        for _attempt in range(2):
            suggestion = lexicon.suggest(group.word, exclude=tried)
            if suggestion is None:
                break
            tried.add(fold(suggestion))
            candidate = parse(suggestion)
            if candidate and _found(base, candidate.groups[:1])[0]:
                corrections[group.word] = suggestion
                break
    if corrections:
        query = query.replace(corrections)
    facets = _understood(q, query)
    # A place clearly meant is a filter, no longer a word to find: "lektiehjælp i Birkerød" lists the homework
    # tasks in Birkerød, not every task there.
    narrowed = {f.word for f in facets if f.narrows}
    if narrowed and any(g.word not in narrowed for g in query.groups):
        query = Query(text=query.text, groups=[g for g in query.groups if g.word not in narrowed])
    return TaskSearch(typed=q, query=query, corrections=corrections, facets=facets)
