"""The JSON API (django-ninja): assets with the search page's filters, and claims (read only);
the pre-publication check's operation is in ``archive.web.api_checks``, loaded at the end.

Login by session or by an API token (``Authorization: Bearer ...``, made in the admin; the
call acts as the token's user): anonymous callers and unknown or revoked tokens get ``401``
JSON (the URLs are exempt from the login middleware's redirect); users without the view
permission get ``403``; callers over ``ARCHIVE_API_THROTTLE_RATE`` get ``429``. The filters
are the search's words (``credit=getty`` means what ``credit:getty`` means there); every
status an operation answers is in the schema with its body; ``/api/docs`` shows the schema
(Swagger UI, served from our static files, behind the login page).
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from ninja import Field, NinjaAPI, Path, Query, Schema, Swagger
from ninja.errors import HttpError
from ninja.security import SessionAuth
from pydantic import ConfigDict

from archive import audit
from archive.audit import LICENCE_STATUS_LABELS
from archive.models import Asset, Claim
from archive.models.assets import is_locations
from archive.provenance import DATA_MINING_BY_CODE, DIGITAL_SOURCE_TYPE_BASE, SOURCE_TYPE_BY_CODE
from archive.rights import facts as rights
from archive.rights.forms import UsabilityForm
from archive.rights.media import MEDIA
from archive.roles import user_role
from archive.search import (
    LICENCE_STATUSES,
    ParsedQuery,
    SearchFilters,
    result_queryset,
    search_assets,
)
from archive.search.query import parse_field
from archive.search.service import CLAIM_STATUSES, claims_by_claimant, field_condition
from archive.text import MAX_ID
from archive.tokens import BearerTokenAuth
from archive.web.media import media_url
from archive.web.throttling import api_throttle

PER_PAGE = 50


def json_login_required(view):
    """Answer anonymous callers with 401 JSON instead of a redirect to the login page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"detail": "Log in first (session login)."}, status=401)
        return view(request, *args, **kwargs)

    return wrapper


class LoggedInSessionAuth(SessionAuth):
    """A session login whose CSRF token is checked on writes (Django checks no token on a
    GET); a caller with no session gets 401, as elsewhere in the API, not the CSRF check's
    403. With it the docs page hands Swagger UI the token, so "Try it out" can POST."""

    def __call__(self, request: HttpRequest):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


api = NinjaAPI(
    title="Caption Archive API",
    version="1",
    description="Assets with their credit line, captions, licence status and claims (read "
    "only), and the pre-publication check of a draft article (POST).",
    auth=[BearerTokenAuth(), LoggedInSessionAuth(csrf=True)],
    throttle=api_throttle(),
    urls_namespace="api",
    docs_url="/docs",
    # Swagger UI from django-ninja's own static files (no CDN, no inline script); no
    # validator badge, which would load an image from elsewhere.
    docs=Swagger(settings={"validatorUrl": None}),
    docs_decorator=json_login_required,
)


@api.exception_handler(RequestDataTooBig)
def body_too_large(request: HttpRequest, exc: RequestDataTooBig):
    """A JSON body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (a draft near the 10 MB a draft may be,
    once quoted as JSON): 413 saying so, not Django's bare "Bad Request" page."""
    limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    return api.create_response(
        request,
        {"detail": f"The request's body is over {limit}, the most one may carry."},
        status=413,
    )


class ErrorOut(Schema):
    detail: str = Field(description="What was wrong, in words for a person.")


class ValidationIssue(Schema):
    model_config = ConfigDict(extra="allow")

    type: str
    loc: list[str | int] = Field(description='Where: e.g. ["query", "page"].')
    msg: str


class ValidationErrorOut(Schema):
    detail: list[ValidationIssue]


# What every operation may answer besides 200; 400 and 404 only where the operation says so.
REFUSALS = {
    401: ErrorOut,  # not logged in
    403: ErrorOut,  # the role may not read this
    422: ValidationErrorOut,  # a parameter of the wrong type or out of range
    429: ErrorOut,  # over ARCHIVE_API_THROTTLE_RATE
}


class ClaimRef(Schema):
    id: int
    text: str
    claimant: str
    status: str


