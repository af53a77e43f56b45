"""The desk's pre-publication check: a draft article in, each picture's verdict out."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from archive.articles import ArticleDraft, ArticleParseError, parse_article
from archive.rights.check import check_draft, recent_checks
from archive.rights.forms import PrepublicationForm
from archive.rights.rules import UsageRequest
from archive.web.throttling import throttled

PERMISSION = "archive.run_prepublication_check"
# The most pictures one check reads: each is matched and recorded with its verdict, so a
# draft of thousands of pictures would hold the server and store megabytes for nothing.
MAX_PICTURES = 500


NO_PICTURE = (
    "The draft has no picture to check: paste the article with its pictures' captions and "
    "credit lines, or choose its saved page."
)


def picture_count_refusal(draft: ArticleDraft) -> str:
    """Why the draft is refused for its number of pictures, or "": with none there is nothing
    to check (it would pass as a yes), with too many the check would hold the server."""
    count = len(draft.placements)
    if count == 0:
        return NO_PICTURE
    if count <= MAX_PICTURES:
        return ""
    return f"The draft has {count} pictures; a check reads at most {MAX_PICTURES}."


@require_http_methods(["GET", "POST"])
@permission_required(PERMISSION, raise_exception=True)
@throttled("ARCHIVE_CHECK_THROTTLE_RATE", scope="check", methods=("POST",))
def prepublication_check(request: HttpRequest) -> HttpResponse:
    """Show the form; on a draft, check its pictures, record the check and show the verdicts."""
    result = None
    status = 200
    if request.method == "POST":
        form = PrepublicationForm(request.POST, request.FILES)
        if form.is_valid():
            source, filename = form.source()
            field = "file" if filename else "text"
            try:
                draft = parse_article(source, filename=filename)
            except ArticleParseError as error:
                form.add_error(field, f"Not readable as an article: {error}")
            else:
                if refusal := picture_count_refusal(draft):
                    form.add_error(field, refusal)
                else:
                    usage = UsageRequest(
                        form.asked_medium(), form.request_day(), form.asked_territory()
                    )
                    result = check_draft(draft, usage, user=request.user, via="page")
        if result is None:
            status = 400
    else:
        form = PrepublicationForm(initial={"on": timezone.localdate()})
    return render(
        request,
        "archive/prepublication.html",
        {
            "form": form,
            "result": result.as_json() if result else None,
            "recent": recent_checks(request.user),
        },
        status=status,
    )
