"""Query side: what a person typed → groups of alternatives, one group per typed word.

A group matches when any alternative matches: the word's stem, the word as a prefix (so "fodbold" finds
"fodboldtræner"), its compound parts together ("gåtur" finds "gå en tur"), and its synonyms from the thesaurus.
Several words mean "most of these": records that match every group are candidates first, then those that
match some (see rank_candidates in the callers); the ranking puts the records that match more words first.
"""

from dataclasses import dataclass, field

from .dictionary import known_words, phrases, split_compound, thesaurus
from .document import _quote
from .text import fold, is_stop_word, stem, words

MIN_PREFIX = 5  # shorter prefixes match too much ("ga:*" would find gade, gammel, garage …)
MAX_WORDS = 8
# Words every task of a volunteer portal could say ("frivillig på biblioteket" means "biblioteket"): dropped from a
# search of several words, kept when they are all that was typed. Query side only: the index keeps them.
SAID_OF_EVERY_RECORD = frozenset({"frivillig", "frivillige", "frivilligt"})


@dataclass(frozen=True)
class Lexeme:
    text: str
    prefix: bool = False

    def sql(self, weights: str = "") -> str:
        """As a tsquery lexeme; `weights` ("AB") restricts the match to those fields."""
        marks = ("*" if self.prefix else "") + weights
        return _quote(self.text) + (":" + marks if marks else "")

    def meets(self, form: str) -> bool:
        return form.startswith(self.text) if self.prefix else form == self.text


# An alternative is a tuple of lexemes that must all be present.
Alternative = tuple[Lexeme, ...]


@dataclass
class Group:
    word: str                      # as typed, lower case
    strict: list[Alternative] = field(default_factory=list)    # the word itself: stem, prefix, parts
    synonyms: list[Alternative] = field(default_factory=list)  # from the thesaurus

    def alternatives(self, with_synonyms=True):
        return self.strict + (self.synonyms if with_synonyms else [])

    def sql(self, with_synonyms=True, weights="") -> str:
        alts = ["(" + " & ".join(lex.sql(weights) for lex in alt) + ")" if len(alt) > 1 else alt[0].sql(weights)
                for alt in dict.fromkeys(self.alternatives(with_synonyms))]
        return "(" + " | ".join(alts) + ")"

    def lexemes(self):
        return {lex for alt in self.alternatives() for lex in alt}


def _word_alternatives(word: str) -> list[Alternative]:
    folded = fold(word)
    stemmed = stem(folded)
    alts: list[Alternative] = [(Lexeme(stemmed),)]
    if not known_words() and len(stemmed) >= MIN_PREFIX:
        # Without the word list compounds are not split: a prefix still finds "fodboldtræner" for "fodbold".
        # (With it, prefixes are left out: they match too much and keep PostgreSQL from using the GIN index.)
        alts.append((Lexeme(stemmed, prefix=True),))
    parts = split_compound(folded)
    if parts:
        alts.append(tuple(Lexeme(stem(p)) for p in parts))
    return alts


@dataclass
class Query:
    text: str
    groups: list[Group]

    def __bool__(self):
        return bool(self.groups)

    def all_words(self, with_synonyms=True) -> str:
        return " & ".join(g.sql(with_synonyms) for g in self.groups)

    def any_word(self, with_synonyms=True, weights="") -> str:
        return " | ".join(g.sql(with_synonyms, weights) for g in self.groups)

    def lexemes(self):
        return {lex for g in self.groups for lex in g.lexemes()}

    def replace(self, corrections: dict[str, str]) -> "Query":
        return parse(" ".join(corrections.get(g.word, g.word) for g in self.groups))


def _key(word_or_phrase: str) -> str:
    return " ".join(stem(fold(w)) for w in word_or_phrase.split())


def _join_phrases(typed: list[str]) -> list[str]:
    """Consecutive words that form a phrase of the thesaurus become one query word: "gå tur" → "gå tur"."""
    known, out, i = phrases(), [], 0
    while i < len(typed):
        pair = " ".join(typed[i:i + 2])
        if i + 1 < len(typed) and _key(pair) in known:
            out.append(pair)
            i += 2
        else:
            out.append(typed[i])
            i += 1
    return out


def parse(text: str) -> Query:
    """"Gå tur med ældre" → groups for gå, tur, ældre (stop words dropped unless the query is only those)."""
    typed = words(text)
    kept = [w for w in typed if not is_stop_word(w) and w not in SAID_OF_EVERY_RECORD] or typed
    kept = _join_phrases(kept)
    groups = []
    seen = set()
    for word in kept[:MAX_WORDS]:
        if fold(word) in seen:
            continue
        seen.add(fold(word))
        if " " in word:  # a phrase of the thesaurus ("gå tur"): its words together, or its synonyms
            group = Group(word=word, strict=[tuple(Lexeme(stem(fold(w))) for w in word.split()),
                                             (Lexeme(stem(fold(word.replace(" ", "")))),)])  # gå tur → gåtur
        else:
            group = Group(word=word, strict=_word_alternatives(word))
        for synonym in thesaurus().get(_key(word), ()):
            alt = tuple(Lexeme(stem(fold(w))) for w in synonym)
            if alt not in group.strict:
                group.synonyms.append(alt)
        groups.append(group)
    return Query(text=text, groups=groups)

