"""Content Credentials made in code for tests: a certificate chain and a C2PA-signed JPEG.

A chain has a root, an intermediate and a signer (digitalSignature and emailProtection, as
real signing certificates have). Its root is the trust anchor that makes the signer trusted.
"""

from __future__ import annotations

import datetime
import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DIGITAL_CAPTURE = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"


@dataclass(frozen=True)
class TestChain:
    """A test signing chain: the signer's certificates, its key, and the root to trust."""

    __test__ = False  # not a pytest class

    certificates_pem: bytes  # signer, then intermediate
    key_pem: bytes
    root_pem: bytes


def make_chain(organisation: str = "Caption Archive tests") -> TestChain:
    """Make a new chain (root, intermediate, signer) whose certificates name ``organisation``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.UTC)

    def name(common_name: str) -> x509.Name:
        return x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            ]
        )

    def certificate(key, subject, issuer_key, issuer, *, signer=False):
        builder = (
            x509.CertificateBuilder()
            .subject_name(name(subject))
            .issuer_name(name(issuer))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=not signer, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    signer, False, False, False, False, not signer, not signer, False, False
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
            )
        )
        if signer:
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
            )
        return builder.sign(issuer_key, hashes.SHA256())

    root_key, intermediate_key, signer_key = (
        ec.generate_private_key(ec.SECP256R1()) for _ in "abc"
    )
    root = certificate(root_key, "Root", root_key, "Root")
    intermediate = certificate(intermediate_key, "Intermediate", root_key, "Root")
    leaf = certificate(signer_key, "Signer", intermediate_key, "Intermediate", signer=True)
    pem = serialization.Encoding.PEM
    return TestChain(
        certificates_pem=leaf.public_bytes(pem) + intermediate.public_bytes(pem),
        key_pem=signer_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        root_pem=root.public_bytes(pem),
    )


@cache
def signing_chain() -> TestChain:
    """The one chain most tests sign with (made once per run: key generation is not free)."""
    return make_chain()


def sign_jpeg(
    data: bytes,
    *,
    chain: TestChain | None = None,
    actions: list[dict] | None = None,
    ingredient: bytes | None = None,
    title: str = "signed.jpg",
    mime_type: str = "image/jpeg",
) -> bytes:
    """Sign the JPEG (or ``mime_type``) ``data`` with Content Credentials; optionally with a
    parent ingredient."""
    import c2pa

    chain = chain or signing_chain()
    if actions is None:
        actions = [{"action": "c2pa.created", "digitalSourceType": DIGITAL_CAPTURE}]
    manifest = {
        "claim_generator_info": [{"name": "caption-archive-tests", "version": "1"}],
        "title": title,
        "assertions": [{"label": "c2pa.actions", "data": {"actions": actions}}],
    }
    signer = c2pa.Signer.from_info(
        c2pa.C2paSignerInfo(c2pa.C2paSigningAlg.ES256, chain.certificates_pem, chain.key_pem, None)
    )
    builder = c2pa.Builder(json.dumps(manifest))
    if ingredient is not None:
        builder.add_ingredient(
            json.dumps({"title": "parent.jpg", "relationship": "parentOf", "label": "parent"}),
            "image/jpeg",
            io.BytesIO(ingredient),
        )
    signed = io.BytesIO()
    builder.sign(signer, mime_type, io.BytesIO(data), signed)
    return signed.getvalue()


def trust_signing_chain(settings, folder) -> Path:
    """Trust the test chain's root: ``ARCHIVE_C2PA_TRUST_ANCHORS`` names a PEM bundle holding
    it (after another root, as real bundles hold many)."""
    bundle = folder / "anchors.pem"
    bundle.write_bytes(make_chain("Another CA").root_pem + signing_chain().root_pem)
    settings.ARCHIVE_C2PA_TRUST_ANCHORS = str(bundle)
    return bundle


def tampered(data: bytes) -> bytes:
    """Flip one byte of the image data (near the end of the scan), as if edited after signing."""
    changed = bytearray(data)
    changed[-20] ^= 0xFF
    return bytes(changed)
