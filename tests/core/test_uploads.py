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
