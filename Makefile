# rancang: two commands set up everything on a fresh machine.
#   make build   create .venv if missing, install rancang, build the bundled example
#   make test    run the whole test suite in the same .venv

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
# The bench corpora, built once by bench_site.py and measured again by bench_search.py (several GB at 36,742).
BENCH_DIR ?= $(or $(TMPDIR),/tmp)/rancang-bench

.PHONY: build test check docs schemas bench bench-full clean

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

# Speed, as `name: value` lines (medians; ratios measured side by side). Quick suite: under 10 minutes on
# a 2-core machine. bench-full adds the national corpus (36,742 profiles; about a quarter of an hour more).
bench: $(STAMP)
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_draft.py
	$(BIN)/python bench/bench_briefs.py
	$(BIN)/python bench/bench_impor.py
	$(BIN)/python bench/bench_impor_inovasi.py 10000 1
	$(BIN)/python bench/bench_lint_eval.py --json bench/hasil/lint-eval.json
	$(BIN)/python bench/bench_site.py 1000 10000 --folder $(BENCH_DIR) --json bench/hasil/situs.json
	$(BIN)/python bench/bench_search.py 1000 10000 --relevansi --tanpa-bangun --folder $(BENCH_DIR)

# The national corpus once and 1,000 in the same run (site_rate_ratio_36742_1000), the small one for the curve,
# the plot of build time against N, and a search on the national site.
bench-full: bench
	$(BIN)/python bench/bench_site.py 100 1000 36742 --full-only --folder $(BENCH_DIR) \
		--json bench/hasil/situs.json --plot bench/hasil/situs.svg
	$(BIN)/python bench/bench_search.py 36742 --tanpa-bangun --folder $(BENCH_DIR)

schemas: $(STAMP)
	$(BIN)/rancang schema

clean:
	rm -rf _build docs/_build .pytest_cache
