# Accords — the commands of ../shared/CONTRACT.md. Everything installs into .venv from requirements.lock.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
# the stamp carries the hash of the lock and of this recipe, so a changed lock (or way of installing it)
# reinstalls and an unchanged one costs nothing
LOCK_HASH := $(shell sha256sum requirements.lock pyproject.toml Makefile | sha256sum | cut -c1-16)
STAMP := $(VENV)/.installed-$(LOCK_HASH)

# dbt and dagster resolve each other's executables on PATH
export PATH := $(CURDIR)/$(BIN):$(PATH)
export ACCORDS_SOURCES ?= sources/sources.yml
export ACCORDS_DATA_DIR ?= data

.PHONY: install run test ui bench lock clean eval

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	# bytecode compiled once here: where PYTHONDONTWRITEBYTECODE is set, every run (and every dbt or worker
	# process) would otherwise compile thousands of modules from source, seconds of each run's fixed cost
	$(BIN)/uv pip sync -q --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m compileall -q orchestration
	rm -f $(VENV)/.installed-*
	touch $@

run: install
	$(BIN)/python -m orchestration.run

test: install
	$(BIN)/python -m pytest

ui: install
	$(BIN)/python -m orchestration.run --prepare-only
	DAGSTER_HOME=$$($(BIN)/python -m orchestration.settings dagster_home) $(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

bench: install
	$(BIN)/python -m orchestration.bench $(if $(N),--documents $(N),) \
	  $(if $(wildcard $(TRAFILATURA)/tests/evaldata.json),--html-pages $(TRAFILATURA)/tests,)

# regenerate the pinned lock after editing pyproject.toml
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev -p 3.11 -o requirements.lock

clean:
	rm -rf data dbt_project/target dbt_project/logs

# Extraction quality: the labelled corpus's tuning and check halves, and the shared sets where present.
# HTML main text: our ru/ja/zh pages, and trafilatura's 990 evaluation pages where a checkout of
# adbar/trafilatura is at $(TRAFILATURA) (make eval TRAFILATURA=/path/to/trafilatura).
SHARED ?= ../shared
TRAFILATURA ?= ../trafilatura
eval: install
	@echo "== html (sources/corpus/html)"; $(BIN)/python -m orchestration.evaluation.html_eval 2>/dev/null
	@if [ -f $(TRAFILATURA)/tests/evaldata.json ]; then echo "== html (trafilatura's evaluation set)"; \
	  $(BIN)/python -m orchestration.evaluation.html_eval --set $(TRAFILATURA)/tests 2>/dev/null; fi
	@for set in tune check; do echo "== labelled/$$set"; \
	  $(SHARED)/tools/evaluate.sh sources/corpus/labelled/$$set sources/corpus/labelled/gold/$$set | tail -n 1; done
	@for set in seeds dev dev2; do [ -d $(SHARED)/corpus/$$set ] || continue; echo "== $$set"; \
	  $(SHARED)/tools/evaluate.sh $(SHARED)/corpus/$$set $(SHARED)/gold/$$set | tail -n 1; done
