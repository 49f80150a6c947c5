# Open Counter. `make site` builds the site; `make test` runs the tests. Both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test test-scale test-shipped verify serve check schemas browser clean lock bench bench-leaflets translations translations-import

# Install the pinned packages into .venv; skipped while requirements.txt is unchanged.
$(INSTALLED): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

# Build into a staging folder, then swap it in, one build at a time (hooks/opencounter/publish.py):
# a failed build leaves site/ exactly as it was, and a link to a web root is written through.
site: $(INSTALLED)
	@PYTHONPATH=hooks $(BIN)/python -m opencounter.publish .

# Preview on http://127.0.0.1:8000, rebuilding when services.yaml, standards.yaml, content/ or overrides/ change.
serve: $(INSTALLED)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Check services.yaml and standards.yaml without building: errors first, then plain English advice.
check: $(INSTALLED)
	@PYTHONPATH=hooks $(BIN)/python -m opencounter.check .

# For a council in Welsh and English: every field shown as words, in translations.csv, for a translator.
translations: $(INSTALLED)
	@PYTHONPATH=hooks $(BIN)/python -m opencounter.translations export .

# Read translations.csv back: its Welsh column goes into services.yaml and standards.yaml (nothing else changes).
translations-import: $(INSTALLED)
	@PYTHONPATH=hooks $(BIN)/python -m opencounter.translations import .

# Regenerate the JSON Schemas (schemas/) from the field table in hooks/opencounter/format.py.
schemas: $(INSTALLED)
	@PYTHONPATH=hooks $(BIN)/python -m opencounter.schema schemas

# Checks of the site your catalogue makes that never judge your words: no errors, every page built, every
# link within the site resolves, nothing from another host, axe on each kind of page, the same site twice.
# The shipped CI runs it on every change (hooks/opencounter/verify.py; README, "What your CI checks").
verify: $(INSTALLED) browser
	@PYTHONPATH=hooks $(BIN)/python -m opencounter.verify .

# Open Counter's own tests, on catalogues of their own under tests/ (never your services.yaml or content/).
test: $(INSTALLED) browser
	$(BIN)/python -m pytest

# Every leaflet of a council with 1,000 services and 60 offices (minutes): a scheduled job (.ci/scheduled).
test-scale: $(INSTALLED)
	$(BIN)/python -m pytest -m scale

# Open Counter's own CI only: the sample at the root is the one the tests use (tests/fixtures/sample).
test-shipped: $(INSTALLED)
	$(BIN)/python -m pytest -m shipped -n 0

# The browser tests drive Debian's Chromium (never a downloaded browser). Installed when missing, as root.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Chromium from Debian's packages for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: run 'sudo apt-get install chromium' for the browser tests."; \
	  fi; }

# Build speed and memory against plain mkdocs-material at 100, 1,000 and 3,000 services (takes about 10 minutes).
bench: $(INSTALLED)
	$(BIN)/python bench/build.py

# How long the full set of leaflets takes (sample council; 1,000 services and 60 offices).
bench-leaflets: $(INSTALLED)
	$(BIN)/python bench/leaflets.py

# Re-resolve requirements.in into the fully pinned requirements.txt.
lock:
	$(BIN)/python -m pip install --quiet -r requirements.in
	$(BIN)/python -m pip freeze --exclude-editable > requirements.txt

clean:
	rm -rf site .build .cache .pytest_cache

# --- engines (hooks/opencounter/engines.py) -------------------------------------------------------
# The site built with MkDocs and with ProperDocs (a maintained fork of MkDocs 1.6) into .build/engines/,
# and the two compared file by file: any difference but the generator tag fails.
.PHONY: engines
engines: $(INSTALLED)
	@PYTHONPATH=hooks $(BIN)/python -m opencounter.engines .
