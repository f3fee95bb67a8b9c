# The two commands of the README: `make demo` and `make test`. Both create .venv and install the
# package into it (not editable: tests run against what `pip install .` ships). The tests run in
# one worker per core (pytest-xdist), each test file's tests in one worker so that its
# module fixtures (real fits, real checkpoints) are built once.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP_FLAGS ?= --quiet --disable-pip-version-check

.PHONY: demo test lint example bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

demo: $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) ".[keras,lightgbm]"
	$(BIN)/jetx-diag demo

test: $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) ".[test]"
	$(BIN)/ruff check jetx_diag tests benchmarks
	JETX_DIAG_REQUIRE_INSTALLED=1 $(BIN)/pytest -n auto --dist loadfile

lint: $(BIN)/python
	$(BIN)/ruff check jetx_diag tests benchmarks
	$(BIN)/ruff format --check jetx_diag tests benchmarks

# The committed example report: fixed inputs, no training, byte-for-byte reproducible.
example: $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) .
	$(BIN)/python -m jetx_diag.demo.example reports/example

bench: $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) ".[test]"
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_compare.py

clean:
	rm -rf build dist *.egg-info jetx-diag-demo
