"""Content Credentials read at ingest: the four states of files signed here with c2pa-python
(valid and trusted, valid with an untrusted signer, tampered after signing, none), an
ingredient, a malformed store, the limits, and the trust anchors setting."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from archive.ingest import CREATED, ingest_file
from archive.ingest.credentials import (
    MAX_INGREDIENTS,
    may_carry_credentials,
    read_content_credentials,
    summarise,
)
from archive.provenance import C2PA_INVALID, C2PA_NONE, C2PA_TRUSTED, C2PA_UNTRUSTED
from tests.c2pa_signing import (
    TRAINED_ALGORITHMIC_MEDIA,
    make_chain,
    sign_jpeg,
    tampered,
)
from tests.factories import jpeg_bytes
from tests.helpers import manage_in


def read(data: bytes):
    return read_content_credentials(data, mime_type="image/jpeg")


def test_a_file_without_credentials_reads_none():
    found = read(jpeg_bytes("plain"))
    assert (found.state, found.summary, found.store, found.warnings) == (C2PA_NONE, {}, {}, [])


def test_without_trust_anchors_a_sound_signature_is_valid_but_not_trusted(settings):
    settings.ARCHIVE_C2PA_TRUST_ANCHORS = ""
    found = read(sign_jpeg(jpeg_bytes("signed")))
    assert found.state == C2PA_UNTRUSTED
    assert found.summary["failures"] == []
    assert found.summary["signer"] == "Signer"
    assert found.summary["issuer"] == "Caption Archive tests"
    assert found.summary["claim_generator"] == "caption-archive-tests 1"
    assert found.store["validation_state"] == "Valid"
    assert found.warnings == []


def test_trusted_when_the_signer_chains_to_a_configured_anchor(trusting_tests):
    found = read(sign_jpeg(jpeg_bytes("signed")))
    assert found.state == C2PA_TRUSTED
    assert found.summary["actions"] == [
        {
            "action": "c2pa.created",
            "label": "created",
            "digital_source_type": "digitalCapture",
            "digital_source_label": "Photo (digital capture)",
            "software_agent": "",
            "when": "",
        }
    ]
    assert found.digital_source_type == "digitalCapture"


def test_a_signer_from_another_chain_stays_untrusted(trusting_tests):
    found = read(sign_jpeg(jpeg_bytes("signed"), chain=make_chain("Unknown agency")))
    assert found.state == C2PA_UNTRUSTED
    assert found.summary["issuer"] == "Unknown agency"


def test_bytes_changed_after_signing_read_invalid_with_the_reason(trusting_tests):
    found = read(tampered(sign_jpeg(jpeg_bytes("signed"))))
    assert found.state == C2PA_INVALID
    assert {"code": "assertion.dataHash.mismatch", "reason": "The file was changed after it "
            "was signed."} in found.summary["failures"]  # fmt: skip
    assert found.digital_source_type == ""  # an invalid store declares nothing


def test_an_ingredient_and_its_actions_are_summarised(trusting_tests):
    parent = sign_jpeg(jpeg_bytes("parent"))
    child = sign_jpeg(
        jpeg_bytes("child"),
        ingredient=parent,
        actions=[
            {"action": "c2pa.opened", "parameters": {"ingredientIds": ["parent"]}},
            {
                "action": "c2pa.edited",
                "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA,
                "softwareAgent": {"name": "Generative Fill"},
            },
        ],
    )
    found = read(child)
    assert found.state == C2PA_TRUSTED
    assert [a["label"] for a in found.actions] == ["opened", "edited"]
    assert found.actions[1]["digital_source_label"] == "AI-generated"
    assert found.actions[1]["software_agent"] == "Generative Fill"
    assert found.digital_source_type == "trainedAlgorithmicMedia"  # the AI one wins
    assert found.summary["ingredient_count"] == 1
    assert found.summary["manifest_count"] == 2
    (ingredient,) = found.summary["ingredients"]
    assert ingredient["relationship"] == "parentOf" and ingredient["has_credentials"]
    assert ingredient["title"] == "parent.jpg" and ingredient["ingredients"] == []


def test_a_malformed_store_is_invalid_with_a_warning_not_an_error():
    signed = bytearray(sign_jpeg(jpeg_bytes("signed")))
    start = signed.find(b"jumb")
    signed[start + 40 : start + 60] = bytes(20)
    found = read(bytes(signed))
    assert found.state == C2PA_INVALID
    assert found.summary["failures"][0]["code"] == "manifest.unreadable"
    assert found.warnings and found.warnings[0].startswith(
        "The Content Credentials cannot be read ("
    )


def test_files_over_the_limit_are_left_unchecked_with_a_warning(settings):
    settings.ARCHIVE_C2PA_MAX_BYTES = 1000
    found = read(sign_jpeg(jpeg_bytes("signed")))
    assert found.state == "" and found.store == {}
    assert "not checked" in found.warnings[0]


def test_a_store_too_large_to_keep_keeps_its_summary(settings):
    settings.ARCHIVE_C2PA_MAX_STORE_BYTES = 100
    found = read(sign_jpeg(jpeg_bytes("signed")))
    assert found.state == C2PA_UNTRUSTED and found.store == {}
    assert found.summary["signer"] == "Signer"
    assert "only its summary is kept" in found.warnings[0]


def test_unreadable_trust_anchors_trust_no_one_and_say_so(settings, tmp_path):
    bundle = tmp_path / "anchors.pem"
    bundle.write_text("not a certificate")
    settings.ARCHIVE_C2PA_TRUST_ANCHORS = str(bundle)
    found = read(sign_jpeg(jpeg_bytes("signed")))
    assert found.state == C2PA_UNTRUSTED
    assert "holds no PEM certificate" in found.warnings[0]


def test_only_files_with_a_jumbf_box_or_the_c2pa_label_are_read():
    plain, signed = jpeg_bytes("plain"), sign_jpeg(jpeg_bytes("signed"))
    assert not may_carry_credentials(plain, "image/jpeg")
    assert may_carry_credentials(signed, "image/jpeg")
    # A JPEG's picture data is not searched (the label there is not a manifest) ...
    assert not may_carry_credentials(plain[:-2] + b"c2pa" + plain[-2:], "image/jpeg")
    # ... but every byte of a JPEG whose header cannot be walked is, and of other files.
    assert may_carry_credentials(b"\xff\xd8\x00 jumb", "image/jpeg")
    assert may_carry_credentials(b"\x89PNG c2pa", "image/png")
    assert not may_carry_credentials(b"\x89PNG", "image/png")


def test_the_summary_survives_a_hostile_store():
    assert summarise({"manifests": [], "active_manifest": {"x": 1}})["actions"] == []
    store = {
        "active_manifest": "a",
        "manifests": {
            "a": {
                "signature_info": "nonsense",
                "assertions": [
                    {"label": "c2pa.actions", "data": {"actions": ["x", {"action": 3}]}}
                ],
                "ingredients": [{"title": "i", "active_manifest": "a"}] * (MAX_INGREDIENTS + 5),
            }
        },
        "validation_status": [{"code": "claimSignature.mismatch"}, "junk"],
    }
    summary = summarise(store)
    assert summary["signer"] == "" and summary["actions"][0]["action"] == ""
    assert summary["failures"] == [
        {
            "code": "claimSignature.mismatch",
            "reason": "The signature does not match what was signed.",
        }
    ]
    # A manifest that names itself as its ingredient: cut, not followed for ever.
    assert summary["ingredient_count"] <= MAX_INGREDIENTS and summary["ingredients_cut"]


@pytest.mark.django_db
def test_ingest_keeps_the_state_summary_and_store(trusting_tests):
    data = sign_jpeg(jpeg_bytes("ingested", (320, 240)), actions=[
        {"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}
    ])  # fmt: skip
    result = ingest_file(data, filename="signed.jpg")
    assert result.status == CREATED, result.reason
    asset = result.asset
    asset.refresh_from_db()
    assert asset.c2pa_state == C2PA_TRUSTED
    assert asset.c2pa_summary["signer"] == "Signer"
    assert asset.c2pa_manifest_store["validation_state"] == "Trusted"
    # No IPTC Digital Source Type in the file: the credentials' declared one is taken.
    assert asset.digital_source_type == "trainedAlgorithmicMedia" and asset.made_with_ai


@pytest.mark.django_db
def test_ingest_of_a_tampered_or_malformed_file_is_not_refused():
    tampered_result = ingest_file(
        tampered(sign_jpeg(jpeg_bytes("t", (320, 240)))), filename="t.jpg"
    )
    assert tampered_result.status == CREATED
    assert tampered_result.asset.c2pa_state == C2PA_INVALID
    assert tampered_result.asset.c2pa_failures[0]["code"] == "assertion.dataHash.mismatch"
    assert tampered_result.asset.digital_source_type == ""
    plain = ingest_file(jpeg_bytes("p", (320, 240)), filename="p.jpg")
    assert plain.asset.c2pa_state == C2PA_NONE and plain.asset.c2pa_failures == []


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_credentials_never_raise(data):
    """Bytes changed anywhere in the manifest store: a state, never an exception."""
    signed = signed_once()
    start = signed.find(b"jumb") - 8
    damaged = bytearray(signed)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(start, start + 3000))
        damaged[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.sampled_from([len(damaged), start + 1500, start + 40]))
    found = read(bytes(damaged[:cut]))
    assert found.state in (C2PA_NONE, C2PA_UNTRUSTED, C2PA_INVALID)
    if found.state == C2PA_INVALID:
        assert found.summary["failures"]


@cache
def signed_once() -> bytes:
    return sign_jpeg(jpeg_bytes("fuzzed", (64, 48)))


# In a process of its own on a SQLite file: the test database is in memory, where a second
# connection cannot commit beside the first.
RACE = """
import sqlite3
from django.conf import settings
from archive.ingest import credentials, ingest_file
from archive.models import Asset
from tests.factories import jpeg_bytes

original = ingest_file(jpeg_bytes("recheck"), filename="r.jpg").asset
# More rows than one read of the old loop (100) took, naming the same stored original.
copies = []
for n in range(120):
    copy = Asset.objects.get(pk=original.pk)
    copy.pk, copy.sha256 = None, f"{n:064x}"
    copies.append(copy)
Asset.objects.bulk_create(copies)
Asset.objects.update(c2pa_state="")
real_read = credentials.read_content_credentials

def read_while_a_worker_commits(data, **kwargs):
    other = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    other.execute("UPDATE archive_asset SET title = title || '.'")
    other.commit()
    other.close()
    return real_read(data, **kwargs)

credentials.read_content_credentials = read_while_a_worker_commits
checked, changed = credentials.recheck_content_credentials(Asset.objects.all())
print("checked", checked, "changed", len(changed))
"""


def test_credentials_are_read_again_while_others_write_on_sqlite(tmp_path):
    """`read_content_credentials --all` (and a restore's re-read) beside uploads."""

    manage = manage_in(tmp_path)

    assert manage("migrate", "--noinput").returncode == 0
    done = manage("shell", "-c", RACE)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1].split() == ["checked", "121", "changed", "121"]
