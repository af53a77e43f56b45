# Caption Archive. `make run` and `make test` work on a fresh machine with only Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test test-only bench fuzz lint system-deps venv migrate seed clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

# Debian packages the tests need: exiftool (the reference metadata reader) and Chromium
# (the browser tests). Installed only when missing.
system-deps:
	@missing=""; \
	command -v exiftool >/dev/null 2>&1 || missing="$$missing libimage-exiftool-perl"; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed

run: seed
	$(BIN)/python manage.py demo_accounts
	@echo "Caption Archive on http://$(HOST):$(PORT)/  (demo accounts: archivist, journalist, auditor)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP) system-deps test-only

test-only:
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check archive tests bench

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The long fuzz run (tests/test_fuzz.py with 20 000 examples a target); keep any crasher
# hypothesis reports as a file in tests/fixtures/fuzz/.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
