import pytest

from policy.seed import load_reference


@pytest.fixture
def policy_content(db):
    load_reference()
