# Caption Archive. `make run` and `make test` work on a fresh machine with only Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# The suite runs on every core (pytest-xdist; each worker has its own test database, media
# folder, S3 and Redis servers on free ports); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto

# Installs come from the lock files in requirements/ (every package of the resolved tree,
# pinned, with hashes), never from a fresh resolution:
#   build.txt   pip and setuptools themselves (from requirements/build.in)
#   server.txt  what the server imports: pyproject's `dependencies` and theirs
#   dev.txt     server.txt plus the `dev` extra (pytest, Playwright, moto, hypothesis, ruff...)
# Two stamps: run/migrate/seed need only the server install; test/test-only/lint/bench/fuzz
# need the dev one, which is a superset of the server one (server.txt is resolved inside
# dev.txt's pins), so `make run` after `make test` installs nothing more. Each stamp depends
# on its lock files, so a changed lock reinstalls. `pip check` ends each install: a package
# added to pyproject.toml but not yet locked (`make lock`) fails there, not at run time.
SERVER_STAMP := $(VENV)/.installed-server
DEV_STAMP := $(VENV)/.installed-dev
LOCKS := requirements/build.txt requirements/server.txt requirements/dev.txt

.PHONY: run test test-only test-replica bench fuzz chaos lint system-deps venv venv-server venv-dev lock migrate seed clean

$(SERVER_STAMP): pyproject.toml requirements/build.txt requirements/server.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/build.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/server.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $@

$(DEV_STAMP): pyproject.toml requirements/build.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/build.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $@
	@# dev.txt holds every pin of server.txt: the server install is done too.
	touch $(SERVER_STAMP)

venv-server: $(SERVER_STAMP)
venv-dev: $(DEV_STAMP)
venv: venv-dev

# Regenerate the lock files from pyproject.toml (and requirements/build.in) with a pinned uv,
# kept in its own virtualenv inside .venv. Existing pins are kept where they still fit; to move
# every indirect dependency to its newest release: `make lock LOCK_ARGS=--upgrade`. The locks
# are for CPython 3.11 on Linux x86_64; commit them with the pyproject.toml change.
UV_VERSION := 0.13.9
LOCK_TOOL := $(VENV)/lock-tool
LOCK_ARGS ?=
UV_COMPILE = $(LOCK_TOOL)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" $(LOCK_ARGS)

lock:
	test -x $(LOCK_TOOL)/bin/uv && $(LOCK_TOOL)/bin/uv --version | grep -qF ' $(UV_VERSION)' \
	  || { $(PYTHON) -m venv $(LOCK_TOOL) && $(LOCK_TOOL)/bin/python -m pip install --quiet uv==$(UV_VERSION); }
	$(UV_COMPILE) requirements/build.in -o requirements/build.txt
	$(UV_COMPILE) pyproject.toml --extra dev -o requirements/dev.txt
	$(UV_COMPILE) pyproject.toml -c requirements/dev.txt -o requirements/server.txt

# Debian packages the tests need: exiftool (the reference metadata reader), Chromium (the
# browser tests), redis-server (the Redis cache test) and nginx (`nginx -t` on deploy/'s
# site). Installed only when missing.
system-deps:
	@missing=""; \
	command -v exiftool >/dev/null 2>&1 || missing="$$missing libimage-exiftool-perl"; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v redis-server >/dev/null 2>&1 || test -x /usr/bin/redis-server || missing="$$missing redis-server"; \
	test -x /usr/sbin/nginx || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

migrate: $(SERVER_STAMP)
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed
	$(BIN)/python manage.py seed_agencies

# The server and, beside it, the background worker (renditions and look-alikes after uploads:
# archive/background.py); Ctrl+C, or the server ending, stops the worker too.
run: seed
	$(BIN)/python manage.py demo_accounts
	@echo "Caption Archive on http://$(HOST):$(PORT)/  (demo accounts: archivist, journalist, auditor)"
	@echo "Background worker: manage.py db_worker, started beside the server (at nice 10, as deploy/systemd runs it)"
	@nice -n 10 $(BIN)/python manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(DEV_STAMP) system-deps test-only

test-only: $(DEV_STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

# The replica tests: a PostgreSQL primary and its streaming replica, started and stopped here.
test-replica: $(DEV_STAMP)
	.ci/replica-tests

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check archive tests bench

bench: $(DEV_STAMP)
	$(BIN)/python bench/run.py

# The long fuzz run (tests/ingest/test_fuzz.py with 20 000 examples a target); keep any crasher
# hypothesis reports as a file in tests/fixtures/fuzz/.
fuzz: $(DEV_STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/ingest/test_fuzz.py -q -p no:cacheprovider

# The long crash run: `ingest` of a folder and `import_bag` of a bag, each killed (kill -9) at
# CHAOS_KILLS random moments and rerun; prints kills, orphans, lost records, duplicate copies.
# The suite runs the same harness with 5 kills a command (tests/preservation/test_crash.py).
CHAOS_KILLS ?= 30
chaos: $(DEV_STAMP)
	$(BIN)/python -m tests.preservation.crash --kills $(CHAOS_KILLS)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
