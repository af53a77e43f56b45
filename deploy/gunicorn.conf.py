"""gunicorn's settings for Caption Archive: `gunicorn -c deploy/gunicorn.conf.py`.

Everything a deployment changes is an environment variable (the README's "Operations"):
GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS, GUNICORN_TIMEOUT. Access lines come from
the app (JSON, with the request id and user), so gunicorn's own access log is off; its error
log goes to standard error for the journal.
"""

import os

wsgi_app = "config.wsgi:application"
# Run from the project folder whatever the caller's working directory.
chdir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# Threads, not more processes: a request mostly waits for the database or for C code that
# lets other threads run (decoding, hashing, writing a file), and with 8 a process keeps
# serving searches while archivists' uploads hold some of them (bench_load_upload.py).
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# An admin upload of a batch validates, hashes and stores every file inside the request.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# Restart a worker now and then, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200

accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# gunicorn believes X-Forwarded-Proto only from these addresses (nginx on the same machine);
# the app reads X-Forwarded-For itself, from ARCHIVE_TRUSTED_PROXIES.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Request bodies are streamed to disk by Django; big headers are never needed.
limit_request_field_size = 16384
