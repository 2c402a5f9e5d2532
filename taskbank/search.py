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

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import F, FloatField
from django.db.models.expressions import RawSQL
from django.utils import translation

from frivillig.search import lexicon
from frivillig.search.document import build_vector, lexicon_words
from frivillig.search.query import Query, parse
from frivillig.search.text import fold

from .models import Competence, TargetGroup, Task

CANDIDATES = 500
TOWN_ALIASES = {"gl_holte": "Gammel Holte"}  # the choice label abbreviates what people type
INDEXED = ("title", "institution__name", "town", "address", "summary", "area", "competences", "target_groups",
           "description", "schedule", "language_requirements")
SYNONYM_SCORE = 0.7


def task_fields(task) -> list[tuple[str, str]]:
    with translation.override("da"):
        return [
            (task.title, "A"),
            (" ".join([task.institution.name, task.get_town_display(), TOWN_ALIASES.get(task.town, ""),
                       task.address]), "B"),
            (" ".join([task.summary, task.get_area_display(), *(str(Competence(c).label) for c in task.competences),
                       *(str(TargetGroup(g).label) for g in task.target_groups)]), "C"),
            (" ".join([task.description, task.schedule, task.language_requirements]), "D"),
        ]


def reindex(task_ids=None, batch=2000) -> int:
    """Write the search vector of the given tasks (all tasks when None) and add their words to the lexicon."""
    qs = Task.objects.select_related("institution").only(*INDEXED).order_by("pk")
    if task_ids is not None:
        qs = qs.filter(pk__in=list(task_ids))
    done, last = 0, 0
    while True:
        tasks = list(qs.filter(pk__gt=last)[:batch])
        if not tasks:
            return done
        ids, vectors, words = [], [], {}
        for task in tasks:
            fields = task_fields(task)
            ids.append(task.pk)
            vectors.append(build_vector(fields))
            words.update(lexicon_words(fields))
        with connection.cursor() as cursor:
            cursor.execute("UPDATE taskbank_task AS t SET search_vector = v.vector::tsvector "
                           "FROM unnest(%s::bigint[], %s::text[]) AS v(id, vector) WHERE t.id = v.id",
                           [ids, vectors])
        lexicon.record(words)
        done += len(tasks)
        last = tasks[-1].pk


def _tsquery(text: str) -> SearchQuery:
    return SearchQuery(text, config="simple", search_type="raw")


@dataclass
class TaskSearch:
    """A typed search after typo correction: `text` is what was searched, `corrections` {typed: used}."""

    typed: str
    query: Query
    corrections: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(g.word for g in self.query.groups)

    def filter(self, qs):
        return qs.filter(search_vector=_tsquery(self.query.any_word()))

    def rank_expression(self):
        parts, params = [], []
        for group in self.query.groups:
            parts.append("(CASE WHEN search_vector @@ %s::tsquery THEN 1.0 "
                         "WHEN search_vector @@ %s::tsquery THEN %s ELSE 0 END)")
            params += [group.sql(with_synonyms=False), group.sql(), SYNONYM_SCORE]
        parts.append("ts_rank(search_vector, %s::tsquery) + 0.5 * ts_rank(search_vector, %s::tsquery)")
        params += [self.query.any_word(with_synonyms=False), self.query.any_word()]
        return RawSQL(" + ".join(parts), params, output_field=FloatField())  # noqa: S611 - values are parameters

    def ranked(self, qs):
        """qs (already filtered to matches) ranked, best first, over a bounded candidate set. The candidates are
        fetched first (two small id lists), so the ranking query reads only those rows by primary key."""
        ids = set(qs.order_by("-published_at").values_list("pk", flat=True)[:CANDIDATES])
        if len(self.query.groups) > 1:
            ids |= _newest_sparse(qs.filter(search_vector=_tsquery(self.query.all_words())))
        return Task.objects.filter(pk__in=ids).annotate(rank=self.rank_expression()).order_by(
            "-rank", F("published_at").desc(nulls_last=True), "-pk")


def _newest_sparse(qs) -> set:
    """The newest CANDIDATES of a set that is usually small (tasks with every word): found through the GIN
    index first, then sorted. (Left to itself the planner walks the date index and tests every task.)"""
    sql, params = qs.order_by().values_list("pk", "published_at").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"WITH m AS MATERIALIZED ({sql}) SELECT * FROM m ORDER BY 2 DESC NULLS LAST LIMIT %s",  # noqa: S608
                       [*params, CANDIDATES])
        return {row[0] for row in cursor.fetchall()}


def prefer_index() -> None:
    """Inside a transaction: let PostgreSQL find the matches of a search through the GIN index. Its estimate
    for a query of many alternatives (synonyms, compound parts) is often a fifth of the table, and it then reads
    every task and tests every vector, which costs several times the bitmap of the index."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")


def _has_hits(base, group) -> bool:
    return base.filter(search_vector=_tsquery(group.sql())).exists()


def prepare(q: str, base) -> TaskSearch | None:
    """Parse a typed search; a word that finds nothing in `base` is replaced by the closest indexed word that
    does ("lektiehjælpp" → "lektiehjælp"), and the replacement is reported for "Mente du …?"."""
    query = parse(q or "")
    if not query:
        return None
    corrections = {}
    for group in query.groups:
        if _has_hits(base, group):
            continue
        tried = set()
        for _attempt in range(2):
            suggestion = lexicon.suggest(group.word, exclude=tried)
            if suggestion is None:
                break
            tried.add(fold(suggestion))
            candidate = parse(suggestion)
            if candidate and _has_hits(base, candidate.groups[0]):
                corrections[group.word] = suggestion
                break
    if corrections:
        query = query.replace(corrections)
    return TaskSearch(typed=q, query=query, corrections=corrections)
