from django.utils.text import slugify

DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    """slugify that keeps Danish letters readable: "Kørsel i Nærum" → "koersel-i-naerum"."""
    return slugify(str(value).translate(DANISH))
