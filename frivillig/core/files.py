"""Upload validation and protected file serving.

Uploads are checked by content (magic bytes), not by the name the browser sent; images are re-encoded
without metadata; files are stored under MEDIA_ROOT (outside the web root) and served only through a
view that checked permission, as attachments.
"""

import io
import os

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# extension -> MIME types accepted for it, detected from the content
DOCUMENT_TYPES = {
    "pdf": {"application/pdf"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip"},
    "odt": {"application/vnd.oasis.opendocument.text", "application/zip"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet", "application/zip"},
}
IMAGE_TYPES = {"image/png", "image/jpeg"}


def validate_upload(upload, *, allowed: dict | None = None, max_bytes: int | None = None):
    """Raise ValidationError with a Danish message unless the upload is an allowed type (by content and
    by extension) within the size cap. Returns the detected MIME type."""
    allowed = allowed or DOCUMENT_TYPES
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("Filen er for stor (%(size)s). Den må højst fylde %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    ext = os.path.splitext(upload.name)[1].lower().lstrip(".")
    names = ", ".join(sorted(k.upper() for k in allowed))
    if ext not in allowed:
        raise ValidationError(_("Filtypen er ikke tilladt. Tilladte typer: %(types)s.") % {"types": names},
                              code="bad_type")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime not in allowed[ext]:
        raise ValidationError(
            _("Filens indhold passer ikke med typen %(ext)s. Tilladte typer: %(types)s.")
            % {"ext": ext.upper(), "types": names},
            code="disguised",
        )
    return mime


# Decoding an image takes memory by its pixels, not by its file size: a 73 KB PNG can be 9000 × 9000 pixels.
# The size in the header is checked before anything is decoded. 40 megapixels is far above any photo a citizen
# attaches (a 24-megapixel camera) and costs at most ~160 MB to re-encode.
MAX_IMAGE_PIXELS = 40_000_000


def _image_error():
    return ValidationError(
        _("Billedet er for stort (højst %(mp)s megapixel). Gem det i en mindre opløsning, og prøv igen.")
        % {"mp": MAX_IMAGE_PIXELS // 1_000_000}, code="too_many_pixels")


def strip_image_metadata(upload):
    """Re-encode a PNG/JPEG without metadata (EXIF, GPS, text chunks, ICC). Refuses images above MAX_IMAGE_PIXELS
    before decoding them. Returns a new in-memory upload."""
    from PIL import Image, UnidentifiedImageError

    upload.seek(0)
    try:
        with Image.open(upload) as img:  # reads the header only
            width, height = img.size
            if width * height > MAX_IMAGE_PIXELS:
                raise _image_error()
            fmt = img.format
            img.load()
            clean = Image.new(img.mode, img.size)
            clean.paste(img)  # pixels only: nothing of img.info (metadata) comes along
            if img.mode == "P" and img.getpalette():
                clean.putpalette(img.getpalette())
        out = io.BytesIO()
        clean.save(out, format=fmt)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _image_error() from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError(_("Billedet kan ikke læses. Prøv at gemme det igen som PNG eller JPEG."),
                              code="bad_image") from None
    size = out.tell()
    out.seek(0)
    mime = "image/png" if fmt == "PNG" else "image/jpeg"
    return InMemoryUploadedFile(out, "file", upload.name, mime, size, None)


def clean_upload(upload, **kwargs):
    """Validate and, for images, strip metadata. Use in a form's clean_<field>()."""
    if not upload:
        return upload
    mime = validate_upload(upload, **kwargs)
    if mime in IMAGE_TYPES:
        return strip_image_metadata(upload)
    return upload


def attachment_response(field_file, filename: str | None = None):
    """Serve a stored file as a download (Content-Disposition: attachment). Check permission first."""
    name = filename or os.path.basename(field_file.name)
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
