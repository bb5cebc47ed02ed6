# newsclaims: `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DATA   ?= ../shared/data
OUT    ?= out
RUNS   ?= 3
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test fuzz eval bench clean

# pip >= 23.3 compares extra names normalized (PEP 685): an older one, as `venv` bundles
# with Python 3.11, warns that lxml does not provide the extra 'html_clean' (see pyproject)
PIP_MIN := 23.3

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip>=$(PIP_MIN)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/newsclaims extract corpus -o $(OUT)

test: install
	$(BIN)/python -m pytest -q

# long property-based run (random examples; `make test` runs a short fixed budget)
fuzz: install
	$(BIN)/python -m pytest -q -p tests.hypothesis_profiles tests/test_properties.py --hypothesis-profile=fuzz

eval: install
	$(BIN)/python -m pipeline.eval --data $(DATA) --gold corpus/gold --out $(OUT)/eval.json

# LEDGER_SCALE=10000,100000 adds `compare` over that many replicated real-world documents
LEDGER_SCALE ?=
bench: install
	$(BIN)/python -m pipeline.bench --data $(DATA) --out $(OUT)/bench.json --runs $(RUNS) --ledger-scale "$(LEDGER_SCALE)"

clean:
	rm -rf $(OUT) .pytest_cache
