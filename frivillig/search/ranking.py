"""Ranking for small collections (ideas, the policy pages: hundreds of rows) in Python, with the same
analysis and query as the task bank's SQL ranking: every typed word that matches adds the weight of the best
field it matches in (title 1.0, place 0.4, summary 0.2, text 0.1; half for a synonym), so a record that
matches more of the words ranks higher. Typo correction looks among the collection's own words."""

import difflib
from dataclasses import dataclass

from .query import Query, forms_of, matches, parse
from .text import fold, words

WEIGHT_VALUES = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
SYNONYM_FACTOR = 0.5


@dataclass
class Ranked:
    record: object
    score: float


def score(query: Query, fields) -> float:
    analysed = [(forms_of(text), WEIGHT_VALUES[weight]) for text, weight in fields]
    total = 0.0
    for group in query.groups:
        best = 0.0
        for forms, value in analysed:
            if matches(group.strict, forms):
                best = max(best, value)
            elif matches(group.synonyms, forms):
                best = max(best, value * SYNONYM_FACTOR)
        total += best
    return total


def correct(query: Query, records, fields_of) -> dict[str, str]:
    """Typed words that match nothing → the closest word of the collection (difflib, on skeletons)."""
    analysed = [forms_of(" ".join(t for t, _w in fields_of(r))) for r in records]
    corrections = {}
    for group in query.groups:
        if any(matches(group, forms) for forms in analysed):
            continue
        vocabulary = {}
        for r in records:
            for text, _w in fields_of(r):
                for w in words(text):
                    if len(w) >= 3:
                        vocabulary.setdefault(fold(w), w)
        close = difflib.get_close_matches(fold(group.word), list(vocabulary), n=1, cutoff=0.8)
        if close:
            corrections[group.word] = vocabulary[close[0]]
    return corrections


def rank(q: str, records, fields_of, limit=50):
    """(ranked records, corrections {typed: suggested}) for query text `q`."""
    query = parse(q)
    if not query:
        return [], {}, query
    records = list(records)
    corrections = correct(query, records, fields_of)
    if corrections:
        query = query.replace(corrections)
    ranked = [Ranked(r, s) for r in records if (s := score(query, fields_of(r))) > 0]
    ranked.sort(key=lambda x: x.score, reverse=True)
    return ranked[:limit], corrections, query
