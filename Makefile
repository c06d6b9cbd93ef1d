# Two commands on a fresh machine with python3 >= 3.11 and make:
#   make reports   set up .venv (pinned) and build every report into reports/
#   make test      same set-up if needed, system dependencies for the browser tests, then the whole test suite
# Also: make preview (live preview: rebuild and reload the open pages on every save), make lab (JupyterLab on
# 127.0.0.1, token on), make sync (.py -> .ipynb), make bench, make readme,
# make pdf (a PDF of every built report beside its HTML, printed by Chromium).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Extra arguments for the build, e.g. make reports ARGS="--only 02 -p as_of 2001-06-15"
ARGS   ?=
PYTEST_ARGS ?=
# The suite runs on this many pytest-xdist workers: three on a 2-core CI machine, since much of a test's time is
# spent waiting (kernels starting, pages drawing, builds being interrupted) rather than computing; the shared full
# build and notebook runs are done once for all of them (tests/conftest.py). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 3
PDF_ARGS ?=
# Installs chromium, fonts and axe-core for the browser tests when missing (skipped when the script is absent).
SYSTEM_DEPS ?= scripts/ensure-system-deps.sh

.PHONY: reports preview pdf test lab sync bench readme setup clean lock git-filters hooks catalogs

setup: $(STAMP) git-filters

# Saving a notebook from JupyterLab writes outputs and the machine's Python version into the .ipynb, and papermill
# writes "tags": [] on every cell; this git filter (scripts/nbclean.py: nbstripout's strip, empty tag lists dropped;
# a clean filter in this clone's .git/config) keeps them out of commits and out of `git diff`, so a save leaves only
# the source change. Cell ids are kept (jupytext pairs by them). Skipped outside a git clone.
NBCLEAN := '$(abspath $(BIN))/python' '$(CURDIR)/scripts/nbclean.py'
git-filters:
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  git config filter.nbstripout.clean "$(NBCLEAN)" && \
	  git config filter.nbstripout.smudge cat && \
	  git config diff.ipynb.textconv "$(NBCLEAN) -t"; \
	fi

# Optional: run ruff, the pairing check and nbstripout before every commit (.pre-commit-config.yaml; local hooks only).
hooks: $(STAMP)
	$(BIN)/pre-commit install

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "error: $(PYTHON) is older than 3.11; install Python 3.11+ or run make PYTHON=python3.11"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

reports: $(STAMP)
	$(BIN)/python -m helpers.pipeline $(ARGS)

# Chromium's print of every report in reports/ (build them first); PDF_ARGS="--only 07" narrows it.
pdf: $(STAMP)
	@if [ -f "$(SYSTEM_DEPS)" ]; then sh "$(SYSTEM_DEPS)"; fi
	$(BIN)/python -m helpers.pipeline.pdf $(PDF_ARGS)

# Live preview: builds what is stale, serves reports/ on 127.0.0.1 (a free port, printed), and on every saved
# notebook (.py or .ipynb), data file, section map or helpers change syncs the pair, rebuilds and reloads the open
# pages. Ctrl-C stops. E.g. make preview ARGS="--only 06"
preview: $(STAMP)
	$(BIN)/python -m helpers.pipeline --watch $(ARGS)

test: setup
	@if [ -f "$(SYSTEM_DEPS)" ]; then sh "$(SYSTEM_DEPS)"; fi
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

# Root (containers, CI images) needs --allow-root; the server still listens on 127.0.0.1 only, with a token.
# No news, update checks or extension installs from the web (the flags here and scripts/lab-overrides.json, merged
# into the environment's JupyterLab settings by scripts/lab_settings.py, keeping the user's own settings there); the
# notebooks get this kernel's language_info first, so JupyterLab does not open them marked unsaved (the git filter
# takes it out again). LAB_ARGS adds options (e.g. --port=8890).
LAB_FLAGS := --LabApp.news_url= --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
             --LabApp.extension_manager=readonly
LAB_ARGS ?=
lab: setup
	@$(BIN)/python scripts/lab_settings.py $(VENV)/share/jupyter/lab/settings/overrides.json
	@$(BIN)/python scripts/nbclean.py --kernel-info notebooks/[0-9]*.ipynb
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir="$(CURDIR)" $(LAB_FLAGS) $(LAB_ARGS) $(if $(filter 0,$(shell id -u)),--allow-root)

sync: $(STAMP)
	$(BIN)/jupytext --to ipynb --update notebooks/[0-9]*.py
	$(BIN)/jupyter nbconvert --log-level=WARN --clear-output --inplace notebooks/[0-9]*.ipynb

bench: $(STAMP)
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_preview.py
	$(BIN)/python scripts/bench_sweep.py

# Arabic edition: bring notebooks/locale/ar/*.po up to date with the notebooks' prose (changed cells -> fuzzy).
catalogs: $(STAMP)
	$(BIN)/python -m helpers.i18n extract

readme: $(STAMP)
	$(BIN)/python scripts/make_readme.py

clean:
	rm -rf build .cache

# Regenerate the full pinned freeze from the current .venv (after changing requirements.txt and installing).
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^#' > constraints.txt
