# rancang: two commands set up everything on a fresh machine.
#   make build   create .venv if missing, install rancang, build the bundled example
#   make test    run the whole test suite in the same .venv

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: build test check docs schemas bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/rancang build

check: $(STAMP)
	$(BIN)/rancang check

test: $(STAMP)
	$(BIN)/python -m pytest

docs: $(STAMP)
	$(BIN)/python -m sphinx -W --keep-going -b html -q docs docs/_build/html

bench: $(STAMP)
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_draft.py

schemas: $(STAMP)
	$(BIN)/rancang schema

clean:
	rm -rf _build docs/_build .pytest_cache