class DigitalSourceOut(Schema):
    code: str = Field(
        description="The IPTC Digital Source Type code, e.g. trainedAlgorithmicMedia."
    )
    uri: str
    label: str
    group: str = Field(description="photo, edited, composite, ai-generated, ai-edited or other.")


class AiOut(Schema):
    system: str
    system_version: str
    prompt: str
    prompt_writer: str


class DataMiningOut(Schema):
    code: str = Field(description="The PLUS Data Mining code, e.g. DMI-PROHIBITED-AIMLTRAINING.")
    label: str
    forbids_ai_training: bool


class LicensorOut(Schema):
    name: str
    url: str


class LocationOut(Schema):
    sublocation: str
    city: str
    province_state: str
    country: str
    country_code: str


class C2paActionOut(Schema):
    action: str = Field(description="The C2PA action, e.g. c2pa.created, c2pa.edited.")
    digital_source_type: str = Field(description="Its IPTC Digital Source Type code, if any.")
    software_agent: str


class C2paFailureOut(Schema):
    code: str = Field(description="The C2PA validation code, e.g. assertion.dataHash.mismatch.")
    reason: str


class ContentCredentialsOut(Schema):
    state: str = Field(
        description="none, trusted (valid, signer trusted), untrusted (valid, signer not "
        "trusted), invalid, or empty: not checked."
    )
    label: str
    signer: str
    issuer: str
    signed_at: str
    claim_generator: str
    actions: list[C2paActionOut]
    failures: list[C2paFailureOut]
    ingredient_count: int


class AssetOut(Schema):
    id: int
    kind: str
    title: str
    caption: str
    credit: str | None
    credit_line: str
    creator: str
    copyright_notice: str
    source: str
    digital_source_type: DigitalSourceOut | None
    ai: AiOut
    data_mining: DataMiningOut | None
    other_constraints: str
    licensor: LicensorOut = Field(description="The licensor embedded in the file (PLUS).")
    copyright_owner: str
    image_supplier: str
    web_statement: str
    usage_terms: str
    alt_text: str
    extended_description: str
    persons_shown: list[str]
    location_shown: LocationOut
    other_locations_shown: list[LocationOut] = Field(
        description="Every other IPTC Location Shown the file gave, in order."
    )
    content_credentials: ContentCredentialsOut
    width: int | None
    height: int | None
    sha256: str
    licence_status: str = Field(description=f"One of {', '.join(LICENCE_STATUSES)}.")
    licence_status_label: str = Field(
        description="The status in the words of the site and the licence report, e.g. "
        "“Licence expiring soon”."
    )
    licence_findings: list[str]
    claims: list[ClaimRef]
    thumbnail_url: str | None
    detail_url: str


class AssetPage(Schema):
    count: int
    count_estimated: bool = Field(
        description="True when count (and so num_pages) is an estimate from a sample: searches "
        "with more hits than ARCHIVE_SEARCH_EXACT_LIMIT."
    )
    page: int
    num_pages: int
    ranked: bool
    messages: list[str]
    results: list[AssetOut]


class ClaimOut(Schema):
    id: int
    text: str
    claimant: str
    figure: str | None
    figure_high: str | None
    unit: str
    status: str
    article_id: int | None
    asset_ids: list[int]
    detail_url: str


class ClaimPage(Schema):
    count: int
    page: int
    num_pages: int
    results: list[ClaimOut]


class MeOut(Schema):
    username: str
    role: str | None = Field(description="archivist, journalist or auditor.")
    permissions: list[str] = Field(description="What the caller may do, e.g. archive.view_asset.")


def require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise HttpError(403, "Your role may not read this.")


