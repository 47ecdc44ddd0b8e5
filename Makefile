# newsfacts: two commands on a fresh machine, `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
UV_VERSION := 0.13.8
STAMP  := $(VENV)/.installed

INPUT  ?= datasets/raw
OUTPUT ?= datasets/published
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: setup run test test-fast ui lock clean eval bench

setup: $(STAMP)

# The venv is rebuilt only when the lock file or the project metadata change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	# --compile-bytecode: imports read .pyc files even where PYTHONDONTWRITEBYTECODE is set (CI,
	# containers); without them every process recompiles dagster, GX and spaCy (tens of seconds).
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@

run: setup $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/newsfacts run --input $(INPUT) --output $(OUTPUT)

test: setup
	bash scripts/run_tests.sh

ui: setup $(DAGSTER_HOME)/dagster.yaml
	NEWSFACTS_INPUT=$(CURDIR)/$(INPUT) NEWSFACTS_OUTPUT=$(CURDIR)/$(OUTPUT) \
		$(BIN)/dagster dev -m pipelines.definitions

# Re-pin every dependency (needs the registry); commit the result.
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) $(DAGSTER_HOME) $(OUTPUT) .pytest_cache
