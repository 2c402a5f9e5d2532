"""Calm and fast on a phone (issue 27): compressed HTML where that is safe, and no script that holds up the
first paint. The layout itself (nothing shifts, the phone filter panel) is tested in a browser: tests/e2e/test_mobile.py."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_a_shared_page_is_sent_compressed(client):
    response = client.get("/opgaver/", **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "Find en frivillig opgave" in gzip.decompress(response.content).decode()


def test_compression_pads_each_response_at_random_so_its_size_tells_nothing(client):
    # Django's own BREACH mitigation ("Heal The Breach"): up to 100 random bytes in the gzip header.
    sizes = {len(client.get("/opgaver/", **GZIP).content) for _ in range(6)}
    assert len(sizes) > 1


def test_a_signed_in_persons_pages_are_not_compressed(client, citizen):
    # They hold the person's data next to what the request typed: what BREACH reads through compression.
    client.force_login(citizen)
    for url in ("/opgaver/?q=l%C3%A6sning", "/konto/mine-data/"):
        response = client.get(url, **GZIP)
        assert response.status_code == 200, url
        assert "Content-Encoding" not in response, url
        assert response["Cache-Control"] == "no-store", url


def test_the_account_area_is_not_compressed_for_visitors_either(client):
    response = client.get("/konto/login/", **GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_without_accept_encoding_the_page_is_plain(client):
    response = client.get("/opgaver/")
    assert "Content-Encoding" not in response
    assert b"Find en frivillig opgave" in response.content


SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[^>]*>", re.I)


def test_no_script_holds_up_the_first_paint():
    """Every <script src> of every template is deferred, except has-js.js: a few bytes in <head> that let the CSS
    fold the phone layout before the first paint (without it the page would move when the scripts ran)."""
    root = Path(settings.BASE_DIR)
    blocking = []
    for path in root.rglob("templates/**/*.html"):
        if {".venv", "node_modules"} & set(path.relative_to(root).parts):
            continue
        for tag in SCRIPT.findall(path.read_text()):
            if not re.search(r"\b(defer|async)\b", tag) and "has-js.js" not in tag:
                blocking.append(f"{path.relative_to(root)}: {tag}")
    assert blocking == []


def _unicode_range(text: str) -> set[int]:
    points = set()
    for part in text.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def test_each_font_part_claims_exactly_the_characters_its_file_holds():
    """The portal's faces are IBM Plex's split files, each with a unicode-range. A range that claims a character its
    file lacks shows that character in the fallback font in the middle of a word; a file whose characters no range
    claims is never fetched. So the ranges are checked against the files themselves; and the Latin-1 part alone must
    hold every letter, digit and punctuation mark a Danish text uses, so a Danish page fetches one part a weight."""
    from django.contrib.staticfiles import finders
    from fontTools.ttLib import TTFont

    css = (Path(settings.BASE_DIR) / "static/css/portal.css").read_text()
    faces = re.findall(r"@font-face \{[^}]*url\(\"\.\./(dkfds/fonts/[^\"]+)\"\)[^}]*unicode-range: ([^;]+);", css)
    assert len(faces) == 48, "eight faces (4 weights × normal/italic) in six parts each"
    danish = {ord(c) for c in "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅéüöäÉ0123456789 .,;:!?-–—'\"’“”„«»()/§%&@€…"}
    covered: dict[str, set[int]] = {}
    for path, claimed in faces:
        held = {c for c in TTFont(finders.find(path)).getBestCmap() if c >= 0x20}
        assert _unicode_range(claimed) == held, path
        face = re.sub(r"-[A-Za-z0-9]+\.woff2$", "", path)
        assert not covered.get(face, set()) & held, f"{path} overlaps another part of its face"
        covered.setdefault(face, set()).update(held)
        if path.endswith("-Latin1.woff2"):
            assert not danish - held, f"{path} lacks {''.join(map(chr, sorted(danish - held)))}"
    assert len(covered) == 8


def test_every_table_on_a_page_scrolls_in_its_own_box_on_a_phone():
    """A table of four columns does not fit 320 px: in a `table-responsive` box it scrolls sideways by itself with its
    words whole, instead of widening the page or breaking "december" into "dece/mber". Every template of the portal
    is read (PDF templates excepted: paper is wide enough), so a new page's table is checked too."""
    from django.template.loaders.app_directories import get_app_template_dirs

    roots = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]] + [
        d for d in map(Path, get_app_template_dirs("templates")) if str(d).startswith(str(settings.BASE_DIR))
        and ".venv" not in d.parts]
    bare = []
    for root in roots:
        for path in root.rglob("*.html"):
            if "pdf" in path.relative_to(root).parts:
                continue
            text = path.read_text()
            for match in re.finditer(r"<table\b", text):
                if 'class="table-responsive"' not in text[max(0, match.start() - 80):match.start()]:
                    bare.append(f"{path.relative_to(settings.BASE_DIR)}:{text.count(chr(10), 0, match.start()) + 1}")
    assert roots and not bare, "wrap in <div class=\"table-responsive\">: " + ", ".join(bare)
