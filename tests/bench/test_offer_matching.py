"""`make bench`: the judged set of "Opgaver til dig" (tests/volunteers/judged_set.py) — the share of profiles whose
top three suggestions fit, and the mean precision of the top three. Ranked among the judged tasks only, so the
figure does not depend on the benchmark's generated tasks."""

import pytest

from tests.volunteers.judged_set import evaluate

from . import report

pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def test_opgaver_til_dig_judged_set():
    result = evaluate()
    print(f"\n  Opgaver til dig, judged set: {result['served']}/{result['profiles']} profiles served by their top 3 "
          f"(share {result['share_served']}), precision@3 {result['precision_at_3']}")
    report.record("quality", "Opgaver til dig: profiles whose top 3 fit", share=result["share_served"],
                  precision_at_3=result["precision_at_3"])
    assert result["share_served"] >= 0.7
