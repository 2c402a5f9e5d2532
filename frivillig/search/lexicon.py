"""The lexicon of indexed words and word-level typo correction against it (pg_trgm)."""

from django.db import connection

from .models import LexiconWord
from .text import fold

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
        cursor.execute(
            "SELECT written FROM search_lexiconword WHERE word %% %s AND similarity(word, %s) >= %s "
            "AND word <> %s ORDER BY similarity(word, %s) DESC, length(word), word LIMIT 5",
            [folded, folded, MIN_SIMILARITY, folded, folded])
        for (written,) in cursor.fetchall():
            if fold(written) not in exclude:
                return written
    return None
