"""The one ranking of the portal's search, in SQL, for every collection: the task bank ranks its stored vectors
(taskbank/search.py), the small collections (ideas, the policy pages: hundreds of rows) rank vectors built for the
request with the same analysis (document.build_vector) in one statement. Typo correction and highlighting of the
small collections are SQL too (pg_trgm, ts_headline).

Score of a record: for every typed word, 1 when it matches the word itself (stem, compound parts), SYNONYM_SCORE
when it matches only a synonym or concept of the vocabulary, 0 otherwise — so a record that matches more of the
words ranks higher — plus PostgreSQL's ts_rank over the field weights (title A … text D) to order records that
match as many words.
"""

from django.db import connection

from .highlight import ELLIPSIS, matched_words
from .query import Query
from .text import fold, words

SYNONYM_SCORE = 0.7
FACET_SCORE = 1.5  # a record that carries what the word names (its town, target group, kind of place) beats one
# whose text only mentions it ("skole": the schools' tasks before a garden task that mentions "skoleelever")
MIN_SIMILARITY = 0.45  # pg_trgm similarity for "Mente du …?" (as frivillig/search/lexicon.py)


def rank_sql(query: Query, vector: str = "search_vector", boosts=None) -> tuple[str, list]:
    """(SQL expression, parameters) of the score of a record whose tsvector is the SQL `vector`.
    boosts: {group index: (SQL condition, parameters)} a record meets that word by its facets too (a task in Holte
    meets "holte"; a task for families meets "børn", taskbank/search.py)."""
    boosts = boosts or {}
    parts, params = [], []
    for i, group in enumerate(query.groups):
        facet, facet_params = boosts.get(i, ("false", []))
        parts.append(f"(CASE WHEN {facet} THEN %s WHEN {vector} @@ %s::tsquery THEN 1.0 "
                     f"WHEN {vector} @@ %s::tsquery THEN %s ELSE 0 END)")
        params += [*facet_params, FACET_SCORE, group.sql(with_synonyms=False), group.sql(), SYNONYM_SCORE]
    parts.append(f"ts_rank({vector}, %s::tsquery) + 0.5 * ts_rank({vector}, %s::tsquery)")
    params += [query.any_word(with_synonyms=False), query.any_word()]
    return " + ".join(parts), params


def rank_rows(query: Query, vectors: list[str], limit: int = 50) -> list[tuple[int, float]]:
    """[(index into vectors, score)] of the records that match any word, best first (ties: the earlier record)."""
    if not vectors or not query:
        return []
    score, params = rank_sql(query, "v.vector")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.n, {score} AS score FROM (SELECT n, vector::tsvector AS vector FROM "  # noqa: S608 - parameters
            "unnest(%s::text[]) WITH ORDINALITY AS r(vector, n)) AS v WHERE v.vector @@ %s::tsquery "
            "ORDER BY score DESC, v.n LIMIT %s", [*params, vectors, query.any_word(), limit])
        return [(n - 1, s) for n, s in cursor.fetchall()]


def unmatched_words(query: Query, vectors: list[str]) -> list[str]:
    """The typed words (groups) that match no record of the collection."""
    if not query:
        return []
    tests = ", ".join("coalesce(bool_or(vector::tsvector @@ %s::tsquery), false)" for _g in query.groups)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {tests} FROM unnest(%s::text[]) AS vector",  # noqa: S608 - parameters only
                       [*(g.sql() for g in query.groups), vectors])
        found = cursor.fetchone()
    return [g.word for g, hit in zip(query.groups, found, strict=True) if not hit]


def closest_word(word: str, texts) -> str | None:
    """The word of `texts` most like `word` by pg_trgm similarity of their skeletons (as "Mente du …?" of the task
    search, frivillig/search/lexicon.py), or None when nothing is close."""
    written = {}
    for text in texts:
        for w in words(text):
            if len(w) >= 3:
                written.setdefault(fold(w), w)
    folded = fold(word)
    if len(folded) < 3 or not written:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT w FROM unnest(%s::text[]) AS w WHERE w <> %s AND similarity(w, %s) >= %s "
                       "ORDER BY similarity(w, %s) DESC, length(w), w LIMIT 1",
                       [list(written), folded, folded, MIN_SIMILARITY, folded])
        row = cursor.fetchone()
    return written[row[0]] if row else None


# ts_headline marks with these (private-use characters no text holds); the text is escaped afterwards and they
# become <mark>: ts_headline itself escapes nothing.
_START, _STOP = "\ue000", "\ue001"


def headlines(texts: list[str], query: Query, max_words: int = 30) -> list[str]:
    """Safe HTML fragments of about max_words words around the matches of each text, by PostgreSQL's ts_headline.
    Which written words meet the query stays the pipeline's (highlight.matched_words: skeleton spelling, stems,
    compound parts and synonyms, which no PostgreSQL configuration of ours reproduces); ts_headline gets those
    words as they are written and chooses the fragment and marks them."""
    from html import escape

    from django.utils.safestring import mark_safe

    if not texts:
        return []
    cleaned = [(t or "").replace(_START, "").replace(_STOP, "") for t in texts]
    wanted = [" | ".join("'" + w.replace("'", "''").replace("\\", "\\\\") + "'"
                         for w in sorted(matched_words(t, query))) or "''" for t in cleaned]
    options = (f"StartSel={_START}, StopSel={_STOP}, MaxWords={max_words}, MinWords={max(1, max_words // 2)}, "
               "ShortWord=0, HighlightAll=false")
    with connection.cursor() as cursor:
        cursor.execute("SELECT ts_headline('simple', t, to_tsquery('simple', q), %s) FROM "
                       "unnest(%s::text[], %s::text[]) WITH ORDINALITY AS r(t, q, n) ORDER BY n",
                       [options, cleaned, wanted])
        fragments = [row[0] for row in cursor.fetchall()]
    out = []
    for text, fragment in zip(cleaned, fragments, strict=True):
        html = escape(fragment).replace(_START, "<mark>").replace(_STOP, "</mark>")
        plain = fragment.replace(_START, "").replace(_STOP, "").split()
        if plain[:1] != text.split()[:1]:
            html = ELLIPSIS + " " + html
        if plain[-1:] != text.split()[-1:]:
            html = html + " " + ELLIPSIS
        out.append(mark_safe(html))  # noqa: S308 - escaped above
    return out


def rank_collection(q: str, records: list, fields_of, limit: int = 50):
    """A small collection searched with the one ranking: (ranked [(record, score)], the search used when a word
    was corrected or "", the query). `fields_of(record)` → [(text, weight letter)]. The vectors are built per
    request with the task bank's analysis (document.build_vector) and ranked in one statement."""
    from .document import build_vector
    from .query import parse

    query = parse(q or "")
    if not query or not records:
        return [], "", query
    vectors = [build_vector(fields_of(r)) for r in records]
    corrections = {}
    for word in unmatched_words(query, vectors):
        suggestion = closest_word(word, (text for r in records for text, _w in fields_of(r)))
        if suggestion:
            corrections[word] = suggestion
    if corrections:
        query = query.replace(corrections)
    ranked = [(records[i], score) for i, score in rank_rows(query, vectors, limit)]
    return ranked, (" ".join(g.word for g in query.groups) if corrections else ""), query
