import pytest

from . import report
from .generate import generate


@pytest.fixture(scope="session")
def bench_data(django_db_setup, django_db_blocker):
    """The volumes of issue 8, generated once into the benchmark database (kept by --reuse-db)."""
    with django_db_blocker.unblock():
        result = generate(report=lambda line: print(f"  generate {line}", flush=True))
        if result.get("generated"):
            report.record("setup", "data generation", seconds=result["seconds"])
    return result


def pytest_sessionfinish(session, exitstatus):
    report.write_and_print()
