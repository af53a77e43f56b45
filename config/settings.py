"""Settings for Caption Archive, read from the environment.

One file for every deployment: the embedded default (SQLite and the local ``media/`` folder)
needs no variable at all; production differs only by environment variables, listed in the
README. Nothing here reads files outside the project.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.logs import logging_config
from config.sentry import init_sentry

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """Read an integer environment variable."""
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated environment variable."""
    value = os.environ.get(name, "").strip()
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


def cache_from_url(url: str) -> dict:
    """Return a CACHES entry for ``CACHE_URL``: ``db://TABLE`` (the default), ``redis://...``
    or ``rediss://...`` (Django's RedisCache), ``locmem://`` (one process only)."""
    scheme, _, rest = url.partition("://")
    if scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": rest.strip("/") or "archive_cache",
            # Django's default (300 rows, then a third culled) would drop the request counts
            # of a newsroom's hundreds of users.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": rest}
    raise ImproperlyConfigured(
        f"CACHE_URL must start with db://, redis://, rediss:// or locmem:// (got {scheme!r})."
    )


def pool_options(max_size: int, min_size: int, timeout: int) -> dict | None:
    """Return the options of psycopg's connection pool, or None when pooling is off."""
    if max_size <= 0:
        return None
    if not 0 <= min_size <= max_size:
        raise ImproperlyConfigured("DATABASE_POOL_MIN_SIZE must be between 0 and the max size.")
    return {"min_size": min_size, "max_size": max_size, "timeout": timeout}


