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
