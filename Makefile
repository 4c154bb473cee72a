# Two commands for a new user: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# wsgi.py defaults to production; the local database and demo accounts are development.
FLASK := APP_ENV=$${APP_ENV:-development} $(VENV)/bin/flask --app wsgi
STAMP := $(VENV)/.installed

.PHONY: run test lint install translations db demo clean test-postgres

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found). Set PYTHON=/path/to/python3.11."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) translations

# Compiled catalogues are build output (.mo is git-ignored); compile whenever a .po is newer.
translations: $(STAMP)
	@$(VENV)/bin/pybabel compile -d app/translations > /dev/null

db: install
	$(FLASK) db upgrade

demo: db
	$(FLASK) demo load

run: demo
	$(PY) -m app

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

test: lint
	$(PY) -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
