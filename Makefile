# Frivillig Rudersdal. The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SYSTEM_PACKAGES := postgresql postgresql-contrib redis-server chromium chromium-headless-shell fonts-dejavu-core libharfbuzz-subset0 gettext poppler-utils hunspell-da

.PHONY: run test install system-deps python-deps node-deps services stop-services bench bench-lighthouse lint clean-devdata backup restore

run: install ## serve the portal with demo data on http://127.0.0.1:8000 (worker and beat included)
	@scripts/run.sh

test: install ## the whole suite: unit, integration against PostgreSQL, end-to-end in Chromium
	@scripts/test.sh $(ARGS)

# make bench SIZES=10k,100k,1m: one run per size, each in its own kept database (bench_frivillig_<size>; the
# million takes a while to generate the first time), then one table of how the cost grows.
SIZES ?= 10k,100k
bench: install ## benchmarks (not part of make test): figures in bench-results/latest.json
	@dpkg -s wrk >/dev/null 2>&1 || { if [ "$$(id -u)" = "0" ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi; }
	@status=0; for size in $$(echo "$(SIZES)" | tr ',' ' '); do \
	  echo "== bench at $$size tasks (load $$(cut -d' ' -f1-3 /proc/loadavg)) =="; \
	  BENCH_SIZE=$$size TEST_DB_NAME=bench_frivillig_$$size BENCH_OUT=bench-results/size-$$size.json \
	    scripts/test.sh tests/bench -s -o addopts="-q --reuse-db -p no:cacheprovider" $(ARGS) || status=1; \
	done; \
	.venv/bin/python -m tests.bench.report "$(SIZES)" || status=1; \
	$(MAKE) --no-print-directory bench-lighthouse || status=1; exit $$status

# Lighthouse 12 (npm) in Debian's Chromium against the portal in production settings on gunicorn, eight pages of the
# demo data, a phone on slow 4G (issue 27): prints a table, bench-results/lighthouse.json; fails below the targets.
bench-lighthouse: install services
	@CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) -m tests.bench.lighthouse

install: system-deps python-deps node-deps

# Debian packages the project needs; installed only when something is missing.
system-deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

python-deps: $(VENV)/.installed
$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

node-deps: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

services:
	@scripts/devservices.sh start

stop-services:
	@scripts/devservices.sh stop

backup: install services ## pg_dump of the database and a tar of the media files into backups/
	@scripts/backup.sh

restore: install services ## restore a backup: make restore FILE=backups/frivillig-….dump
	@scripts/restore.sh "$(FILE)"

lint: install
	@$(VENV)/bin/ruff check .

clean-devdata: stop-services
	rm -rf .devdata
