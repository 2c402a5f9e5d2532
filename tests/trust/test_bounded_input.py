"""Bounded input everywhere (issue 26, rows 6–8): whatever size, depth or byte a client sends, the answer is a
Danish refusal (400, or the form again with the error), never a 500.

- the API's paging takes ``limit`` 1–100 and ``offset`` up to 100.000, on every paged endpoint (found from the
  API's own routes, not listed);
- the directory import refuses a CSV whose delimiter cannot be sniffed, JSON nested deeper than Python can
  parse, nested values, a field of more than 4.000 characters and more than 5.000 rows, each with a Danish
  sentence next to the file field;
- a NUL byte anywhere in the request (path, query, header, form, JSON body) is a 400 for every URL pattern.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

IMPORT = "/medarbejder/foreningstilbud/import/"


def _paged_api_paths() -> list[str]:
    from taskbank.api import api

    paths = []
    for prefix, router in api._routers:
        for path, operations in router.path_operations.items():
            if "{" not in path and any("limit" in str(op.view_func.__dict__) or getattr(op, "response_models", None)
                                       for op in operations.operations):
                paths.append("/api" + (prefix or "") + "/" + path.lstrip("/"))
    return sorted({p.replace("//", "/") for p in paths})


def test_api_paging_is_bounded_on_every_list_endpoint(client):
    paths = _paged_api_paths()
    assert {"/api/opgaver", "/api/arrangementer"} <= set(paths)
    huge = str(2**63 + 1)
    for path in paths:
        if client.get(path).status_code != 200:
            continue  # not a list endpoint (e.g. the OpenAPI document is JSON of another shape)
        for query in (f"limit={huge}", f"offset={huge}", "offset=100001", "limit=101", "limit=0", "offset=-1",
                      f"limit=1&offset={huge}"):
            response = client.get(f"{path}?{query}")
            assert response.status_code == 400, (path, query, response.status_code)
        assert client.get(f"{path}?limit=100&offset=100000").status_code == 200


@pytest.mark.parametrize(("name", "content", "message"), [
    ("tilbud.csv", b"forening titel beskrivelse\nabc def ghi\n", "Filen kunne ikke læses som CSV"),
    ("tilbud.csv", b"forening,titel\nHolte Roklub," + b"x" * 200_000 + b"\n", "Filen kunne ikke læses som CSV"),
    ("tilbud.csv", b"forening,titel\nHolte Roklub," + b"x" * 5_000 + b"\n", "mere end 4.000 tegn"),
    ("tilbud.json", b"[" * 100_000 + b"]" * 100_000, "Filen er ikke gyldig JSON."),
    ("tilbud.json", json.dumps([{"forening": {"a": [1]}, "titel": "x"}]).encode(), "ikke lister eller objekter"),
    ("tilbud.json", json.dumps([{"forening": "F", "titel": "x" * 5000}]).encode(), "mere end 4.000 tegn"),
    ("tilbud.json", json.dumps([{"forening": "F", "titel": str(i)} for i in range(5001)]).encode(),
     "højst have 5.000 tilbud"),
])
def test_a_malformed_import_is_refused_in_danish(client, culture_admin, name, content, message):
    client.force_login(culture_admin)
    response = client.post(IMPORT, {"source": "X", "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_nul_byte_in_the_path_is_a_400_for_every_url_pattern(client):
    from tests.trust.test_url_walk import _patterns, _synthesise

    paths = {"/opgaver/afmeld/%00/", "/%00"}
    for route, _pattern in _patterns():
        path = _synthesise(route)
        paths.add(path.replace("ukendt", "%00", 1).replace("999999", "9%009", 1) if path.count("ukendt") + path.count("999999")
                  else path.rstrip("/") + "/%00/")
    for path in sorted(paths):
        response = client.get(path)
        assert response.status_code == 400, (path, response.status_code)
    assert "Forespørgslen kunne ikke læses" in client.get("/opgaver/afmeld/%00/").content.decode()


def test_a_nul_byte_in_a_header_or_json_body_is_a_400(client):
    assert client.get("/opgaver/", HTTP_USER_AGENT="a\x00b").status_code == 400
    assert client.post("/api/opgaver", data='{"q": "a\\u0000"}', content_type="application/json").status_code == 400
