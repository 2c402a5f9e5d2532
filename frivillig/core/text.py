from django.utils.text import slugify

DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    """slugify that keeps Danish letters readable: "Kørsel i Nærum" → "koersel-i-naerum"."""
    return slugify(str(value).translate(DANISH))


def word_diff(old: str, new: str) -> str:
    """HTML with <del> and <ins> around the changed words; every piece of text is escaped."""
    import difflib

    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(out))  # noqa: S308 - every piece is escaped above


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """A spreadsheet never runs what a citizen typed: text that starts like a formula is written as text (CSV/XLSX)."""
    return "'" + value if isinstance(value, str) and value[:1] in FORMULA_STARTS else value
