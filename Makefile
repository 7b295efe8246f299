# kithkin: the two set-up commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KITHKIN := $(VENV)/bin/kithkin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha1sum | cut -c1-12)

.PHONY: run test lint system-deps clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -U pip
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

## run: install, fill a demo life on first use (SQLite in your data dir), serve the web app
run: $(STAMP)
	@$(KITHKIN) today --json >/dev/null 2>&1 || $(KITHKIN) demo
	$(KITHKIN) serve

## test: install everything the tests need (Python packages, Chromium, PostgreSQL up) and run all
test: $(STAMP) system-deps lint
	$(PY) -m pytest -n auto --durations=15  # one worker per CPU (pytest-xdist): each has its own databases and ports

lint: $(STAMP)
	$(VENV)/bin/ruff check $(wildcard src tests benchmarks)
	$(VENV)/bin/ruff format --check $(wildcard src tests benchmarks)
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

system-deps:
	@bash scripts/ensure-system-deps.sh

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts
