"""The AI disclosure finding in the database: kept current by the facts as captions and
digital source types change, shown on the asset page, the report and its CSV alike."""

from __future__ import annotations

import pytest
from django.utils import timezone

from archive import audit
from archive.models import Asset, Placement

pytestmark = pytest.mark.django_db


def kinds(asset: Asset) -> set[str]:
    return {f.kind for f in audit.findings_for_asset(asset.pk)}


def flagged() -> set[int]:
    return set(
        audit.assets_with_finding(
            Asset.objects.all(), audit.AI_UNDISCLOSED, today=timezone.localdate(), warning_days=30
        ).values_list("id", flat=True)
    )


def test_captions_and_source_types_keep_the_finding_current(seeded, auditor_client):
    placement = Placement.objects.select_related("asset").exclude(asset=None).first()
    asset = placement.asset
    placement.caption = "Troops advance near the river"
    placement.credit_line = "(Image: GETTY)"
    placement.save()
    for other in Placement.objects.filter(asset=asset).exclude(pk=placement.pk):
        other.caption = "AI-generated image"
        other.save()
    assert audit.AI_UNDISCLOSED not in kinds(asset) and asset.pk not in flagged()

    asset.digital_source_type = "trainedAlgorithmicMedia"
    asset.save()
    assert audit.AI_UNDISCLOSED in kinds(asset) and asset.pk in flagged()
    page = auditor_client.get(asset.get_absolute_url()).content.decode()
    assert "AI-made, published without saying so" in page
    report = auditor_client.get("/reports/licences/", {"finding": audit.AI_UNDISCLOSED})
    assert report.status_code == 200 and f"/assets/{asset.pk}/" in report.content.decode()
    csv_text = auditor_client.get(
        "/reports/licences/", {"finding": audit.AI_UNDISCLOSED, "format": "csv"}
    )
    rows = b"".join(csv_text.streaming_content).decode().splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == [str(asset.pk)]
    summary = audit.summarise(Asset.objects.all(), today=timezone.localdate(), warning_days=30)
    assert summary.totals[audit.AI_UNDISCLOSED] == len(rows) == 1

    placement.caption = "Troops advance (illustration made with Midjourney)"
    placement.save()
    assert audit.AI_UNDISCLOSED not in kinds(asset) and asset.pk not in flagged()

    placement.caption = "Troops advance"
    placement.save()
    asset.digital_source_type = "digitalCapture"
    asset.save()
    assert audit.AI_UNDISCLOSED not in kinds(asset) and asset.pk not in flagged()


def test_ai_declared_only_in_content_credentials_is_found(trusting_tests):
    from archive.ingest import ingest_file
    from tests.c2pa_signing import TRAINED_ALGORITHMIC_MEDIA, sign_jpeg, tampered
    from tests.factories import PlacementFactory, jpeg_bytes

    made_by_ai = [{"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}]
    signed = sign_jpeg(jpeg_bytes("c2pa-ai", (320, 240)), actions=made_by_ai)
    # No IPTC Digital Source Type in either file: only the credentials say it.
    declared = ingest_file(signed, filename="ai.jpg").asset
    broken = ingest_file(tampered(signed), filename="broken.jpg").asset
    for asset in (declared, broken):
        PlacementFactory(asset=asset, caption="Troops advance near the river")
    assert declared.c2pa_state == "trusted" and audit.AI_UNDISCLOSED in kinds(declared)
    # Invalid credentials prove nothing, so they declare nothing either.
    assert broken.c2pa_state == "invalid" and audit.AI_UNDISCLOSED not in kinds(broken)


def test_credentials_that_declare_ai_count_beside_an_iptc_photo(trusting_tests, auditor_client):
    """An archivist's "photograph" does not hide what valid signed credentials declare."""
    from archive.ingest import ingest_file
    from archive.rights.facts import usability_of
    from archive.rights.rules import AI_DISCLOSURE, UsageRequest
    from tests.c2pa_signing import TRAINED_ALGORITHMIC_MEDIA, sign_jpeg
    from tests.factories import PlacementFactory, jpeg_bytes

    made_by_ai = [{"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}]
    asset = ingest_file(
        sign_jpeg(jpeg_bytes("c2pa-ai-photo", (320, 240)), actions=made_by_ai),
        filename="signed.jpg",
    ).asset
    asset.refresh_from_db()
    asset.digital_source_type = "digitalCapture"
    asset.save()
    PlacementFactory(asset=asset, caption="Troops advance near the river")
    asset.refresh_from_db()
    assert asset.c2pa_state == "trusted" and asset.made_with_ai
    assert audit.AI_UNDISCLOSED in kinds(asset) and asset.pk in flagged()
    summary = audit.summarise(Asset.objects.all(), today=timezone.localdate(), warning_days=30)
    assert summary.totals[audit.AI_UNDISCLOSED] == 1
    request = UsageRequest(medium="web", on=timezone.localdate())
    conditions = usability_of([asset.pk], request)[asset.pk].conditions
    assert AI_DISCLOSURE in {point.code for point in conditions}
