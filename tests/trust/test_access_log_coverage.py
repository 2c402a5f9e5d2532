"""Invariant: every page or file that shows staff a citizen's personal data writes an access-log row
(frivillig.core.audit.log_access). Every URL pattern of the URLconf is requested as each staff persona, with the
permission matrix's world of data present; any answer that holds a citizen's name or e-mail (in the HTML, a CSV, an
XLSX or a PDF's text) must have logged that citizen, for that URL (pen-test row 7)."""

import io
import subprocess
import tempfile

import pytest

from frivillig.core.models import PersonalDataAccess
from tests.trust.test_permission_matrix import world  # noqa: F401
from tests.trust.test_second_factor_everywhere import every_url, examples  # noqa: F401

pytestmark = pytest.mark.django_db

STAFF = ["culture_admin", "institution_staff", "steering_member", "network_member"]


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if body.startswith(b"%PDF"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(body)
            f.flush()
            return subprocess.run(["pdftotext", f.name, "-"], capture_output=True, text=True).stdout
    if "spreadsheet" in kind:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(body)).active
        return " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    return body.decode("utf-8", errors="ignore")


@pytest.mark.parametrize("persona", STAFF)
def test_every_staff_view_showing_a_citizen_logs_the_access(client, request, examples, persona, citizen):  # noqa: F811
    staff = request.getfixturevalue(persona)
    client.force_login(staff)
    unlogged, shown = [], 0
    for name, url in every_url(examples):
        if name.startswith(("admin:", "account_", "mfa_", "socialaccount_")) or name in ("account_logout",):
            continue
        for full in (url, url + "?download=1") if name == "core:document" else (url,):
            before = PersonalDataAccess.objects.filter(actor=staff, subject=citizen).count()
            response = client.get(full)
            if response.status_code != 200:
                continue
            text = _text(response)
            if citizen.full_name in text or citizen.email in text:
                shown += 1
                if PersonalDataAccess.objects.filter(actor=staff, subject=citizen).count() == before:
                    unlogged.append(f"{name} {full}")
    assert not unlogged, "\n".join(unlogged)
    if persona == "culture_admin":
        assert shown >= 8  # the grant cases, exports, documents, ideas, hearings … were really looked at