DEBUG = env_bool("DJANGO_DEBUG", False)
# Production mode: secure cookies, HSTS, HTTPS redirect; `check --deploy` is clean in it.
PRODUCTION = env_bool("ARCHIVE_PRODUCTION", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when ARCHIVE_PRODUCTION=1.")
    # Development only: a fixed key so sessions survive restarts of `make run`.
    SECRET_KEY = "dev-insecure-caption-archive-key-change-me-in-production-0123456789"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "csp",
    # django-ninja's templates and static files: the API docs page (Swagger UI) is served
    # from our own static files, not a CDN.
    "ninja",
    "axes",
    # Before the tasks apps: its `db_worker` (which names its worker by host and process)
    # takes the place of django-tasks-db's.
    "archive.apps.ArchiveConfig",
    # Background work (renditions, look-alikes): the backport of Django 6's tasks framework
    # and its database backend, whose table is the queue (`manage.py db_worker` runs it).
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: the request's id (from a trusted proxy, or new), the access log line.
    "archive.web.middleware.RequestIdMiddleware",
    # Then: refuse oversized bodies from their Content-Length, before anything reads them.
    "archive.web.middleware.RequestSizeLimitMiddleware",
    # With replicas: a user who just wrote reads from the primary (before the session is read).
    "archive.web.middleware.ReadYourWritesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs login unless its view is marked @login_not_required.
    "archive.web.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: counts failed logins and locks out repeated guessing.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock a user name from one address after 5 failed logins, for 15 minutes.
AXES_FAILURE_LIMIT = env_int("ARCHIVE_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("ARCHIVE_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"  # says for how long
# The client's address comes from X-Forwarded-For only when the request arrives from one of
# these proxies (addresses or networks, e.g. "127.0.0.1,10.0.0.0/8"); otherwise the header
# is ignored, so a client cannot dodge the lock-out by sending one.
ARCHIVE_TRUSTED_PROXIES = env_list("ARCHIVE_TRUSTED_PROXIES", [])
for proxy in ARCHIVE_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"ARCHIVE_TRUSTED_PROXIES: {proxy!r} is not an address or network."
        ) from None
AXES_CLIENT_IP_CALLABLE = "archive.web.middleware.client_ip"

# Requests a user may make ("N/s", "N/min", "N/hour", "N/day"; "off" for none), counted in
# the shared cache: the JSON API and the search page, each per user (per address when anonymous);
# the pre-publication check (page and API) also has its own, lower rate: each reads a whole draft.
ARCHIVE_API_THROTTLE_RATE = os.environ.get("ARCHIVE_API_THROTTLE_RATE", "").strip() or "600/min"
ARCHIVE_SEARCH_THROTTLE_RATE = (
    os.environ.get("ARCHIVE_SEARCH_THROTTLE_RATE", "").strip() or "120/min"
)
ARCHIVE_CHECK_THROTTLE_RATE = os.environ.get("ARCHIVE_CHECK_THROTTLE_RATE", "").strip() or "30/min"

# Content-Security-Policy (django-csp): only our own scripts, styles and images; no inline
# script anywhere, no framing, forms post only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The app's templates first, so that its admin/base_site.html (the admin's theme)
        # overrides django.contrib.admin's, which is installed before it.
        "DIRS": [BASE_DIR / "archive" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL names another server.
# PostgreSQL only: DATABASE_POOL_MAX_SIZE > 0 gives each process a psycopg connection pool
# (Django's "pool" option) instead of one persistent connection per thread.
DATABASE_POOL = pool_options(
    env_int("DATABASE_POOL_MAX_SIZE", 0),
    env_int("DATABASE_POOL_MIN_SIZE", 2),
    env_int("DATABASE_POOL_TIMEOUT", 10),
)
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        # Connections are kept between requests (a gunicorn worker reuses its own), so a
        # SQLite connection's page cache stays warm; the development server's threads do not.
        # A pool hands connections out per request: Django refuses persistent ones beside it.
        conn_max_age=0
        if DATABASE_POOL and DATABASE_URL.startswith(("postgres", "pgsql"))
        else env_int("ARCHIVE_DB_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each connection's page cache, in MiB (SQLite's default is 2): a search reads index and
    # row pages scattered over a large file, and re-reading them through the operating
    # system's cache costs a system call each (at 1M assets: 39 -> 32 ms for a one-word query).
    cache_kib = env_int("ARCHIVE_SQLITE_CACHE_MB", 64) * 1024
    # Pages read through a memory map of the file, up to this many MiB (0: none; SQLite
    # caps it at its build's limit, 2 GiB in common builds): a page outside the cache is
    # then read from the operating system's cache without a system call and a copy (at 1M
    # assets the takedown CSV's 163 011 rows: 6-13 % less CPU for the whole file).
    mmap_bytes = env_int("ARCHIVE_SQLITE_MMAP_MB", 2048) * 1024 * 1024
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL lets searches read while an upload writes; IMMEDIATE avoids lock upgrades.
            "init_command": (
                f"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{cache_kib};"
                f" PRAGMA mmap_size={mmap_bytes};"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiler costs 100-200 ms per statement whose estimated cost is high,
    # such as a search's facet count, and gains nothing on queries this short: off unless
    # DATABASE_URL's options say otherwise.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = ("-c jit=off " + options.get("options", "")).strip()
    if DATABASE_POOL:
        options["pool"] = DATABASE_POOL

# The shared cache (throttling counts, cached file facts): a table in the database unless
# CACHE_URL names Redis. `migrate` creates the default table (migration 0006).
# "local": each process's own memory, for facts about immutable files (keyed by their hash).
CACHES = {
    "default": cache_from_url(os.environ.get("CACHE_URL", "").strip() or "db://"),
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
}

# Read replicas (PostgreSQL streaming replicas of the primary): comma-separated URLs. Reads
# go to them, writes and a writer's next reads to the primary (config/routers.py). In the
# test suite a replica mirrors the primary.
_REPLICA_URLS = [u.strip() for u in os.environ.get("DATABASE_REPLICA_URLS", "").split(",") if u]
for _index, _url in enumerate(_REPLICA_URLS):
    _replica = dj_database_url.parse(
        _url, conn_max_age=env_int("ARCHIVE_DB_CONN_MAX_AGE", 600), conn_health_checks=True
    )
    _replica.setdefault("OPTIONS", {}).update(
        {k: v for k, v in DATABASES["default"].get("OPTIONS", {}).items() if k == "options"}
    )
    # Tests: a replica mirrors the primary's test database (tests/replica uses real ones).
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{_index}"] = _replica
ARCHIVE_DATABASE_REPLICAS = [f"replica{i}" for i in range(len(_REPLICA_URLS))]
DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]
ARCHIVE_REPLICA_PIN_SECONDS = env_int("ARCHIVE_REPLICA_PIN_SECONDS", 15)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("ARCHIVE_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True
# en-gb with ISO dates first in forms (config/formats/en_GB/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("ARCHIVE_STATIC_ROOT", BASE_DIR / "staticfiles"))
# Outside production WhiteNoise serves static files straight from the apps (no collectstatic).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

# Media. MEDIA_URL is never routed: files are served only through the role-checked views in
# archive/web/views.py, as a file response (filesystem) or a short-lived signed URL (S3).
MEDIA_ROOT = Path(os.environ.get("ARCHIVE_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media-not-public/"

ARCHIVE_STORAGE = os.environ.get("ARCHIVE_STORAGE", "filesystem").strip().lower()
ARCHIVE_SIGNED_URL_SECONDS = env_int("ARCHIVE_SIGNED_URL_SECONDS", 300)
# With nginx in front: the internal location that serves MEDIA_ROOT ("/_media/"); the app
# then answers media requests with X-Accel-Redirect instead of streaming the file itself.
ARCHIVE_MEDIA_ACCEL_PREFIX = os.environ.get("ARCHIVE_MEDIA_ACCEL_PREFIX", "").strip()
# Files staged by a command on another host are swept once this old (archive.preservation.staging);
# on this host, as soon as the command that wrote them is gone.
ARCHIVE_STAGING_GRACE_HOURS = env_int("ARCHIVE_STAGING_GRACE_HOURS", 24)

if ARCHIVE_STORAGE == "s3":
    bucket = os.environ.get("ARCHIVE_S3_BUCKET", "")
    if not bucket:
        raise ImproperlyConfigured("ARCHIVE_STORAGE=s3 needs ARCHIVE_S3_BUCKET.")
    default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("ARCHIVE_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("ARCHIVE_S3_REGION") or None,
            "access_key": os.environ.get("ARCHIVE_S3_ACCESS_KEY") or None,
            "secret_key": os.environ.get("ARCHIVE_S3_SECRET_KEY") or None,
            # A private bucket: no ACL on objects, every URL signed and short-lived.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": ARCHIVE_SIGNED_URL_SECONDS,
            # Never overwrite silently: names are content hashes, a clash means a bug.
            "file_overwrite": False,
            "signature_version": "s3v4",
            "addressing_style": os.environ.get("ARCHIVE_S3_ADDRESSING_STYLE", "path"),
            # An opened file is fetched whole before it is read: in memory up to this size,
            # on disk beyond it (django-storages' default, 0, keeps every original in memory).
            "max_memory_size": 8 * 2**20,
        },
    }
elif ARCHIVE_STORAGE == "filesystem":
    default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
    }
else:
    raise ImproperlyConfigured("ARCHIVE_STORAGE must be 'filesystem' or 's3'.")

STORAGES = {
    "default": default_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Upload limits (the ingest pipeline refuses anything beyond them, with a reason).
ARCHIVE_MAX_UPLOAD_BYTES = env_int("ARCHIVE_MAX_UPLOAD_BYTES", 200 * 1024 * 1024)
ARCHIVE_MAX_PIXELS = env_int("ARCHIVE_MAX_PIXELS", 120_000_000)
# Pictures that cannot be decoded at reduced size (all but JPEG) are decoded in full, up to
# 4 bytes a pixel: over this many pixels they are refused before decoding (160 MB at most).
ARCHIVE_MAX_DECODE_PIXELS = env_int("ARCHIVE_MAX_DECODE_PIXELS", 40_000_000)
ARCHIVE_MAX_VIDEO_SECONDS = env_int("ARCHIVE_MAX_VIDEO_SECONDS", 60 * 60)
ARCHIVE_THUMBNAIL_SIZE = env_int("ARCHIVE_THUMBNAIL_SIZE", 320)
# Article import and the pre-publication check: an article whose readable text is longer than
# this is refused before its claims are read (a 30 000-word long-read, longer than nearly
# any published, is about 180 000 characters); a draft proposes at most this many claim
# candidates for review.
ARCHIVE_ARTICLE_MAX_TEXT_CHARS = env_int("ARCHIVE_ARTICLE_MAX_TEXT_CHARS", 200_000)
ARCHIVE_ARTICLE_MAX_CLAIMS = env_int("ARCHIVE_ARTICLE_MAX_CLAIMS", 500)
ARCHIVE_PREVIEW_SIZE = env_int("ARCHIVE_PREVIEW_SIZE", 1600)
# Perceptual-hash distance (of 64 bits) at or under which two pictures are look-alikes.
ARCHIVE_NEAR_DUPLICATE_DISTANCE = env_int("ARCHIVE_NEAR_DUPLICATE_DISTANCE", 8)
ARCHIVE_EXPIRY_WARNING_DAYS = env_int("ARCHIVE_EXPIRY_WARNING_DAYS", 30)
# The site's address (``https://archive.example.org``) for links in files that leave the
# browser (the licence report's CSV); empty: the request's own address, or none for a command.
ARCHIVE_BASE_URL = os.environ.get("ARCHIVE_BASE_URL", "").strip().rstrip("/")

# Background tasks: renditions, look-alike comparison and the derived tables' refresh after an
# upload (archive/background.py). "database" (the default): queued in the database, run by
# `manage.py db_worker` (`make run` starts one); "immediate": run at once in the process that
# enqueues them (no worker; every upload waits for its renditions again).
ARCHIVE_TASKS_BACKEND = os.environ.get("ARCHIVE_TASKS_BACKEND", "database").strip().lower()
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if ARCHIVE_TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured("ARCHIVE_TASKS_BACKEND must be 'database' or 'immediate'.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[ARCHIVE_TASKS_BACKEND]}}
# Tries of a task that fails for an unexpected reason (storage away, a lost connection) before
# the asset is marked failed; a picture that cannot be decoded fails at its first try.
ARCHIVE_TASK_ATTEMPTS = env_int("ARCHIVE_TASK_ATTEMPTS", 3)
ARCHIVE_TASK_RETRY_SECONDS = env_int("ARCHIVE_TASK_RETRY_SECONDS", 30)
# Searches with more hits than this come newest first instead of ranked (ranking costs per hit).
ARCHIVE_SEARCH_RANK_LIMIT = env_int("ARCHIVE_SEARCH_RANK_LIMIT", 5000)
# Above this many hits the claimant, article and Content Credentials facets (joins per hit)
# are left out.
ARCHIVE_SEARCH_FACET_JOIN_LIMIT = env_int("ARCHIVE_SEARCH_FACET_JOIN_LIMIT", 20000)
# Searches are counted exactly up to this many hits; beyond it the total and the facets are
# estimated from a sample of about ARCHIVE_SEARCH_SAMPLE_SIZE documents ("about N").
ARCHIVE_SEARCH_EXACT_LIMIT = env_int("ARCHIVE_SEARCH_EXACT_LIMIT", 5000)
ARCHIVE_SEARCH_SAMPLE_SIZE = env_int("ARCHIVE_SEARCH_SAMPLE_SIZE", 20000)
# Content Credentials (C2PA): the PEM bundle of trust anchors (root certificates) whose signers
# are trusted; none means every sound signature reads "valid, signer not trusted".
ARCHIVE_C2PA_TRUST_ANCHORS = os.environ.get("ARCHIVE_C2PA_TRUST_ANCHORS", "").strip()
if ARCHIVE_C2PA_TRUST_ANCHORS and not Path(ARCHIVE_C2PA_TRUST_ANCHORS).is_file():
    raise ImproperlyConfigured(
        f"ARCHIVE_C2PA_TRUST_ANCHORS names {ARCHIVE_C2PA_TRUST_ANCHORS}, which is not a file."
    )
# Files larger than this are not checked for Content Credentials (with a warning); a manifest
# store whose JSON is larger than this keeps its summary only.
ARCHIVE_C2PA_MAX_BYTES = env_int("ARCHIVE_C2PA_MAX_BYTES", 256 * 1024 * 1024)
ARCHIVE_C2PA_MAX_STORE_BYTES = env_int("ARCHIVE_C2PA_MAX_STORE_BYTES", 2 * 1024 * 1024)
ARCHIVE_DEMO_PASSWORD = os.environ.get("ARCHIVE_DEMO_PASSWORD", "caption-archive-demo")
# The organisation named as the author of the ClaimReview and MediaReview on claim pages.
ARCHIVE_PUBLISHER = os.environ.get("ARCHIVE_PUBLISHER", "Caption Archive")

# Requests larger than this are refused (413) from their Content-Length before they are read.
# A proxy in front (nginx `client_max_body_size`) should enforce the same limit.
ARCHIVE_MAX_REQUEST_BYTES = env_int(
    "ARCHIVE_MAX_REQUEST_BYTES", ARCHIVE_MAX_UPLOAD_BYTES + 2 * 1024 * 1024
)

# Django reads whole request bodies for the admin upload; keep big files on disk, not in RAM.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("ARCHIVE_MAX_FILES_PER_UPLOAD", 500)
# ZIP archives uploaded through the admin: files inside, and bytes once unpacked.
ARCHIVE_ZIP_MAX_MEMBERS = env_int("ARCHIVE_ZIP_MAX_MEMBERS", 500)
ARCHIVE_ZIP_MAX_BYTES = env_int("ARCHIVE_ZIP_MAX_BYTES", 2 * 1024 * 1024 * 1024)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("ARCHIVE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("ARCHIVE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Load balancers probe the app directly over HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Logs: JSON lines on standard output (request id, user, method, path, status, duration for
# every request; errors with their tracebacks). ARCHIVE_LOG_LEVEL: the archive's own level.
LOGGING = logging_config(os.environ.get("ARCHIVE_LOG_LEVEL", "INFO").strip().upper() or "INFO")

# Errors to Sentry too, when SENTRY_DSN is set (sentry-sdk; no personal data is sent).
SENTRY_ENABLED = init_sentry(
    os.environ.get("SENTRY_DSN", "").strip(),
    environment=os.environ.get("SENTRY_ENVIRONMENT", "production" if PRODUCTION else "development"),
    traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
)
