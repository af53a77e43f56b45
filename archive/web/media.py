"""The role-checked media view: files no one reaches without login, that a browser may keep.

Every file is named by its content (the original's SHA-256), so a URL that carries that
name's version (``?v=``, from ``media_url``) always means the same bytes: it is served as
``immutable`` for a year, to the signed-in browser only (``private``). Without the version
the answer is kept five minutes. No storage call is made to check a file first: the name
recorded on the asset is trusted. A thumbnail or preview not made yet, or found missing when
opened, is never made here: the background worker is asked for it (archive/background.py)
and a "processing" placeholder answers meanwhile, kept by no one. The preview and the
original go only to those who may download the asset (``large_rendition_refusal``, which the
asset page asks too): others get the thumbnail.

On the filesystem Django streams the file (byte ranges for video players), or, with
``ARCHIVE_MEDIA_ACCEL_PREFIX`` set, hands it to nginx with ``X-Accel-Redirect``. On S3 the
browser is sent to a signed URL, reused from the cache while it has long to live.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET

from archive.ingest.renditions import stored_rendition
from archive.models import Asset
from archive.web.ranges import Unsatisfiable, parse_range, read_span

RENDITIONS = {"thumbnail", "preview", "original"}
VERSION_LENGTH = 16
YEAR = 365 * 24 * 3600
SHORT = 300


PLACEHOLDER = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240" viewBox="0 0 320 240">'
    b'<rect width="320" height="240" fill="#e4e4e4"/>'
    b'<text x="160" y="126" font-family="sans-serif" font-size="20" fill="#555" '
    b'text-anchor="middle">processing\xe2\x80\xa6</text></svg>'
)


def processing_placeholder() -> HttpResponse:
    """The picture shown for a rendition the worker has not made yet: 202, never cached."""
    response = HttpResponse(PLACEHOLDER, status=202, content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    response["Retry-After"] = "5"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def version(asset: Asset) -> str:
    return (asset.sha256 or "")[:VERSION_LENGTH]


def media_url(asset: Asset, rendition: str) -> str:
    """The URL of an asset's file that names its content, so browsers may keep it."""
    url = reverse("archive:asset-media", args=[asset.pk, rendition])
    return f"{url}?v={version(asset)}" if asset.sha256 else url


def signed_url(name: str) -> tuple[str, int]:
    """A signed URL for a stored file and the seconds it stays valid, reused from the cache.

    A URL is reused while more than half its life is left, so a page of thumbnails signs
    nothing it signed a moment ago and a browser may keep each redirect that long.
    """
    lifetime = settings.ARCHIVE_SIGNED_URL_SECONDS
    key = f"archive:signed:{name}"
    cached = cache.get(key)
    now = time.time()
    if cached is not None:
        url, expires = cached
        if expires - now > lifetime / 2:
            return url, int(expires - now)
    url = default_storage.url(name)
    expires = now + lifetime
    cache.set(key, (url, expires), timeout=max(int(lifetime / 2), 1))
    return url, lifetime


def download_refused(request: HttpRequest, asset_id: int) -> str:
    """Why this user may not download the asset, or "": a lease denying its use binds everyone
    but those who manage leases (archivists)."""
    from archive.rights import facts as rights

    if request.user.has_perm("archive.change_medialease"):
        return ""
    return rights.download_refusal(asset_id)


# Why someone whose role holds no download permission gets the thumbnail only.
ROLE_REFUSAL = "your role may not download pictures or videos"


def large_rendition_refusal(request: HttpRequest, asset_id: int) -> str:
    """Why this user may not have the asset's large renditions (the preview, the original and
    the downloads), or "". Whoever may not download an asset is shown it at thumbnail size
    only: pages and the media view both ask here."""
    if not request.user.has_perm("archive.download_original"):
        return ROLE_REFUSAL
    return download_refused(request, asset_id)


