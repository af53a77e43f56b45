"""The admin's "Import article" pages: paste or upload, review the draft, commit; fill slots.

Three steps. The import page takes pasted text or a saved `.html`/`.txt` file and shows the
review page: the article's fields, each placement as matched against the archive, and each
claim candidate with accept / edit / drop and its proposed picture links. The review form
carries the source text itself (never a serialized draft): committing parses it again, so
nothing but the archivist's edits comes from the browser. The review page also lists the
pictures left out as page furniture (avatars, adverts, teasers), each with its reason; one
ticked is brought back as a placement at its place in the page. The result page lists the
saved placements; a slot awaiting its file takes an upload through the ingest pipeline.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import unquote, urlsplit

from django import forms
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from archive.articles import MAX_SOURCE_BYTES, ArticleParseError, parse_article
from archive.articles.importing import (
    ClaimDecision,
    ImportDraft,
    PlacementMatch,
    attach_file,
    build_draft,
    commit_draft,
    printed_disagreements,
)
from archive.ingest import CREATED, DUPLICATE
from archive.models import Article, Claim, Placement
from archive.models.articles import article_url_validator

IMPORT_PERMISSION = "archive.add_article"
ATTACH_PERMISSIONS = ("archive.change_placement", "archive.add_asset")
SOURCE_EXTENSIONS = (".html", ".htm", ".txt")


class ArticleURLField(forms.URLField):
    """A web address, checked once: http or https (the form field's own check would say
    "Enter a valid URL." a second time)."""

    default_validators = [article_url_validator]
    default_error_messages = {"invalid": article_url_validator.message}


class SourceForm(forms.Form):
    """The article to import: pasted text or a saved page, and what the text cannot tell."""

    text = forms.CharField(
        label="Article text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text="Paste the article as copied from the news page, or its HTML.",
    )
    file = forms.FileField(
        label="…or a saved page",
        required=False,
        help_text="A saved .html or .txt file, up to 10 MB.",
    )
    publication = forms.CharField(max_length=200, required=False)
    url = ArticleURLField(label="URL", max_length=1000, required=False, assume_scheme="https")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if not upload.name.lower().endswith(SOURCE_EXTENSIONS):
            raise forms.ValidationError("Upload the page saved as .html, .htm or .txt.")
        if upload.size > MAX_SOURCE_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1_048_576:.1f} MB; an article page is at most "
                f"{MAX_SOURCE_BYTES // 1_048_576} MB."
            )
        return upload

    def clean(self):
        data = super().clean()
        if "file" in self.errors:
            return data  # a file was chosen and refused: that error says it all
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Paste the article's text or choose a saved page.")
        return data


class ReviewForm(forms.Form):
    """The article's fields as the archivist confirms them, and the source to parse again."""

    source = forms.CharField(widget=forms.Textarea(attrs={"hidden": True}), strip=False)
    source_format = forms.ChoiceField(
        choices=[("text", "text"), ("html", "html")], widget=forms.HiddenInput
    )
    source_hash = forms.CharField(widget=forms.HiddenInput)
    headline = forms.CharField(max_length=500)
    publication = forms.CharField(max_length=200, required=False)
    published_on = forms.DateField(label="Date", required=False, help_text="YYYY-MM-DD")
    url = ArticleURLField(label="URL", max_length=1000, required=False, assume_scheme="https")


