# The two commands (see README.md): `make serve` and `make test`. Both set up what they
# need on a fresh machine: a virtual environment in .venv with the pinned requirements.
VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
# Bytecode is written once and read after, as Python does by default: where
# PYTHONDONTWRITEBYTECODE is set (some machines do), every process of `make test` (workers,
# builds, checks) would compile what it imports again (pytest's collection alone: ~2 s).
unexport PYTHONDONTWRITEBYTECODE
# Dates in the site come from the last commit, not the clock (reproducible builds);
# outside a git checkout, a fixed date (the report's, 2024-06-14).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1718323200)

.PHONY: setup serve test test-fast build check check-fast fix refresh hooks pdf

# uv (pinned in requirements.txt) installs the rest, with parallel downloads: the set-up in
# about a tenth of what pip takes (a fresh clone's `make test`). The venv gets no pip of its
# own (ensurepip alone takes ~3 s): the machine's pip puts uv in it (`pip --python`);
# without one, ensurepip after all. No bytecode compiled up front (uv's --compile-bytecode
# compiles every installed file, 3-14 s): Python writes it for what is imported, once.
UV  := $(BIN)/uv pip install --quiet --python $(BIN)/python
PIN_UV = "$$(grep '^uv==' requirements.txt)"

$(STAMP): requirements.txt pyproject.toml
	python3 -m venv --without-pip $(VENV)
	python3 -m pip --python $(BIN)/python install --quiet --disable-pip-version-check $(PIN_UV) \
	  || { $(BIN)/python -m ensurepip --default-pip >/dev/null \
	       && $(BIN)/python -m pip install --quiet --disable-pip-version-check $(PIN_UV); }
	$(UV) -r requirements.txt -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

serve build check pdf: export SOURCE_DATE_EPOCH := $(SOURCE_DATE_EPOCH)

# Only the set-up (the first run of any target below does it too).
setup: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The print edition (tools/pdf/, WeasyPrint): site/pdf/briefs.ja.pdf and briefs.en.pdf,
# from the site just built. Needs Pango (Debian libpango-1.0-0, libpangoft2-1.0-0).
pdf: build
	$(BIN)/python -m tools.pdf

# The suite in parallel (pytest-xdist, one process per core; TEST_WORKERS=0 for one process),
# fast tests first, a page's browser tests on one worker (tests/scheduling.py).
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS)

test: $(STAMP)
	$(PYTEST)

# Everything but the browser tests and the print edition (under a minute on a quick
# machine): what to run while working.
test-fast: $(STAMP)
	$(PYTEST) -m "not browser and not pdf"

# Every check a pull request must pass (see CONTRIBUTING.md); `check-fast` skips the builds
# (what pre-commit runs).
check: $(STAMP)
	$(BIN)/python -m checks

check-fast: $(STAMP)
	@$(BIN)/python -m checks --fast

# The fixers a check's message may name: references.bib into its canonical layout, Japanese
# numbers kept with their units (checks/typography.py), then what ruff can fix by itself.
fix: $(STAMP)
	$(BIN)/python -m checks format-bib
	$(BIN)/python -m checks fix-typography
	$(BIN)/python -m ruff check --fix .

# A git pre-commit hook that runs the fast checks (no other tool needed).
hooks:
	@printf '#!/bin/sh\n# Installed by `make hooks`: the fast checks before every commit.\nexec make --no-print-directory -s check-fast\n' > "$$(git rev-parse --git-path hooks)/pre-commit"
	@chmod +x "$$(git rev-parse --git-path hooks)/pre-commit"
	@echo "pre-commit hook installed: every commit runs make check-fast"

# Record that an English page was checked against the current Japanese one:
# `make refresh PAGE=docs/briefs/section-2-1.en.md` (several: PAGE="a.en.md b.en.md"),
# or every English page with `make refresh PAGE=--all`.
refresh: $(STAMP)
	@test -n "$(PAGE)" || { echo "make refresh: name the page, e.g. make refresh PAGE=docs/briefs/section-2-1.en.md (or PAGE=--all)" >&2; exit 2; }
	$(BIN)/python -m checks refresh-translation $(PAGE)

# The benchmark of the citation plugin (bench/, issue 6), not part of the tests: writes
# bench/results.md in about 25 minutes. Its own pinned extras (mkdocs-bibtex) go into .venv.
BENCH_STAMP := $(VENV)/.bench-$(shell cat bench/requirements.txt 2>/dev/null | cksum | cut -d' ' -f1)
.PHONY: bench

$(BENCH_STAMP): $(STAMP) bench/requirements.txt
	$(UV) -r bench/requirements.txt
	rm -f $(VENV)/.bench-*
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Lighthouse (npm lighthouse@12.2.3, pinned in tools/audit/package-lock.json) on 8 pages of
# the built site served on 127.0.0.1: prints a table of scores. A measurement, not a test.
AUDIT_STAMP := tools/audit/node_modules/.installed-$(shell cat tools/audit/package-lock.json 2>/dev/null | cksum | cut -d' ' -f1)
.PHONY: audit
audit: export SOURCE_DATE_EPOCH := $(SOURCE_DATE_EPOCH)

$(AUDIT_STAMP): tools/audit/package.json tools/audit/package-lock.json
	cd tools/audit && npm ci --no-audit --no-fund --ignore-scripts
	touch $(AUDIT_STAMP)

audit: $(STAMP) $(AUDIT_STAMP)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python -m tools.audit.run

# Full-page PNGs of five pages x two languages x phone/desktop x light/dark for a look before a
# release (tools/screenshots.py), into screenshots/ (gitignored). Needs /usr/bin/chromium.
.PHONY: screenshots
screenshots: export SOURCE_DATE_EPOCH := $(SOURCE_DATE_EPOCH)
screenshots: $(STAMP)
	$(BIN)/python -m tools.screenshots $(SCREENSHOTS_DIR)