def refusal_response(reason: str, kind: str) -> HttpResponse:
    """The 403 of a refused download or preview, naming the asset by its kind."""
    noun = "video" if kind == Asset.Kind.VIDEO else "picture"
    return HttpResponse(
        f"This {noun} may not be downloaded: {reason}.", status=403, content_type="text/plain"
    )


def _cache_control(request: HttpRequest, asset: Asset) -> str:
    if asset.sha256 and request.GET.get("v") == version(asset):
        return f"private, max-age={YEAR}, immutable"
    return f"private, max-age={SHORT}"


def _open(asset: Asset, rendition: str, name: str):
    """Open a stored file; None when it is missing (a missing rendition is asked for)."""
    try:
        return name, default_storage.open(name, "rb")
    except FileNotFoundError:
        if rendition == "original":
            return None, None
    name = stored_rendition(asset, rendition)  # queues its remaking; never makes it here
    if name is None:
        return None, None
    return name, default_storage.open(name, "rb")


@require_GET
def asset_media(request: HttpRequest, pk: int, rendition: str) -> HttpResponse:
    """Serve an asset's file after checking the role: never from a public URL."""
    if rendition not in RENDITIONS:
        raise Http404("No such rendition.")
    if not request.user.has_perm("archive.view_asset"):
        return HttpResponse("You may not open this file.", status=403, content_type="text/plain")
    asset = get_object_or_404(
        Asset.objects.only(
            "id", "kind", "file", "thumbnail", "preview", "mime_type", "format", "sha256"
        ),
        pk=pk,
    )
    if rendition != "thumbnail":
        refused = large_rendition_refusal(request, pk)
        if refused:
            return refusal_response(refused, asset.kind)
    name = asset.file.name if rendition == "original" else getattr(asset, rendition)
    if not name:
        # Not made yet (or an old asset's preview, once made on first view): queued.
        name = stored_rendition(asset, rendition)
    if not name:
        if rendition != "original":
            return processing_placeholder()
        raise Http404("The file is missing from storage; run `manage.py fixity`.")
    etag = f'"{version(asset)}-{rendition}"'
    if asset.sha256 and etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
        response["ETag"] = etag
        response["Cache-Control"] = _cache_control(request, asset)
        return response

    if settings.ARCHIVE_STORAGE == "s3":
        url, seconds = signed_url(name)
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = f"private, max-age={max(seconds // 2, 0)}"
        return response

    content_type = asset.mime_type if rendition == "original" else "image/jpeg"
    extension = asset.format if rendition == "original" else "jpg"
    download_name = f"asset-{asset.pk}-{rendition}.{extension}"
    as_attachment = rendition == "original" and request.GET.get("inline") != "1"
    disposition = "attachment" if as_attachment else "inline"
    prefix = settings.ARCHIVE_MEDIA_ACCEL_PREFIX
    if prefix:
        # nginx sends the file (ranges included) from its internal location.
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{name}"
        response["Content-Disposition"] = f'{disposition}; filename="{download_name}"'
    else:
        name, handle = _open(asset, rendition, name)
        if handle is None and rendition != "original":
            return processing_placeholder()
        if handle is None:
            raise Http404("The file is missing from storage; run `manage.py fixity`.")
        response = _stream(request, handle, content_type, as_attachment, download_name)
        if response.status_code == 416:
            return response
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Cache-Control"] = _cache_control(request, asset)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _stream(request, handle, content_type, as_attachment, download_name) -> HttpResponse:
    """The whole file, or the byte range asked for (a video player seeking)."""
    size = handle.size
    try:
        span = parse_range(request.headers.get("Range"), size)
    except Unsatisfiable:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if span is None:
        return FileResponse(
            handle, content_type=content_type, as_attachment=as_attachment, filename=download_name
        )
    start, end = span
    response = StreamingHttpResponse(
        read_span(handle, start, end), status=206, content_type=content_type
    )
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(end - start + 1)
    disposition = "attachment" if as_attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{download_name}"'
    return response