def asset_json(asset: Asset, findings: dict[int, list] | None = None) -> dict:
    """Return an asset as the API shows it (fetched with ``result_queryset``).

    ``licence_findings`` are the licence audit's findings (its rules, as on the report).
    """
    # The caption as catalogued, else the first printed (``Asset.current_caption``, from the
    # placements fetched with the page in publication order).
    placements = [p for p in asset.placements.all() if p.caption]
    return {
        "id": asset.pk,
        "kind": asset.kind,
        "title": asset.title,
        "caption": asset.description
        if asset.description.strip()
        else (placements[0].caption if placements else ""),
        "credit": asset.credit.name if asset.credit_id else None,
        "credit_line": asset.credit_line,
        "creator": asset.creator,
        "copyright_notice": asset.copyright_notice,
        "source": asset.source,
        **provenance_json(asset),
        "width": asset.width,
        "height": asset.height,
        "sha256": asset.sha256,
        "licence_status": asset.licence_status,
        "licence_status_label": LICENCE_STATUS_LABELS.get(asset.licence_status, ""),
        "licence_findings": [finding.kind for finding in (findings or {}).get(asset.pk, [])],
        "claims": [
            {
                "id": link.claim_id,
                "text": link.claim.text,
                "claimant": link.claim.claimant,
                "status": link.claim.status,
            }
            for link in asset.illustrations.all()
        ],
        "thumbnail_url": media_url(asset, "thumbnail") if asset.thumbnail else None,
        "detail_url": asset.get_absolute_url(),
    }


def provenance_json(asset: Asset) -> dict:
    """Return how the asset was made, its rights holders, data mining terms and what it shows."""
    source = SOURCE_TYPE_BY_CODE.get(asset.digital_source_type)
    mining = DATA_MINING_BY_CODE.get(asset.data_mining)
    return {
        "digital_source_type": {
            "code": source.code,
            "uri": DIGITAL_SOURCE_TYPE_BASE + source.code,
            "label": source.label,
            "group": source.group,
        }
        if source
        else None,
        "ai": {
            "system": asset.ai_system,
            "system_version": asset.ai_system_version,
            "prompt": asset.ai_prompt,
            "prompt_writer": asset.ai_prompt_writer,
        },
        "data_mining": {
            "code": mining.code,
            "label": mining.label,
            "forbids_ai_training": mining.forbids_ai_training,
        }
        if mining
        else None,
        "other_constraints": asset.other_constraints,
        "licensor": {"name": asset.licensor_name, "url": asset.licensor_url},
        "copyright_owner": asset.copyright_owner,
        "image_supplier": asset.image_supplier,
        "web_statement": asset.web_statement,
        "usage_terms": asset.usage_terms,
        "alt_text": asset.alt_text,
        "extended_description": asset.extended_description,
        "persons_shown": [str(name) for name in asset.persons_shown or [] if name],
        "location_shown": {
            "sublocation": asset.location_sublocation,
            "city": asset.location_city,
            "province_state": asset.location_state,
            "country": asset.location_country,
            "country_code": asset.location_country_code,
        },
        "other_locations_shown": [
            {
                "sublocation": place.get("sublocation", ""),
                "city": place.get("city", ""),
                "province_state": place.get("state", ""),
                "country": place.get("country", ""),
                "country_code": place.get("country_code", ""),
            }
            for place in (
                asset.other_locations_shown if is_locations(asset.other_locations_shown) else []
            )
        ],
        "content_credentials": content_credentials_json(asset),
    }


def content_credentials_json(asset: Asset) -> dict:
    """Return the asset's Content Credentials (C2PA) as the asset page shows them."""
    summary = asset.c2pa_summary if isinstance(asset.c2pa_summary, dict) else {}
    actions = summary.get("actions") if isinstance(summary.get("actions"), list) else []
    return {
        "state": asset.c2pa_state,
        "label": asset.c2pa_state_label,
        **{
            name: str(summary.get(name) or "")
            for name in ("signer", "issuer", "signed_at", "claim_generator")
        },
        "actions": [
            {
                "action": str(action.get("action") or ""),
                "digital_source_type": str(action.get("digital_source_type") or ""),
                "software_agent": str(action.get("software_agent") or ""),
            }
            for action in actions
            if isinstance(action, dict)
        ],
        "failures": [
            {"code": str(f.get("code") or ""), "reason": str(f.get("reason") or "")}
            for f in asset.c2pa_failures
        ],
        "ingredient_count": int(summary.get("ingredient_count") or 0),
    }


