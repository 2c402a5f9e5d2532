"""The shape every who-may rule takes: a named check answering (allowed, reason), one require(), one template tag."""

import pytest
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.test import RequestFactory

from frivillig.core.workflow import CHECKS, Verdict, require, rule


@rule("Kun testere må.")
def is_tester(actor, obj=None) -> bool:
    return getattr(actor, "name", "") == "tester"


@rule("Standard.")
def open_only(actor, obj=None):
    return Verdict(False, "Sagen er lukket.") if obj == "closed" else True


class Person:
    def __init__(self, name):
        self.name = name


def test_a_rule_answers_allowed_and_reason():
    assert is_tester(Person("tester")) == Verdict(True, "")
    verdict = is_tester(Person("other"))
    assert not verdict and verdict.reason == "Kun testere må."
    assert open_only(None, "closed").reason == "Sagen er lukket."
    assert open_only(None, "open")


def test_require_raises_the_rules_danish_reason():
    require(is_tester, Person("tester"))
    with pytest.raises(PermissionDenied, match="Kun testere må."):
        require(is_tester, Person("other"))


def test_rules_are_registered_by_app_and_name_and_asked_from_templates():
    assert CHECKS["test_rules.is_tester"] is is_tester
    request = RequestFactory().get("/")
    request.user = Person("tester")
    html = Template('{% load workflow %}{% may "test_rules.is_tester" as ok %}{% if ok %}ja{% else %}nej{% endif %}')
    assert html.render(Context({"request": request})) == "ja"
    request.user = Person("other")
    assert html.render(Context({"request": request})) == "nej"
