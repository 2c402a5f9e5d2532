"""The relevance floor of the task search (issue 14), measured on tests/search's corpus through the task list."""

import json

import pytest

from frivillig.search.dictionary import known_words

from .loader import load_corpus
from .queries import evaluate

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    return load_corpus()


def list_search(client, slugs):
    def search(q):
        response = client.get("/opgaver/", {"q": q})
        return [slugs[t.pk] for t in response.context["page"]]
    return search


def test_search_finds_what_people_type(client, corpus):
    assert known_words(), "hunspell-da's word list is missing: make install (system-deps) installs it"
    figures = evaluate(list_search(client, corpus))
    print(json.dumps({k: v for k, v in figures.items() if k != "per_query"}, ensure_ascii=False))
    weak = {q: r for q, r in figures["per_query"].items() if r["recall"] < 1 or r["first"] != 1}
    print(json.dumps(weak, ensure_ascii=False))
    assert figures["queries"] >= 40
    assert figures["zero_relevant"] == [], weak
    assert figures["recall_at_10"] >= 0.90, weak
    assert figures["mrr"] >= 0.90, weak
    assert figures["junk_results"] <= 3, figures["junk"]
