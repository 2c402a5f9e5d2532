"""Why a record matched: the words of a text that meet the query, wrapped in <mark>, everything escaped.

Which words meet the query is decided here for every collection (matched_words): PostgreSQL's ts_headline would
parse the text with a configuration whose lexemes are not ours (skeleton spelling, our stems, compound parts,
synonyms), so it cannot find them itself. The small collections let ts_headline choose the fragment and mark these
words (frivillig/search/sql.py headlines()). The task cards keep highlight() below: a card's title and summary
show "<b>" as typed, escaped (ts_headline drops what looks like a tag), and a page of twenty cards is rendered
from a cached fragment without a round trip per text."""

import re
from html import escape  # the standard library's: Django's adds a lazy-string wrapper per call; same output

from django.utils.safestring import mark_safe

from .document import word_forms
from .query import Query
from .text import WORD, is_stop_word

ELLIPSIS = "…"


def _lexemes_met(query: Query, word: str) -> frozenset:
    """The lexemes of the query that a written word (lower case) meets, remembered on the query: a page
    highlights five texts of twenty records against one query, and their words repeat."""
    memo = query.__dict__.setdefault("_met", {})
    met = memo.get(word)
    if met is None:
        forms = () if is_stop_word(word) else word_forms(word)
        met = memo[word] = frozenset(lex for lex in query.lexemes() if any(lex.meets(f) for f in forms))
    return met


def _hits(text: str, query: Query) -> list[tuple[int, int]]:
    """Spans of the words that meet the query: a word meeting a one-word alternative, or the words meeting the
    parts of a compound alternative when all its parts are in this text ("gå en tur" for "gåtur")."""
    found = []
    for m in WORD.finditer(text):
        met = _lexemes_met(query, m.group().lower())
        if met:
            found.append((m.span(), met))
    if not found:
        return []
    marked = set()
    for group in query.groups:
        for alt in group.alternatives():
            meeting = [[span for span, met in found if lex in met] for lex in alt]
            if all(meeting):
                marked.update(span for spans in meeting for span in spans)
    return sorted(marked)


def matched_words(text: str, query: Query) -> set[str]:
    """The written words of a text (lower case) that meet the query: what ts_headline is asked to mark
    (frivillig/search/sql.py headlines())."""
    return {text[a:b].lower() for a, b in _hits(text or "", query)}


def highlight(text: str, query: Query | None, max_words: int | None = None) -> str:
    """Safe HTML: `text` escaped, the matching words marked. With max_words, a fragment of about that many
    words around the first match (the start of the text when nothing matches)."""
    text = text or ""
    spans = _hits(text, query) if query else []
    prefix = suffix = ""
    if max_words:
        bounds = [m.span() for m in re.finditer(r"\S+", text)]
        if len(bounds) > max_words:
            first = 0
            if spans:
                first = next(i for i, b in enumerate(bounds) if b[1] > spans[0][0])
            start_word = max(0, min(first - max_words // 3, len(bounds) - max_words))
            end_word = start_word + max_words
            start, end = bounds[start_word][0], bounds[end_word - 1][1]
            prefix = ELLIPSIS + " " if start_word > 0 else ""
            suffix = " " + ELLIPSIS if end_word < len(bounds) else ""
            spans = [(a - start, b - start) for a, b in spans if a >= start and b <= end]
            text = text[start:end]
    out, last = [], 0
    for a, b in spans:
        out += [escape(text[last:a]), "<mark>", escape(text[a:b]), "</mark>"]
        last = b
    out.append(escape(text[last:]))
    return mark_safe(escape(prefix) + "".join(out) + escape(suffix))  # noqa: S308 - pieces escaped above
