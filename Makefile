# backcare: `make run` starts the app, `make test` runs the tests. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/backcare serve

# In CI (CI set) the test run also installs and starts what the storage and browser tests need:
# Debian's postgresql (on loopback) and chromium. Outside CI those tests skip with a reason.
test: install
ifdef CI
	bash .ci/browser.sh
	BACKCARE_TEST_POSTGRES_URL="$$(bash .ci/postgres.sh)" $(BIN)/python -m pytest -q
else
	$(BIN)/python -m pytest -q
endif

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: install
	@for f in bench/bench_*.py; do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
