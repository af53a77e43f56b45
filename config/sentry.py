"""Optional error reporting to Sentry, switched on by ``SENTRY_DSN``."""

from __future__ import annotations


def init_sentry(dsn: str, *, environment: str, traces_sample_rate: float) -> bool:
    """Start the Sentry SDK when a DSN is given; return whether it was started."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environment,
        traces_sample_rate=traces_sample_rate,
        # No user names, addresses, cookies or bodies leave the archive.
        send_default_pii=False,
    )
    return True
