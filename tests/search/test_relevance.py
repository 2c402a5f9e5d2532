"""The relevance floor of the task search (issues 14 and 28), measured on tests/search's corpus through the task
list: the queries people type and the meaning that is not in the words of a task (concepts, time, who it is for,
kinds of organisation), best match first and newest first."""

import json

import pytest

from frivillig.search.dictionary import known_words

from .loader import load_corpus
from .queries import UNDERSTANDING, evaluate

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    return load_corpus()


def list_search(client, slugs, sort=None):
    def search(q):
        response = client.get("/opgaver/", {"q": q, **({"sorter": sort} if sort else {})})
        return [slugs[t.pk] for t in response.context["page"]]
    return search


def report(figures):
    print(json.dumps({k: v for k, v in figures.items() if k != "per_query"}, ensure_ascii=False))
    weak = {q: r for q, r in figures["per_query"].items() if r["recall"] < 1 or r["first"] != 1}
    print(json.dumps(weak, ensure_ascii=False))
    return weak


def test_search_finds_what_people_type(client, corpus):
    assert known_words(), "hunspell-da's word list is missing: make install (system-deps) installs it"
    figures = evaluate(list_search(client, corpus))
    weak = report(figures)
    assert figures["queries"] >= 40 + len(UNDERSTANDING)
    assert figures["zero_relevant"] == [], weak
    assert figures["recall_at_10"] >= 0.95, weak
    assert figures["mrr"] >= 0.95, weak
    assert figures["junk_results"] == 0, figures["junk"]


def test_newest_first_lists_only_tasks_that_match_well(client, corpus):
    """"Nyeste først" does not rank: a several-word search lists the tasks that meet every word (issue 28)."""
    figures = evaluate(list_search(client, corpus, sort="nyeste"))
    weak = report(figures)
    assert figures["recall_at_10"] >= 0.90, weak
    assert figures["junk_results"] == 0, figures["junk"]
