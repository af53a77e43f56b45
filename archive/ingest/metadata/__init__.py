"""Read the captions, credits and rights embedded in an image file.

Three blocks can carry the same facts: IPTC IIM (in a JPEG's Photoshop APP13 segment or a
TIFF tag), XMP (an RDF/XML packet) and EXIF. They often disagree, so the values are reconciled
the way the Metadata Working Group recommends and exiftool's MWG module implements it
(``exiftool -use MWG``, ``lib/Image/ExifTool/MWG.pm``):

* EXIF (read as UTF-8) first where the field exists in EXIF and is not blank;
* otherwise XMP, unless there is no XMP or the IPTC was changed after the XMP was written
  (a stored Photoshop IPTCDigest no longer matches the IPTC block);
* then IPTC, recovering the full XMP value where the IPTC one is a copy cut at the IIM
  length limit.

Beyond exiftool: when the chosen IPTC text declares no character set and is not valid
UTF-8, and the XMP holds the same text read under a legacy code page (Latin-1, cp1252, Mac
Roman), the XMP text is taken. Line endings are normalised to LF and trailing whitespace is
stripped in the reconciled values.

The reader is pure Python, never raises and never decodes pixel data: damaged blocks are
skipped with a human-readable warning.
"""

from archive.ingest.metadata.reader import read_metadata
from archive.ingest.metadata.record import EmbeddedMetadata

__all__ = ["EmbeddedMetadata", "read_metadata"]
