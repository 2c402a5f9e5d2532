"""Index side: a record's fields → the words that find it, as a PostgreSQL tsvector with weights.

Each word is indexed as the stem of its skeleton spelling, with the stems of its parts when it is a compound:
"Højtlæsning" → hojtlas, hojt, las. The vector is written as a literal, so the
server needs no Danish dictionary (managed PostgreSQL rarely allows adding one).
"""

from functools import lru_cache

from .dictionary import known_words, split_compound
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


@lru_cache(maxsize=200_000)
def _indexed(word: str) -> tuple[tuple[str, ...], str | None]:
    """Everything indexing needs of one written word (lower case), worked out once per distinct word: the
    quoted lexemes it is indexed as (none for a stop word) and its lexicon key (None when too short or a stop
    word). The vocabulary is far smaller than the text, so at 1,000,000 tasks this is a dictionary lookup."""
    if is_stop_word(word):
        return (), None
    return tuple(_quote(form) for form in word_forms(word)), (fold(word) if len(word) >= 3 else None)


def clear_caches() -> None:
    """Forget every memoised analysis (after the word list or the thesaurus changed)."""
    for cached in (_indexed, word_forms, split_compound, known_words):
        cached.cache_clear()


def analyse(fields) -> tuple[str, dict[str, str]]:
    """fields: [(text, weight letter)] → (the tsvector literal, the lexicon words {skeleton: as written}),
    in one pass over the words."""
    positions: dict[str, list[str]] = {}
    lexicon: dict[str, str] = {}
    position = 0
    for text, weight in fields:
        assert weight in WEIGHTS
        for word in words(text):
            lexemes, key = _indexed(word)
            if not lexemes:
                continue
            if key is not None and key not in lexicon:
                lexicon[key] = word
            position = min(position + 1, MAX_POSITION)
            mark = f"{position}{weight}"
            for lexeme in lexemes:
                entries = positions.get(lexeme)
                if entries is None:
                    positions[lexeme] = [mark]
                elif len(entries) < 256:
                    entries.append(mark)
        position = min(position + 1, MAX_POSITION)
    return " ".join(f"{lexeme}:{','.join(entries)}" for lexeme, entries in positions.items()), lexicon


def build_vector(fields) -> str:
    """fields: [(text, weight letter)] → a tsvector literal ("'hojt':3A 'holt':9B …")."""
    return analyse(fields)[0]


def lexicon_words(fields) -> dict[str, str]:
    """Whole words of a record for the typo lexicon: skeleton → the word as written (lower case)."""
    return analyse(fields)[1]
