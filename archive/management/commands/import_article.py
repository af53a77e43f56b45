"""`python manage.py import_article PATH [--publication NAME] [--url URL] [--json] [--commit]`.

Without `--commit` it prints the draft and saves nothing. With `--commit` every claim
candidate is accepted as proposed (with its proposed picture links) and the article is saved,
idempotently; an archivist reviews candidates in the admin's "Import article" page instead.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.articles import MAX_SOURCE_BYTES, ArticleParseError, parse_article
from archive.articles.importing import (
    ImportDraft,
    accept_all,
    build_draft,
    commit_draft,
    is_web_url,
)


def number(value: Decimal | None) -> int | float | None:
    """Return a figure as a JSON number: an integer when it is whole."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def draft_as_json(imported: ImportDraft) -> dict:
    """Return the draft as the command's JSON object."""
    draft = imported.draft
    return {
        "article": {
            "headline": draft.headline,
            "publication": draft.publication,
            "date": draft.date.isoformat() if draft.date else None,
            "url": draft.url,
        },
        "placements": [
            {
                "position": match.placement.position,
                "kind": match.placement.kind,
                "caption": match.placement.caption,
                "credit_line": match.placement.credit_line,
                "credit": match.credit.name if match.credit else match.placement.credit,
                "source": match.placement.source,
                "creator": match.placement.creator,
                "alt": match.placement.alt,
                "asset_id": match.asset.pk if match.asset else None,
            }
            for match in imported.placements
        ],
        "claim_candidates": [
            {
                "sentence": review.candidate.sentence,
                "claimant": review.candidate.claimant,
                "figure": number(review.candidate.figure),
                "figure_high": number(review.candidate.figure_high),
                "unit": review.candidate.unit,
                "claimant_as_printed": review.candidate.claimant_as_printed,
                "status": review.candidate.status,
                "rating": review.candidate.rating,
                "claimed_on": (
                    review.candidate.claimed_on.isoformat() if review.candidate.claimed_on else None
                ),
            }
            for review in imported.candidates
        ],
        "left_out": [
            {
                "reason": review.item.reason,
                "kind": review.item.kind,
                "caption": review.item.caption,
                "credit_line": review.item.credit_line,
                "alt": review.item.alt,
                "src": review.item.src,
                "after_position": review.after,
            }
            for review in imported.left_out
        ],
        "warnings": list(draft.warnings),
    }


class Command(BaseCommand):
    help = "Read a published article (text or saved HTML page) and print its catalogue draft."

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH")
        parser.add_argument("--publication", default="", help="The publication's name.")
        parser.add_argument("--url", default="", help="The article's URL.")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print one JSON object."
        )
        parser.add_argument(
            "--commit",
            action="store_true",
            help="Save the article, accepting every claim candidate (idempotent).",
        )

    def handle(self, *args, path, publication, url, as_json: bool, commit: bool, **options):
        source = Path(path)
        if url and not is_web_url(url):
            raise CommandError(
                f"--url {url!r}: an article's URL must start with http:// or https://"
            )
        try:
            with source.open("rb") as handle:
                data = handle.read(MAX_SOURCE_BYTES + 1)
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror})") from None
        try:
            draft = parse_article(data, filename=source.name, publication=publication, url=url)
        except ArticleParseError as error:
            raise CommandError(f"{path}: not readable as an article: {error}") from None
        imported = build_draft(draft)
        output = draft_as_json(imported)
        if commit:
            result = commit_draft(imported, accept_all(imported))
            output["saved"] = {
                "article_id": result.article.pk,
                "created": result.created,
                "placements": result.placements,
                "claims": result.claims,
                "illustrations": result.illustrations,
                "new_credits": result.new_credits,
            }
        if as_json:
            self.stdout.write(json.dumps(output, ensure_ascii=False))
        else:
            self.stdout.write(describe(output))


def describe(output: dict) -> str:
    """Return the draft as lines for people."""
    article = output["article"]
    lines = [
        f"headline:    {article['headline']}",
        f"publication: {article['publication'] or '—'}",
        f"date:        {article['date'] or '—'}",
        f"url:         {article['url'] or '—'}",
        f"placements ({len(output['placements'])}):",
    ]
    for p in output["placements"]:
        asset = f"asset #{p['asset_id']}" if p["asset_id"] else "awaiting file"
        lines.append(f"  {p['position']}. [{p['kind']}] {p['caption']} {p['credit_line']}".rstrip())
        lines.append(f"     credit: {p['credit'] or '—'}; alt: {p['alt'] or '—'}; {asset}")
        if p["source"] or p["creator"]:
            lines.append(f"     source: {p['source'] or '—'}; creator: {p['creator'] or '—'}")
    lines.append(f"claim candidates ({len(output['claim_candidates'])}):")
    for c in output["claim_candidates"]:
        figure = f"{c['figure']} {c['unit']}".strip() if c["figure"] is not None else "—"
        lines.append(f"  - {c['sentence']}")
        lines.append(
            f"     claimant: {c['claimant'] or '—'}; figure: {figure}; status: {c['status'] or '—'}"
        )
    if output["left_out"]:
        lines.append(f"left out ({len(output['left_out'])}):")
    for item in output["left_out"]:
        text = item["caption"] or item["alt"] or item["src"] or "(no text)"
        lines.append(f"  - {item['reason']}: {text[:100]}")
    for warning in output["warnings"]:
        lines.append(f"warning: {warning}")
    saved = output.get("saved")
    if saved:
        if saved["created"]:
            lines.append(
                f"saved as article #{saved['article_id']}: {saved['placements']} placement(s), "
                f"{saved['claims']} claim(s), {saved['illustrations']} illustration(s)"
            )
        else:
            lines.append(f"already archived as article #{saved['article_id']}: nothing changed")
    else:
        lines.append("draft only: nothing saved (use --commit to save)")
    return "\n".join(lines)
