import pytest

from .judged_set import evaluate

pytestmark = pytest.mark.django_db


def test_top_three_suggestions_fit_for_most_profiles():
    result = evaluate()
    print(result)
    assert result["share_served"] >= 0.7, result
