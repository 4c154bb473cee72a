"""Turning an uploaded picture into a small, clean avatar.

The picture is decoded and drawn again from its pixels, so nothing of the
original file survives: no EXIF, no GPS position, no camera serial, no hidden
payload after the image data.
"""

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from community.errors import ValidationFailed
from community.i18n import N_

ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
# A small file can still claim a gigantic canvas (a decompression bomb).
MAX_PIXELS = 40_000_000
OUTPUT_MIME = "image/jpeg"


def reencode_avatar(upload: bytes, *, max_bytes: int, size_px: int) -> bytes:
    """A square JPEG of ``size_px`` pixels made from ``upload``, without metadata.

    Raises ValidationFailed (field ``avatar``) when the upload is too big, is not
    an image, or is an image in a format we do not take.
    """
    if len(upload) > max_bytes:
        raise ValidationFailed(
            N_("The picture is too big. The limit is %(mb)d MB."),
            field="avatar",
            mb=max_bytes // (1024 * 1024),
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(upload)) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise ValidationFailed(
                        N_("Use a JPEG, PNG, GIF or WebP picture."), field="avatar"
                    )
                if probe.width * probe.height > MAX_PIXELS:
                    raise ValidationFailed(N_("The picture has too many pixels."), field="avatar")
                probe.verify()
            with Image.open(io.BytesIO(upload)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                picture = _flatten(image)
    except ValidationFailed:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise ValidationFailed(
            N_("This file is not a picture we can read."), field="avatar"
        ) from exc
    square = ImageOps.fit(picture, (size_px, size_px), method=Image.Resampling.LANCZOS)
    out = io.BytesIO()
    square.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    """An RGB copy; transparency becomes white."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