class ClaimDecisionForm(forms.Form):
    """One claim candidate: accept (as edited) or drop, and the placements it illustrates."""

    decision = forms.ChoiceField(
        choices=[("accept", "Accept"), ("drop", "Drop")],
        widget=forms.RadioSelect,
        initial="accept",
    )
    sentence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "cols": 80}))
    claimant = forms.CharField(max_length=300, required=False)
    claimant_wording = forms.CharField(
        label="Named as", max_length=300, required=False, help_text="“the agency”, “He”"
    )
    figure = forms.DecimalField(max_digits=20, decimal_places=2, required=False)
    figure_high = forms.DecimalField(
        label="to", max_digits=20, decimal_places=2, required=False, help_text="a range's top"
    )
    unit = forms.CharField(max_length=100, required=False)
    status = forms.ChoiceField(choices=Claim.Status.choices, initial=Claim.Status.UNVERIFIED)
    status_wording = forms.CharField(label="Status as worded", max_length=200, required=False)
    claimed_on = forms.DateField(
        label="Claimed on",
        required=False,
        help_text="YYYY-MM-DD; empty: the article's date.",
        widget=forms.DateInput(format="%Y-%m-%d"),
    )
    links = forms.TypedMultipleChoiceField(
        label="Illustrated by",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, positions: list[tuple[int, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["links"].choices = positions

    def clean(self):
        data = super().clean()
        if data.get("decision") == "accept" and not (data.get("sentence") or "").strip():
            self.add_error("sentence", "An accepted claim needs its sentence.")
        return data

    def decision_of(self) -> ClaimDecision:
        """Return the archivist's decision on this candidate."""
        data = self.cleaned_data
        return ClaimDecision(
            accept=data["decision"] == "accept",
            sentence=data["sentence"],
            claimant=data.get("claimant", ""),
            claimant_wording=data.get("claimant_wording", ""),
            figure=data.get("figure"),
            figure_high=data.get("figure_high"),
            unit=data.get("unit", ""),
            status=data["status"],
            status_wording=data.get("status_wording", ""),
            linked_positions=list(data.get("links") or []),
            claimed_on=data.get("claimed_on"),
        )


ClaimDecisionFormSet = forms.formset_factory(ClaimDecisionForm, extra=0)


class LeftOutForm(forms.Form):
    """The pictures left out of the placements that the archivist brings back."""

    bring_back = forms.TypedMultipleChoiceField(
        label="Bring back",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, imported: ImportDraft, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bring_back"].choices = [
            (review.index, review.item.caption or review.item.alt or review.item.reason)
            for review in imported.left_out
        ]


def prints_nothing(match: PlacementMatch) -> bool:
    """Whether a draft placement awaits its file with nothing printed beside it (no caption,
    heading, credit line or alt text): on a real page, most often a page's furniture."""
    printed = match.placement
    return match.awaiting_file and not (
        printed.caption.strip()
        or printed.title.strip()
        or printed.credit_line.strip()
        or printed.alt.strip()
    )


class DropPlacementsForm(forms.Form):
    """The draft placements the archivist drops: ticked one by one, or all those that print
    nothing beside them at once."""

    drop_placement = forms.TypedMultipleChoiceField(
        label="Drop",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    drop_empty = forms.BooleanField(required=False)

    def __init__(self, *args, imported: ImportDraft, **kwargs):
        super().__init__(*args, **kwargs)
        self.imported = imported
        self.fields["drop_placement"].choices = _position_choices(imported)

    def dropped(self) -> set[int]:
        """Return the positions (as printed in the draft) of the placements dropped."""
        dropped = set(self.cleaned_data.get("drop_placement") or [])
        if self.cleaned_data.get("drop_empty"):
            dropped |= {m.placement.position for m in self.imported.placements if prints_nothing(m)}
        return dropped


def without_placements(imported: ImportDraft, dropped: set[int]) -> ImportDraft:
    """Return the draft without the placements at the `dropped` positions; a left-out picture
    placed after a dropped one keeps its place after the last placement still kept before it."""
    if not dropped:
        return imported
    kept = [m for m in imported.placements if m.placement.position not in dropped]
    kept_positions = [m.placement.position for m in kept]

    def after(position: int) -> int:
        if position not in dropped:
            return position
        return max((p for p in kept_positions if p < position), default=0)

    left_out = [replace(review, after=after(review.after)) for review in imported.left_out]
    return replace(imported, placements=kept, left_out=left_out)


def picture_name(link: str) -> str:
    """Return a picture address's file name ("qrcode-app.png"), to tell one left-out picture's
    link from another's: a logo, an icon or a QR code often says what it is in its name."""
    name = unquote(urlsplit(link).path.rstrip("/").rpartition("/")[2])
    return name if len(name) <= 40 else f"{name[:39]}…"


def review_notices(imported: ImportDraft) -> list[str]:
    """Return what the archivist should know before reviewing a draft: what the page did not
    say, and a draft that looks more like the page's furniture than the story's pictures."""
    notices = []
    if imported.draft.date is None:
        notices.append(
            "No date found on the page: enter the date it was published (accepted claims "
            "take it as the date they were made)."
        )
    placements = len(imported.placements)
    empty = sum(1 for match in imported.placements if prints_nothing(match))
    if empty and empty * 2 >= placements:
        notices.append(
            f"{empty} of {placements} placement{'s' if placements != 1 else ''} print nothing "
            "beside them (no caption, credit line or alt text): on most pages those are the "
            "page's furniture (gallery thumbnails, icons, spacers). Drop those not in the story."
        )
    if not placements and imported.left_out:
        count = len(imported.left_out)
        notices.append(
            f"No picture was found in the story, and {count} picture"
            f"{'s were' if count != 1 else ' was'} left out as the page's furniture: bring back "
            "any the story printed."
        )
    return notices


def import_urls(model_admin: ModelAdmin) -> list:
    """Return the import pages' URLs, to be placed before the Article admin's own."""
    site = model_admin.admin_site

    @csrf_exempt  # checked inside import_article, once the body is known to be readable
    def import_view(request: HttpRequest) -> HttpResponse:
        return import_article(request, model_admin)

    return [
        path("import/", site.admin_view(import_view), name="archive_article_import"),
        path(
            "import/<int:pk>/",
            site.admin_view(lambda request, pk: import_result(request, model_admin, pk)),
            name="archive_article_import_result",
        ),
        path(
            "import/placement/<int:pk>/file/",
            site.admin_view(lambda request, pk: attach_placement_file(request, pk)),
            name="archive_article_import_attach",
        ),
    ]


def _context(request: HttpRequest, model_admin: ModelAdmin, title: str, **extra) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "title": title,
        **extra,
    }


def _position_choices(imported: ImportDraft) -> list[tuple[int, str]]:
    choices = []
    for match in imported.placements:
        p = match.placement
        label = p.caption or p.title or p.alt or p.kind
        choices.append((p.position, f"{p.position}. {label[:70]}"))
    return choices


def _parse_posted(request: HttpRequest) -> tuple[SourceForm, ImportDraft | None]:
    form = SourceForm(request.POST, request.FILES)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    upload = data.get("file")
    if upload is not None:
        source: str | bytes = upload.read(MAX_SOURCE_BYTES + 1)
        filename = upload.name
    else:
        source, filename = data["text"], ""
    try:
        draft = parse_article(
            source, filename=filename, publication=data["publication"], url=data["url"]
        )
    except ArticleParseError as error:
        form.add_error(
            "file" if upload is not None else "text", f"Not readable as an article: {error}"
        )
        return form, None
    return form, build_draft(draft)


def _review_forms(imported: ImportDraft):
    draft = imported.draft
    review = ReviewForm(
        initial={
            "source": draft.source_text,
            "source_format": draft.source_format,
            "source_hash": imported.source_hash,
            "headline": draft.headline,
            "publication": draft.publication,
            "published_on": draft.date,
            "url": draft.url,
        }
    )
    claims = ClaimDecisionFormSet(
        prefix="claims",
        initial=[
            {
                "decision": "accept",
                "sentence": c.candidate.sentence,
                "claimant": c.candidate.claimant,
                "claimant_wording": c.candidate.claimant_as_printed,
                "figure": c.candidate.figure,
                "figure_high": c.candidate.figure_high,
                "unit": c.candidate.unit,
                "status": c.candidate.rating or Claim.Status.UNVERIFIED,
                "status_wording": c.candidate.status,
                "claimed_on": c.candidate.claimed_on,
                "links": c.linked_positions,
            }
            for c in imported.candidates
        ],
        form_kwargs={"positions": _position_choices(imported)},
    )
    return review, claims


def _reparse(review: ReviewForm) -> ImportDraft:
    data = review.cleaned_data
    extension = "html" if data["source_format"] == "html" else "txt"
    draft = parse_article(
        data["source"],
        filename=f"article.{extension}",
        publication=data.get("publication") or "",
        url=data.get("url") or "",
    )
    return build_draft(draft)


def import_article(request: HttpRequest, model_admin: ModelAdmin) -> HttpResponse:
    """Take an article, show its draft for review, and commit the reviewed draft."""
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    try:
        step = request.POST.get("step", "") if request.method == "POST" else ""
    except RequestDataTooBig:
        messages.error(
            request,
            f"The pasted text is too large; an article is at most "
            f"{MAX_SOURCE_BYTES // 1_048_576} MB (save larger pages and upload the file).",
        )
        return TemplateResponse(
            request,
            "admin/archive/article_import.html",
            _context(request, model_admin, "Import article", form=SourceForm()),
            status=413,
        )
    # The CSRF check runs here rather than before the view: it reads the body, and a body too
    # large to read would otherwise end in a bare "400 Bad Request" instead of the page above.
    return csrf_protect(_import_step)(request, model_admin, step)


def _import_step(request: HttpRequest, model_admin: ModelAdmin, step: str) -> HttpResponse:
    if step == "commit":
        return _commit(request, model_admin)
    if step == "review":
        form, imported = _parse_posted(request)
        if imported is not None:
            return _render_review(request, model_admin, imported, *_review_forms(imported))
    else:
        form = SourceForm()
    return TemplateResponse(
        request,
        "admin/archive/article_import.html",
        _context(
            request,
            model_admin,
            "Import article",
            form=form,
            max_bytes=MAX_SOURCE_BYTES,
        ),
    )


def _render_review(
    request,
    model_admin,
    imported: ImportDraft,
    review,
    claims,
    left_out_form=None,
    drop_form=None,
) -> HttpResponse:
    rows = list(zip(imported.candidates, claims.forms, strict=True))
    if left_out_form is None:
        left_out_form = LeftOutForm(imported=imported)
    ticked = set()
    if left_out_form.is_bound:
        ticked = {str(value) for value in left_out_form.data.getlist("bring_back")}
    if drop_form is None:
        drop_form = DropPlacementsForm(imported=imported)
    dropped = set()
    if drop_form.is_bound:
        dropped = {str(value) for value in drop_form.data.getlist("drop_placement")}
    placement_rows = [
        (match, prints_nothing(match), str(match.placement.position) in dropped)
        for match in imported.placements
    ]
    return TemplateResponse(
        request,
        "admin/archive/article_import_review.html",
        _context(
            request,
            model_admin,
            "Review the imported article",
            imported=imported,
            draft=imported.draft,
            review=review,
            claims=claims,
            claim_rows=rows,
            left_out_form=left_out_form,
            left_out_rows=[
                (r, str(r.index) in ticked, picture_name(r.link)) for r in imported.left_out
            ],
            drop_form=drop_form,
            placement_rows=placement_rows,
            empty_count=sum(1 for _, empty, _ in placement_rows if empty),
            notices=review_notices(imported),
            figureless_count=sum(1 for c in imported.candidates if c.candidate.figure is None),
        ),
    )


def _commit(request: HttpRequest, model_admin: ModelAdmin) -> HttpResponse:
    review = ReviewForm(request.POST)
    review_valid = review.is_valid()
    if not {"source", "source_format", "source_hash"} <= set(review.cleaned_data):
        messages.error(request, "The draft was incomplete; paste or upload the article again.")
        return HttpResponseRedirect(reverse("admin:archive_article_import"))
    try:
        imported = _reparse(review)
    except ArticleParseError as error:
        messages.error(request, f"Not readable as an article: {error}")
        return HttpResponseRedirect(reverse("admin:archive_article_import"))
    claims = ClaimDecisionFormSet(
        request.POST, prefix="claims", form_kwargs={"positions": _position_choices(imported)}
    )
    claims_valid = claims.is_valid()
    left_out_form = LeftOutForm(request.POST, imported=imported)
    left_out_valid = left_out_form.is_valid()
    drop_form = DropPlacementsForm(request.POST, imported=imported)
    drop_valid = drop_form.is_valid()
    if imported.source_hash != review.cleaned_data[
        "source_hash"
    ] or claims.total_form_count() != len(imported.candidates):
        messages.error(request, "The article changed since the review; review it again.")
        return _render_review(request, model_admin, imported, *_review_forms(imported))
    if not (review_valid and claims_valid and left_out_valid and drop_valid):
        return _render_review(
            request, model_admin, imported, review, claims, left_out_form, drop_form
        )
    data = review.cleaned_data
    result = commit_draft(
        without_placements(imported, drop_form.dropped()),
        [form.decision_of() for form in claims.forms],
        headline=data["headline"],
        publication=data["publication"],
        published_on=data["published_on"],
        url=data["url"],
        bring_back=left_out_form.cleaned_data["bring_back"],
    )
    if result.created:
        # Links to slots awaiting their file become picture links when the file arrives:
        # said here, or "0 picture link(s)" reads as if the ticks were lost.
        waiting = Placement.claims.through.objects.filter(
            placement__article=result.article, placement__asset__isnull=True
        ).count()
        messages.success(
            request,
            f"Article saved: {result.placements} placement(s), {result.claims} claim(s), "
            f"{result.illustrations} picture link(s)"
            + (f", {waiting} more once their files arrive." if waiting else "."),
        )
        if result.new_credits:
            messages.warning(
                request,
                "New unreviewed credit(s): " + ", ".join(sorted(set(result.new_credits))) + ".",
            )
    else:
        messages.info(request, "This article is already archived: nothing changed.")
    return HttpResponseRedirect(
        reverse("admin:archive_article_import_result", args=[result.article.pk])
    )


class AttachFileForm(forms.Form):
    file = forms.FileField(label="File")


def import_result(request: HttpRequest, model_admin: ModelAdmin, pk: int) -> HttpResponse:
    """Show an imported article's placements; slots awaiting a file take an upload."""
    if not request.user.has_perm("archive.view_article"):
        raise PermissionDenied
    article = get_object_or_404(Article, pk=pk)
    placements = article.placements.select_related("asset", "credit").prefetch_related("claims")
    can_attach = all(request.user.has_perm(p) for p in ATTACH_PERMISSIONS)
    return TemplateResponse(
        request,
        "admin/archive/article_import_result.html",
        _context(
            request,
            model_admin,
            f"Imported: {article.headline}",
            article=article,
            placements=placements,
            claims=article.claims.all(),
            can_attach=can_attach,
            attach_form=AttachFileForm(),
        ),
    )


@require_POST
def attach_placement_file(request: HttpRequest, pk: int) -> HttpResponse:
    """Fill a placement awaiting its file with an upload through the ingest pipeline."""
    if not all(request.user.has_perm(p) for p in ATTACH_PERMISSIONS):
        raise PermissionDenied
    placement = get_object_or_404(Placement.objects.select_related("credit"), pk=pk)
    back = reverse("admin:archive_article_import_result", args=[placement.article_id])
    if placement.asset_id is not None:
        messages.info(request, f"Placement {placement.position} already has its file.")
        return HttpResponseRedirect(back)
    form = AttachFileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose a file to upload.")
        return HttpResponseRedirect(back)
    upload = form.cleaned_data["file"]
    result = attach_file(placement, upload, filename=upload.name, user=request.user)
    if result.status in (CREATED, DUPLICATE):
        messages.success(
            request, f"Placement {placement.position} now shows asset #{result.asset_id}."
        )
        # Said now, while the archivist has the print and the file in front of them, rather
        # than weeks later in the licence report.
        for disagreement in printed_disagreements(placement, placement.asset):
            messages.warning(
                request, f"Placement {placement.position}: {disagreement}. Check which is right."
            )
    else:
        messages.error(request, f"{upload.name}: refused: {result.reason}")
    return HttpResponseRedirect(back)
