"""Words as people type them: lower case, Danish letters folded, light stemming, stop words.

Everything is reduced to one spelling "skeleton" on both sides (indexed text and query): æ/ae → a,
ø/oe → o, å/aa → a, other accents dropped. So "ældre", "aeldre" and "aldre" meet, and so do "højtlæsning",
"hoejtlaesning" and "hojtlaesning". The price is a few collisions ("før"/"for"), which ranking absorbs.
"""

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W\d_]+")

# Danish function words that say nothing about a task (lower case, as typed).
STOP_WORDS = frozenset("""
ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din dine disse dit dog du
efter eller en end er et for fra ham han hans har havde hende hendes her hos hun hvad hvis hvor i ikke ind jeg jer
jo kan kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om op os over på sig sin
sine sit skal skulle som sådan thi til ud under var vi vil ville vor være været
""".split())

_PRE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "u", "ß": "ss"})


def fold_uncached(word: str) -> str:
    w = word.lower().translate(_PRE)
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return w.replace("ae", "a").replace("oe", "o").replace("aa", "a")


# The same skeleton in SQL, with PostgreSQL's unaccent (tests/search/test_pipeline.py checks that both agree on every
# word of the relevance corpus): used where the word is already in a query (lexicon.suggest). Indexing and query
# analysis keep fold(): they run in Python word by word (stemming, compound splitting, memoised), where a round trip
# per word would cost more than the analysis, and unaccent alone cannot write "ae"/"oe"/"aa" as one letter.
# The Danish letters are written out first, as _PRE does ("søen" → "soeen" → "soen", not "soen" → "son").
SKELETON_SQL = ("replace(replace(replace(unaccent(replace(replace(replace(replace(replace(lower({}), 'æ', 'ae'), "
                "'ø', 'oe'), 'å', 'aa'), 'ä', 'ae'), 'ö', 'oe')), 'ae', 'a'), 'oe', 'o'), 'aa', 'a')")


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """The spelling skeleton of one word: "Nærum" → "narum", "naerum" → "narum", "Høsterkøb" → "hosterkob"."""
    return fold_uncached(word)


def words(text: str) -> list[str]:
    """The words of a text, lower case, in order (hyphenated words come apart: "IT-hjælp" → it, hjælp)."""
    return WORD.findall((text or "").lower())


def is_stop_word(word: str) -> bool:
    return word.lower() in STOP_WORDS


# Our own light stemmer, not PostgreSQL's danish (snowball) dictionary: the index is written as a literal by
# document.py so that it needs nothing on the server, and its stems must meet the query's and the highlighter's,
# which are computed in Python. Inflection and derivation endings, in skeleton spelling, longest first. Stripped once, keeping at least three
# letters: plejecentret/plejecenteret/plejecenter → plejecent, læse/læser/læsning → las, beboere/beboerne → bebo.
_SUFFIXES = sorted("""
erne ernes enes ene ende endes ninger ningen ningerne ning inger ingen ing hedens heden hed erens eren ere ers er
ets et ens en es e s
""".split(), key=len, reverse=True)
_VOWELS = set("aeiouy")


@lru_cache(maxsize=100_000)
def stem(folded: str) -> str:
    w = folded
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    # A doubled final consonant is written single in other forms: svømme/svømning, strikke/strikning.
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in _VOWELS:
        w = w[:-1]
    # Danish drops the unstressed e before r/l in inflected forms: center → centret, cykel → cyklen.
    if len(w) >= 4 and w[-1] in "rl" and w[-2] in "tkgbdp" and w[-3] in _VOWELS | {"n"}:
        w = w[:-1]
    elif len(w) >= 5 and w.endswith(("el", "er")) and w[-3] in "tkgbdp" and w[-4] in _VOWELS | {"n"}:
        w = w[:-2]
    return w
