"""The Culture department is "Kulturområdet" in the municipality's own documents (seed 002): the portal never
says "Kulturforvaltningen" — not on a page, in an e-mail, a PDF, a message or the demo data."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "node_modules", "locale", "migrations", ".devdata", ".git", "bench-results", "media", "staticfiles"}
OLD = "kulturforvaltning"


def test_no_source_file_calls_the_department_kulturforvaltningen():
    found = []
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if SKIP & set(rel.parts) or path.name == Path(__file__).name or not path.is_file():
            continue
        if path.suffix in {".py", ".html", ".txt", ".yaml", ".yml", ".md", ".json", ".js", ".css"}:
            text = path.read_text(errors="ignore").lower()
            found += [f"{rel}:{n}" for n, line in enumerate(text.splitlines(), 1) if OLD in line]
    assert found == []
