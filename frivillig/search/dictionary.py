"""The Danish word list (Debian's hunspell-da) for splitting compounds, and the curated thesaurus.

Without the word list (a server without hunspell-da) compounds are not split; prefix matching in the query
still finds many of them ("fodbold" finds "fodboldtræner"), so search degrades instead of failing.
"""

import logging
import os
from functools import lru_cache
from pathlib import Path

from .text import fold, fold_uncached, stem, words

log = logging.getLogger(__name__)

WORD_LIST = Path(os.environ.get("SEARCH_WORD_LIST", "/usr/share/hunspell/da_DK.dic"))
THESAURUS = Path(__file__).with_name("thesaurus_da.txt")
MIN_PART = 3          # a compound part has at least three letters, except these first parts:
SHORT_FIRST_PARTS = frozenset({"ga"})  # gå-tur, gå-tursven (skeleton spelling)
INFLECTIONS = ("erne", "ene", "ers", "er", "en", "et", "ne", "e", "s", "n", "t", "r")  # opgave-n is split as opgave
MIN_SPLIT = 6         # shorter words are not split (na-tur, mu-sik)
LINKING = ("s", "e")  # fuge-s and fuge-e: idræt-s-forening, børn-e-have
NEUTER_T = "49"       # hunspell-da's affix flag for the neuter -t of adjectives
# Derivational endings that are also words of their own: never the last part of a compound
# ("frivil-lige", "institut-ion", "hygge-lig", "fælles-skab").
NOT_A_LAST_PART = frozenset("ion lig lige ret hed heden dom skab skabet ende else ning ler tet vis sel inde ske ige "
                            "ring isk iske ist iker ister ant ent".split())


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word of the list in skeleton spelling. Empty (and logged once) when the file is missing."""
    try:
        lines = WORD_LIST.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        log.warning("Danish word list %s not found: compounds will not be split", WORD_LIST)
        return frozenset()
    heads = set()
    for line in lines[1:]:
        if not line.strip():
            continue
        word, _slash, flags = line.split(None, 1)[0].partition("/")
        heads.add(word)
        if NEUTER_T in flags.split(","):  # høj → højt (as in højtlæsning)
            heads.add(word + "t")
    return frozenset(fold_uncached(w) for w in heads if w.isalpha() and w.islower())


@lru_cache(maxsize=100_000)
def split_compound(folded: str) -> tuple[str, ...]:
    """The parts of a compound in skeleton spelling, or () if it is not one. An inflected form whose base is
    a known word is split as that base ("plejecentrene" as "plejecentre")."""
    known = known_words()
    if folded not in known:
        for ending in INFLECTIONS:
            base = folded[: -len(ending)]
            if folded.endswith(ending) and base in known:
                return _split(base, known)
    return _split(folded, known)


def _split(folded: str, known) -> tuple[str, ...]:
    """The parts of a compound in skeleton spelling, or () if it is not one: the split into the fewest known
    words (allowing a linking s/e between them), so "fodboldtraner" → (fodbold, traner), not (fod, bold, …)."""
    n = len(folded)
    if not known or n < MIN_SPLIT:
        return ()
    # best[i] = fewest parts covering folded[i:], with the parts
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[n] = ()
    linkers = [0] * (n + 1)  # linking letters used by best[i]: fewer is better ("falles-spisning")
    for i in range(n - 1, -1, -1):
        shortest = 2 if i == 0 else MIN_PART
        for j in range(i + shortest, n + 1 if i else n):  # the whole word is not a split of itself
            part = folded[i:j]
            if part not in known or (len(part) < MIN_PART and part not in SHORT_FIRST_PARTS):
                continue
            for k in (j, j + 1):
                if k > n or (k == j + 1 and folded[j] not in LINKING) or best[k] is None:
                    continue
                if k == j + 1 and k == n:
                    continue
                if j == n and part in NOT_A_LAST_PART:
                    continue
                candidate = (part,) + best[k]
                links = (k - j) + linkers[k]
                if best[i] is None or (len(candidate), links) < (len(best[i]), linkers[i]):
                    best[i], linkers[i] = candidate, links
    parts = best[0]
    return parts if parts and len(parts) > 1 else ()


def file_entries() -> list[tuple[str, str, list[str]]]:
    """The thesaurus file as vocabulary entries [(kind, term, words)]: "a, b, c" (words that mean the same; the
    first is the term) or "concept > a, b" (a concept and the words it covers); '#' starts a comment."""
    try:
        lines = THESAURUS.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out, seen = [], set()
    for line in lines:
        line = line.split("#", 1)[0]
        if ">" in line:
            term, _arrow, rest = line.partition(">")
            kind, term, entries = "concept", term.strip(), [e.strip() for e in rest.split(",") if e.strip()]
        else:
            entries = [e.strip() for e in line.split(",") if e.strip()]
            kind, term, entries = "synonyms", (entries or [""])[0], entries[1:]
        if term and entries and term not in seen:
            seen.add(term)
            out.append((kind, term, entries))
    return out


def build_thesaurus(entries) -> dict[str, tuple[tuple[str, ...], ...]]:
    """stem key (stems joined by spaces) → what it also finds, each a tuple of words (a synonym may be several
    words). entries: [(kind, term, words)]: synonyms find each other, a concept finds its words."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for kind, term, entry_words in entries:
        members = [tuple(words(e)) for e in [term, *entry_words] if words(e)]
        finders = members if kind == "synonyms" else members[:1]
        for entry in finders:
            key = " ".join(stem(fold(w)) for w in entry)
            groups.setdefault(key, []).extend(e for e in members if e != entry)
    return {k: tuple(dict.fromkeys(v)) for k, v in groups.items()}


_vocabulary: dict = {}


def stored_entries() -> list[tuple[str, str, list[str]]]:
    """The vocabulary in the database; the file's while the database holds none and none was ever changed (a
    database whose tables were emptied, as a test's flush does: migration 0003 seeds a new one)."""
    from .models import VocabularyChange, VocabularyEntry

    entries = [(e.kind, e.term, e.word_list()) for e in VocabularyEntry.objects.all()]
    if not entries and not VocabularyChange.objects.exists():
        return file_entries()
    return entries


def thesaurus() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The vocabulary the Culture department keeps (models.VocabularyEntry), as build_thesaurus() gives it; read
    again whenever it changes (services.py bumps the "search" generation: this process at once, the others within
    a second). The file when the database cannot be read (before migrations)."""
    from django.db import DatabaseError

    from frivillig.core import pagecache

    current = pagecache.generation("search")
    if current is not None and _vocabulary.get("generation") == current:
        return _vocabulary["thesaurus"]
    try:
        entries = stored_entries()
    except DatabaseError:
        return build_thesaurus(file_entries())
    built = build_thesaurus(entries)
    _vocabulary.update(generation=current, thesaurus=built,
                       phrases=frozenset(k for k in built if " " in k))
    return built


def phrases() -> frozenset[str]:
    """The vocabulary's entries of several words (as stem keys), which a query reads as one word."""
    built = thesaurus()
    if _vocabulary.get("thesaurus") is built:
        return _vocabulary["phrases"]
    return frozenset(k for k in built if " " in k)
