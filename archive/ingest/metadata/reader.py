"""The public entry point: read a file's blocks and reconcile them."""

from __future__ import annotations

import io
import warnings as pywarnings
from typing import TYPE_CHECKING, Any

from archive.ingest.metadata.common import _Warnings
from archive.ingest.metadata.containers import _find_blocks, _sniff_format
from archive.ingest.metadata.exif import _read_exif
from archive.ingest.metadata.iptc import _read_iptc
from archive.ingest.metadata.reconcile import _reconcile
from archive.ingest.metadata.record import EmbeddedMetadata
from archive.ingest.metadata.xmp import _read_xmp

if TYPE_CHECKING:  # pragma: no cover
    from PIL import Image as PILImage


def read_metadata(data: bytes, image: PILImage.Image | None = None) -> EmbeddedMetadata:
    """Read the IPTC, XMP and EXIF in ``data`` (the whole file) and reconcile them.

    ``image`` is an already-opened Pillow image of the same bytes, if the caller has one; its
    pixels are never loaded. Never raises: damaged blocks are skipped with a warning.
    """
    result = EmbeddedMetadata()
    warnings = _Warnings()
    try:
        _read_into(result, data, image, warnings)
    except Exception as exc:  # noqa: BLE001 - the reader must never raise
        warnings.add(
            f"The metadata could not be read completely ({type(exc).__name__}); "
            "what was read before the problem is kept."
        )
    result.warnings = warnings.items
    return result


def _read_into(result: EmbeddedMetadata, data: Any, image: Any, warnings: _Warnings) -> None:
    if data is None:
        data = b""
    if not isinstance(data, bytes):
        try:
            data = bytes(data)
        except Exception:  # noqa: BLE001
            warnings.add("The file's contents could not be read as bytes.")
            data = b""
    if not data:
        warnings.add("The file is empty: there is no metadata to read.")
        result.raw = {"iptc": {}, "xmp": {}, "exif": {}}
        return

    own_image = False
    if image is None:
        image, own_image = _open_image(data, warnings), True
    try:
        found = _find_blocks(data, image, warnings)
        iptc = _read_iptc(found, warnings)
        xmp = _read_xmp(found.xmp_packet, warnings)
        exif = _read_exif(found, image, warnings)
        result.raw = {"iptc": iptc.raw, "xmp": xmp, "exif": exif.raw}
        _reconcile(result, iptc, xmp, exif, warnings)
    finally:
        if own_image and image is not None:
            try:
                image.close()
            except Exception:  # noqa: BLE001
                pass


def _open_image(data: bytes, warnings: _Warnings) -> Any:
    try:
        from PIL import Image
    except Exception:  # noqa: BLE001  # pragma: no cover
        return None
    try:
        with pywarnings.catch_warnings():
            # Pillow parses the EXIF on open and complains about damage; the EXIF reader
            # parses it again and reports it in words.
            pywarnings.simplefilter("ignore")
            return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        warnings.add(
            "The image declares dimensions too large to be safe (a possible decompression "
            "bomb); only the metadata blocks were read."
        )
    except Exception:  # noqa: BLE001
        if not _sniff_format(data):
            warnings.add("The file is not a recognised image format; no metadata was found.")
        else:
            warnings.add("The image could not be opened; its metadata blocks were read directly.")
    return None
