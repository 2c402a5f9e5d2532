"""The invariant of issue 17 over the whole schema: every object still marked as example text is shown with the
marker on its public page, and no page or PDF shows an example text without the marker."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import models
from pypdf import PdfReader

from frivillig.core import pdf
from frivillig.core.registry import example_sources
from tests.core.test_danish_output import page_urls, pdf_objects, visible_text

pytestmark = pytest.mark.django_db

MARKER = "Eksempeltekst — skal erstattes af kommunens egen tekst"


@pytest.fixture
def demo(db, culture_admin):
    call_command("load_portal_data", demo=True, verbosity=0)
    return culture_admin


def _norm(text: str) -> str:
    return " ".join(text.split())


def example_snippets() -> dict[str, list[str]]:
    """For every object marked as example text: the opening words of each of its prose fields."""
    found = {}
    for source in example_sources():
        for obj in source.model.objects.filter(is_example=True):
            texts = [getattr(obj, f.name) for f in obj._meta.concrete_fields if isinstance(f, models.TextField)]
            snippets = [_norm(t.splitlines()[0])[:50] for t in texts if t and len(t.strip()) >= 30]
            found[f"{source.key}:{obj.pk}"] = snippets
    return found


def test_every_model_with_example_text_is_registered():
    """A model that gains ``is_example`` must be registered, or the list and this invariant would not see it."""
    from django.apps import apps

    with_field = {m for m in apps.get_models() if any(f.name == "is_example" for f in m._meta.concrete_fields)
                  and not m.__name__.startswith("Historical")}
    assert with_field == {s.model for s in example_sources()}


def test_every_example_object_is_marked_on_its_public_page(client, demo):
    checked = 0
    for source in example_sources():
        for obj in source.model.objects.filter(is_example=True):
            response = client.get(source.public_url(obj))
            assert response.status_code == 200, (source.key, obj)
            assert MARKER in response.content.decode(), (source.key, obj, source.public_url(obj))
            checked += 1
    assert checked >= 20, checked  # the demo really ships example texts


def test_no_page_shows_example_text_without_the_marker(client, demo):
    snippets = example_snippets()
    assert snippets
    urls = sorted(page_urls() | {"/politik/soeg/?q=forsikring", "/politik/soeg/?q=frivillige",
                                 "/netvaerk/frivilligcenter/"})
    bad, shown = [], 0
    for who in ("anonymous", "culture_admin"):
        if who == "culture_admin":
            client.force_login(demo)
        for url in urls:
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            text = _norm(visible_text(response.content))
            hits = [key for key, parts in snippets.items() if any(p in text for p in parts)]
            shown += bool(hits)
            if hits and MARKER not in text:
                bad.append(f"{who} {url}: {hits}")
    assert shown > 5, shown
    assert not bad, "\n".join(bad)


def test_no_pdf_shows_example_text_without_the_marker(demo, citizen):
    snippets = example_snippets()
    objects = pdf_objects(citizen)
    bad, shown = [], 0
    for kind in sorted(pdf._renderers):
        rendered = pdf.get_renderer(kind).build(objects[kind])
        data = pdf.render_to_pdf_bytes(rendered.template, rendered.context)
        reader = PdfReader(io.BytesIO(data))
        text = _norm(" ".join(p.extract_text() for p in reader.pages))
        hits = [key for key, parts in snippets.items() if any(p in text for p in parts)]
        shown += bool(hits)
        if hits and MARKER not in text:
            bad.append(f"{kind}: {hits}")
        if hits and re.search(r"Frivillighedspolitik for Rudersdal Kommune", str(reader.metadata.title)):
            bad.append(f"{kind}: titled as the adopted policy while it holds example text")
    assert shown >= 2, shown
    assert not bad, "\n".join(bad)
