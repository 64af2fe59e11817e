# Two commands on a fresh machine:
#   make demo   install everything (llama.cpp builds from source, ~5 min the first
#               time), fetch the embedded 1.5B model (~1.1 GB) and extract the seed
#   make test   install the dev tools and run the offline test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SEED    = seeds/000_e3df12fb75ba6b2b.txt
# Portable llama.cpp build (no -march=native), both cores.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF
export CMAKE_BUILD_PARALLEL_LEVEL ?= 2

.PHONY: demo test lint live schemas cassettes clean

# The venv keeps the pip it comes with (no upgrade): the install must work with the
# pip a user has, and this is what proves it.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

demo: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[local]'
	$(BIN)/extractor model install
	$(BIN)/extractor extract $(SEED) --model local --format table

test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m pytest

lint: $(BIN)/python
	$(BIN)/ruff check extractor tests && $(BIN)/ruff format --check extractor tests && $(BIN)/mypy extractor

live: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,local]'
	$(BIN)/extractor model install
	$(BIN)/python -m pytest -n 0 -m live -s

schemas: $(BIN)/python
	$(BIN)/extractor schema --write schemas/

cassettes: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,local]'
	$(BIN)/python scripts/record_cassettes.py

clean:
	rm -rf $(VENV) .ci-venv .pytest_cache .mypy_cache .ruff_cache
