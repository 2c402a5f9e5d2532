"""Exchange with the national portals without network calls: Frivilligjob.dk fields and copy-ready text per task,
and offers imported from a file into the public directory, de-duplicated, with their source shown."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from taskbank import exchange
from taskbank.models import DirectoryOffer

pytestmark = pytest.mark.django_db

CSV = ("forening;titel;beskrivelse;by;hjemmeside;id\n"
       "Holte Roklub;Rotur for seniorer;Ro med os om onsdagen;Holte;https://holteroklub.example;sk-1\n"
       "Nærum Spejderne;Hjælpere til sommerlejr;Vi mangler ledere;Nærum;javascript:alert(1);sk-2\n").encode()


def test_frivilligjob_fields_and_copy_ready_text(client, task, institution_staff):
    client.force_login(institution_staff)
    html = client.get(f"/medarbejder/opgaver/{task.pk}/frivilligjob/").content.decode()
    assert "Ansøgningsfrist" in html and task.title in html and "Plejecenter Skovly" in html
    text = exchange.copy_ready_text(task)
    assert f"Søg her: http://testserver{task.get_absolute_url()}" in text or task.get_absolute_url() in text
    assert task.contact.email not in text


def test_frivilligjob_export_is_not_for_others(client, task, other_institution_staff):
    client.force_login(other_institution_staff)
    assert client.get(f"/medarbejder/opgaver/{task.pk}/frivilligjob/").status_code == 404


def test_import_from_csv_deduplicates_and_shows_source(client, culture_admin):
    client.force_login(culture_admin)
    response = client.post("/medarbejder/foreningstilbud/import/", {
        "source": "Socialkompas", "file": SimpleUploadedFile("tilbud.csv", CSV, content_type="text/csv")}, follow=True)
    assert "2 nye tilbud, 0 opdateret, 0 dubletter" in response.content.decode()
    # The same file again updates; the same offer from another source is a duplicate.
    client.post("/medarbejder/foreningstilbud/import/", {
        "source": "Socialkompas", "file": SimpleUploadedFile("tilbud.csv", CSV, content_type="text/csv")})
    rows = [{"forening": "Holte Roklub", "titel": "Rotur for seniorer!", "by": "Holte"},
            {"forening": "Birkerød Strikkeklub", "titel": "Strik til nyfødte"}]
    counts = exchange.import_offers(actor=culture_admin, rows=exchange.parse_offers(json.dumps(rows).encode(), "fc.json"),
                                    source="Frivilligcentret")
    assert counts == {"created": 1, "updated": 0, "duplicates": 1}
    assert DirectoryOffer.objects.count() == 3
    assert DirectoryOffer.objects.get(title="Hjælpere til sommerlejr").url == ""  # only http(s) links kept
    client.logout()
    html = client.get("/foreninger/").content.decode()
    assert "Rotur for seniorer" in html and "Kilde: Socialkompas" in html and "Kilde: Frivilligcentret" in html


def test_import_command_reads_a_file(tmp_path):
    path = tmp_path / "tilbud.csv"
    path.write_bytes(CSV)
    call_command("import_offers", str(path), source="Socialkompas")
    assert DirectoryOffer.objects.filter(source="Socialkompas").count() == 2


def test_only_culture_admin_and_volunteer_centre_import(client, association_rep):
    client.force_login(association_rep)
    assert client.get("/medarbejder/foreningstilbud/import/").status_code == 403
    with pytest.raises(PermissionDenied):
        exchange.import_offers(actor=association_rep, rows=[], source="x")


def test_bad_file_is_refused_next_to_the_field(client, culture_admin):
    client.force_login(culture_admin)
    response = client.post("/medarbejder/foreningstilbud/import/", {
        "source": "X", "file": SimpleUploadedFile("tilbud.json", b"{not json", content_type="application/json")})
    assert "Filen er ikke gyldig JSON." in response.content.decode()
