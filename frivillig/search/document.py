"""Index side: a record's fields → the words that find it, as a PostgreSQL tsvector with weights.

Each word is indexed as the stem of its skeleton spelling, with the stems of its parts when it is a compound:
"Højtlæsning" → hojtlas, hojt, las. The vector is written as a literal, so the
server needs no Danish dictionary (managed PostgreSQL rarely allows adding one).
"""

from functools import lru_cache

from .dictionary import split_compound
from .text import fold, is_stop_word, stem, words

WEIGHTS = ("A", "B", "C", "D")
MAX_POSITION = 16383  # PostgreSQL's limit for a position in a tsvector


@lru_cache(maxsize=100_000)
def word_forms(word: str) -> tuple[str, ...]:
    """What a query may meet for one written word (lower case): the stem of its skeleton spelling, and the
    stems of its parts when it is a compound. Only stems are indexed (the query looks for stems too), which
    keeps the vectors small: testing a vector is the main cost of a search that matches many tasks."""
    folded = fold(word)
    forms = [stem(folded)] + [stem(part) for part in split_compound(folded)]
    return tuple(dict.fromkeys(f for f in forms if f))


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def build_vector(fields) -> str:
    """fields: [(text, weight letter)] → a tsvector literal ("'hojt':3A 'holt':9B …")."""
    positions: dict[str, list[str]] = {}
    position = 0
    for text, weight in fields:
        assert weight in WEIGHTS
        for word in words(text):
            if is_stop_word(word):
                continue
            position = min(position + 1, MAX_POSITION)
            for form in word_forms(word):
                entries = positions.setdefault(form, [])
                if len(entries) < 256:
                    entries.append(f"{position}{weight}")
        position = min(position + 1, MAX_POSITION)
    return " ".join(f"{_quote(lexeme)}:{','.join(entries)}" for lexeme, entries in positions.items())


def lexicon_words(fields) -> dict[str, str]:
    """Whole words of a record for the typo lexicon: skeleton → the word as written (lower case)."""
    found = {}
    for text, _weight in fields:
        for word in words(text):
            if len(word) >= 3 and not is_stop_word(word):
                found.setdefault(fold(word), word)
    return found
