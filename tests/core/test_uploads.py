import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from frivillig.core.files import clean_upload


def jpeg_with_gps() -> bytes:
    img = Image.new("RGB", (8, 8), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "Kameraproducent"  # Make
    exif[0x8825] = {1: "N", 2: (55.0, 49.0, 0.0)}  # GPS info
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_images_are_re_encoded_without_metadata():
    data = jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif()  # the original carries EXIF
    cleaned = clean_upload(SimpleUploadedFile("foto.jpg", data, content_type="image/jpeg"))
    cleaned.seek(0)
    result = Image.open(cleaned)
    assert result.format == "JPEG" and result.size == (8, 8)
    assert not result.getexif()


@pytest.mark.parametrize("name,data,code", [
    ("script.html", b"<html>", "bad_type"),
    ("faktura.pdf", b"GIF89a not a pdf", "disguised"),
    ("billede.png", b"%PDF-1.4 pretending", "disguised"),
])
def test_uploads_refused_by_content_and_extension(name, data, code):
    with pytest.raises(ValidationError) as exc:
        clean_upload(SimpleUploadedFile(name, data))
    assert exc.value.code == code


CLEAN_IN_A_FRESH_PROCESS = """
import resource, sys, time
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from frivillig.core.files import clean_upload
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
try:
    clean_upload(SimpleUploadedFile("billede.png", data))
    result = "accepted"
except ValidationError as exc:
    result = exc.code
print(result, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024, time.monotonic() - started)
"""


def _clean_measured(tmp_path, image) -> tuple[str, int, float]:
    """Clean an upload in a fresh process: (result, extra peak memory in MB, seconds)."""
    import os
    import subprocess
    import sys

    path = tmp_path / "billede.png"
    image.save(path, format="PNG")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "frivillig.settings.test"}
    out = subprocess.run([sys.executable, "-c", CLEAN_IN_A_FRESH_PROCESS, str(path)], capture_output=True, text=True,
                         env=env, check=True, timeout=120).stdout.split()
    return out[0], int(out[1]), float(out[2])


def test_a_tiny_file_of_huge_dimensions_is_refused_before_decoding(tmp_path):
    """Pen-test row 8: a 9000 × 9000 PNG of a few KB would take gigabytes to re-encode."""
    bomb = Image.new("1", (9000, 9000))
    result, megabytes, seconds = _clean_measured(tmp_path, bomb)
    assert (tmp_path / "billede.png").stat().st_size < 100_000
    assert result == "too_many_pixels"
    assert megabytes < 20 and seconds < 1


def test_a_large_photo_is_re_encoded_in_bounded_memory(tmp_path):
    """5000 × 5000 (25 megapixels, allowed): 2 GB before, now about two copies of the pixels (75 MB each)."""
    result, megabytes, _seconds = _clean_measured(tmp_path, Image.new("RGB", (5000, 5000), (10, 120, 200)))
    assert result == "accepted"
    assert megabytes < 300