@api.get(
    "/assets",
    response={200: AssetPage, 400: ErrorOut, 404: ErrorOut, **REFUSALS},
    summary="Search assets",
)
def list_assets(
    request: HttpRequest,
    q: str = Query("", description="The search's query language, as on /search/."),
    credit: str = Query(
        "", description="As the search's credit: (a name or an alias); a number is a credit id."
    ),
    kind: str = Query("", description="As the search's kind: (photo, video, still, ...)."),
    licence_status: str = Query(
        "", description=f"As the search's status: ({', '.join(LICENCE_STATUSES)})."
    ),
    claimant: str = Query("", description="As the search's claimant: (words of the name)."),
    claim_status: str = Query(
        "", description=f"As the search's status: ({', '.join(CLAIM_STATUSES)})."
    ),
    source_type: str = Query("", description="As the search's source_type: (e.g. ai)."),
    data_mining: str = Query("", description="As the search's data_mining: (e.g. prohibited)."),
    claim: int | None = Query(None, ge=1, le=MAX_ID),
    article: int | None = Query(None, ge=1, le=MAX_ID),
    page: int = Query(1, le=MAX_ID),
):
    """Search assets with the search page's query language and filters, 50 a page."""
    require(request, "archive.view_asset")
    if licence_status and licence_status.strip().lower() not in LICENCE_STATUSES:
        raise HttpError(400, f"licence_status must be one of {', '.join(LICENCE_STATUSES)}.")
    if claim_status and claim_status.strip().lower() not in CLAIM_STATUSES:
        raise HttpError(400, f"claim_status must be one of {', '.join(CLAIM_STATUSES)}.")
    credit = credit.strip()
    words = [
        search_words(field, value)
        for field, value in (
            ("credit", "" if credit.isdigit() else credit),
            ("kind", kind),
            ("status", licence_status),
            ("status", claim_status),
            ("claimant", claimant),
            ("source_type", source_type),
            ("data_mining", data_mining),
        )
        if value.strip()
    ]
    filters = SearchFilters(credit=credit if credit.isdigit() else "", claim=claim, article=article)
    check_page(page)
    results = search_assets(q, filters, page=page, per_page=PER_PAGE, with_facets=False, also=words)
    check_page(page, results.num_pages)
    findings = audit.findings_for_assets(asset.pk for asset in results.assets)
    return {
        "count": results.total,
        "count_estimated": results.estimated,
        "page": results.page,
        "num_pages": results.num_pages,
        "ranked": results.ranked,
        "messages": results.messages,
        "results": [asset_json(asset, findings) for asset in results.assets],
    }


def search_words(field_name: str, value: str) -> ParsedQuery:
    """Parse a filter parameter as the search's ``field:value``; refuse (400) a value the
    search would leave out, with the search's own message."""
    parsed = parse_field(field_name, value)
    messages: list[str] = []
    for term in parsed.filters:
        if field_condition(term, messages, None) is None:
            raise HttpError(400, messages[-1])
    if not parsed.terms and not parsed.filters:
        raise HttpError(400, f"“{field_name}:{value.strip()}” has no words to search for.")
    return parsed


def check_page(page: int, num_pages: int | None = None) -> None:
    """Refuse a page number below 1 (400) or past the last page (404), so that a client
    paging until it runs out stops, instead of being handed a page it already has."""
    if page < 1:
        raise HttpError(400, "page must be 1 or more.")
    if num_pages is not None and page > num_pages:
        raise HttpError(404, f"page {page} is past the last page, {num_pages}.")


@api.get(
    "/assets/{asset_id}", response={200: AssetOut, 404: ErrorOut, **REFUSALS}, summary="One asset"
)
def get_asset(request: HttpRequest, asset_id: int = Path(..., ge=1, le=MAX_ID)):
    """Return one asset."""
    require(request, "archive.view_asset")
    asset = get_object_or_404(result_queryset(), pk=asset_id)
    return asset_json(asset, audit.findings_for_assets([asset.pk]))


class PointOut(Schema):
    code: str
    text: str


class UsabilityVerdictOut(Schema):
    """ "Can I use it?" for one picture: the verdict, its reasons and conditions."""

    verdict: str = Field(..., description="yes, conditions (yes with conditions) or no")
    label: str
    reasons: list[PointOut]
    conditions: list[PointOut]
    cost: str = Field(..., description="free, conditional, pay, over_quota; empty: as licensed")
    category: str
    agreement: int | None


