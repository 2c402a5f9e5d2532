"""The lexicon of indexed words and word-level typo correction against it (pg_trgm)."""

from django.db import connection

from .models import LexiconWord
from .text import SKELETON_SQL, fold

MIN_SIMILARITY = 0.45


def record(words: dict[str, str]) -> None:
    """Add skeleton → written words (from document.lexicon_words) that are not there yet."""
    rows = [LexiconWord(word=k[:100], written=v[:100]) for k, v in words.items()]
    LexiconWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)


def suggest(word: str, exclude=()) -> str | None:
    """The indexed word most like `word` ("lektiehjælpp" → "lektiehjælp"), or None when nothing is close."""
    folded = fold(word)
    if len(folded) < 3:
        return None
    with connection.cursor() as cursor:
        typed = SKELETON_SQL.format("%s")  # the typed word folded by the server (PostgreSQL's unaccent)
        cursor.execute(
            f"SELECT written FROM search_lexiconword, (SELECT {typed} AS typed) AS t WHERE word %% typed "  # noqa: S608
            "AND similarity(word, typed) >= %s AND word <> typed "
            "ORDER BY similarity(word, typed) DESC, length(word), word LIMIT 5", [word, MIN_SIMILARITY])
        for (written,) in cursor.fetchall():
            if fold(written) not in exclude:
                return written
    return None
