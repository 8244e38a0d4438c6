# Every target installs what it needs into .venv and node_modules first, so a
# fresh clone needs nothing but python3 (3.11+), node and npm.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
SPEC := spec/heytraders.yaml
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

.PHONY: help install generate check-generated lint lint-spec lint-python portability test contract contract-cli contract-live reliability bench load mock demo clean

help:
	@echo "make demo         run the main job"
	@echo "make test         install everything, run every check and test"
	@echo "make generate     regenerate generated/heytraders and generated/SKILL.md from the spec"
	@echo "make lint         spec gates (openapi-spec-validator, Redocly, spec rules), generated/ up to date, ruff, mypy"
	@echo "make portability  check that openapi-python-client accepts the spec"
	@echo "make bench        the SDK's cost over raw httpx, as ratios measured in one run"
	@echo "make load         200 clients, 100,000 requests against heytraders-mock: throughput, latency, errors, memory"
	@echo "make mock         serve the sandbox on http://127.0.0.1:8080/api/v1"
	@echo "make contract     the deep schemathesis run of the mock against the spec (make test runs a bounded one)"
	@echo "make contract-cli   plain 'st run --checks all' (no hooks) against 'heytraders-mock --no-limits'"
	@echo "make contract-live  read-only contract run against HEYTRADERS_BASE_URL (needs HEYTRADERS_API_KEY)"
	@echo "make reliability  5,200 orders through injected faults, sync and async: 0 duplicates, 0 lost (make test runs 528)"

$(VENV_STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV_STAMP) $(NODE_STAMP)

generate: install
	$(PY) -m generator

# generated/ (the package and SKILL.md) must be exactly what the generator makes from the spec: not stale, not hand-edited.
check-generated: install
	rm -rf build/check-generated
	$(PY) -m generator --out build/check-generated/heytraders
	@diff -r generated/heytraders build/check-generated/heytraders \
		|| { echo "generated/ differs from a fresh 'make generate': run it and commit the result"; exit 1; }
	@diff generated/SKILL.md build/check-generated/SKILL.md \
		|| { echo "generated/SKILL.md differs from a fresh 'make generate': run it and commit the result"; exit 1; }

lint: lint-spec check-generated lint-python

lint-spec: install
	$(BIN)/openapi-spec-validator $(SPEC)
	node_modules/.bin/redocly lint $(SPEC) --format=summary
	$(PY) -m generator.spec

lint-python: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy generated/heytraders generator tests benchmarks mock/heytraders_mock mcp_server/heytraders_mcp cli/heytraders_cli examples

portability: install
	rm -rf build/portability
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path $(SPEC) --output-path build/portability --meta none --fail-on-warning

test: lint
	$(BIN)/pytest

contract: install
	CONTRACT_PROFILE=deep $(BIN)/pytest tests/contract -q -rs

# Untuned: no hooks, every check; the failures it may report are the kinds README.md lists, nothing else.
contract-cli: install
	$(PY) -m tests.contract.plain_run

contract-live: install
	$(BIN)/pytest tests/contract/test_contract_live.py -m live -rs

mock: install
	$(BIN)/heytraders-mock --host 127.0.0.1 --port 8080

reliability: install
	RELIABILITY_PROFILE=long $(BIN)/pytest tests/reliability -q

bench: install
	$(PY) -m benchmarks

# LOAD_ARGS passes options through, e.g. make load LOAD_ARGS="--requests 10000 --rate-limit 300".
load: install
	$(PY) -m benchmarks.load $(LOAD_ARGS)

demo: install
	$(PY) examples/run_demo.py

clean:
	rm -rf $(VENV) node_modules build .pytest_cache .mypy_cache .ruff_cache