class UsabilityOut(UsabilityVerdictOut):
    asset: int
    medium: str
    date: str
    territory: str


@api.get(
    "/assets/{asset_id}/usability",
    response={200: UsabilityOut, 400: ErrorOut, 404: ErrorOut, **REFUSALS},
    summary="Can I use it?",
)
def get_usability(
    request: HttpRequest,
    asset_id: int = Path(..., ge=1, le=MAX_ID),
    medium: str = "web",
    on: str = Query("", alias="date", description="YYYY-MM-DD; empty: today."),
    territory: str = Query("", description="A country code (GB); empty: not asked."),
):
    """Say whether the asset may be used on a medium, a day and in a territory: yes, yes with
    conditions (which), or no (why)."""
    require(request, "archive.view_asset")
    form = UsabilityForm({"medium": medium, "on": on, "territory": territory})
    if medium not in MEDIA:
        raise HttpError(400, f"medium must be one of {', '.join(MEDIA)}.")
    if not form.is_valid():
        raise HttpError(400, " ".join(e for errors in form.errors.values() for e in errors))
    answer = rights.usability_for(
        asset_id, medium=medium, on=form.request_day(), territory=form.asked_territory()
    )
    if answer is None:
        raise HttpError(404, "No such asset.")
    return {
        "asset": asset_id,
        "medium": medium,
        "date": form.request_day().isoformat(),
        "territory": form.asked_territory(),
        **answer.as_json(),
    }


@api.get(
    "/claims",
    response={200: ClaimPage, 400: ErrorOut, 404: ErrorOut, **REFUSALS},
    summary="Claims",
)
def list_claims(
    request: HttpRequest,
    claimant: str = Query("", description="As the search's claimant: (words of the name)."),
    status: str = Query("", description=f"One of {', '.join(CLAIM_STATUSES)}."),
    article: int | None = Query(None, ge=1, le=MAX_ID),
    page: int = Query(1, le=MAX_ID),
):
    """List claims with the assets illustrating each; filter by claimant, status, article."""
    require(request, "archive.view_claim")
    claims = Claim.objects.prefetch_related("illustrations").order_by("article", "id")
    if claimant.strip():
        claims = claims_by_claimant(claims, claimant)
    if status:
        if status not in Claim.Status.values:
            raise HttpError(400, f"status must be one of {', '.join(Claim.Status.values)}.")
        claims = claims.filter(status=status)
    if article:
        claims = claims.filter(article_id=article)
    check_page(page)
    count = claims.count()
    num_pages = max(1, -(-count // PER_PAGE))
    check_page(page, num_pages)
    rows = claims[(page - 1) * PER_PAGE : page * PER_PAGE]
    return {
        "count": count,
        "page": page,
        "num_pages": num_pages,
        "results": [
            {
                "id": claim.pk,
                "text": claim.text,
                "claimant": claim.claimant,
                "figure": None if claim.figure is None else str(claim.figure),
                "figure_high": None if claim.figure_high is None else str(claim.figure_high),
                "unit": claim.unit,
                "status": claim.status,
                "article_id": claim.article_id,
                "asset_ids": [link.asset_id for link in claim.illustrations.all()],
                "detail_url": claim.get_absolute_url(),
            }
            for claim in rows
        ],
    }


@api.get(
    "/me",
    response={200: MeOut, 401: ErrorOut, 429: ErrorOut},
    summary="Who the call acts as",
)
def me(request: HttpRequest):
    """Return the user the call acts as (the session's, or the token's) and its permissions."""
    return {
        "username": request.user.get_username(),
        "role": user_role(request.user),
        "permissions": sorted(request.user.get_all_permissions()),
    }


def api_urls() -> tuple[list, str, str]:
    """Return the API's URL patterns, exempt from the login redirect (ninja answers 401),
    except the docs page, a page for people: it sends them to the login page."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if pattern.name != "openapi-view":
            pattern.callback = login_not_required(pattern.callback)
    return patterns, app_name, namespace


# The pre-publication check's operation registers itself on ``api`` (it needs the above).
from archive.web import api_checks  # noqa: E402, F401
