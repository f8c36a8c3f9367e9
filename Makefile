# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
STAMP := $(VENV)/.installed
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONWARNINGS := ignore

# The first working Python 3.10 (a pyenv shim that is not set to 3.10 does not count).
PYTHON310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.10; do \
	$$p -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null && { echo $$p; break; }; done)

MODEL = $(shell $(PY) -m bot.training)

.PHONY: help install run test shell i18n catalogs model bench bench-safety lock clean widget browser

help:
	@echo "make run    start the companion (installs and trains if needed), chat at http://127.0.0.1:8080/"
	@echo "make test   run every test: pytest, data validation, conversation tests"
	@echo "make shell  chat in the terminal     make i18n   extract, update and compile catalogs"
	@echo "make bench  print accuracy, training and latency figures"
	@echo "make bench-safety  crisis detection recall, false flags and speed per language"
	@echo "make widget  rebuild bot/web/static/widget.js from widget/ (needs npm; the built file is committed)"

install: $(STAMP)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is required (python3.10 not found)"; exit 1; }
	test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==26.3"
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

catalogs: install
	$(PY) -m bot.i18n compile

i18n: install
	$(PY) -m bot.i18n all

model: install catalogs
	$(PY) -m bot.training

run: model
	mkdir -p var
	$(PY) -m bot.launcher

shell: model
	mkdir -p var
	$(RASA) shell --model "$(MODEL)" --endpoints endpoints.yml

test: model browser
	$(PY) -m pytest
	$(RASA) data validate --fail-on-warnings --data data/nlu data/stories data/rules \
		--config config.yml --domain domain.yml
	$(RASA) test core --model "$(MODEL)" --stories tests/conversations \
		--endpoints endpoints.yml --fail-on-prediction-errors --out results/conversations

bench: model
	$(PY) -m tests.bench.bench_foundation

bench-safety: install
	$(PY) -m tests.bench.bench_safety

lock: install
	{ echo "# Full pinned set, from 'pip freeze' of a working environment. Regenerate with 'make lock'."; \
	  $(PY) -m pip freeze --exclude-editable | grep -v '^#'; } > constraints.txt

# The web widget: bundle widget/src into bot/web/static/widget.js and copy axe-core for the
# browser tests. Both outputs are committed, so only someone changing the widget needs npm.
widget:
	cd widget && npm ci --no-audit --no-fund && npm run build

# The browser tests drive Debian's chromium (Playwright's own browser download is out of
# reach). Install it when missing; if that fails, the browser tests skip and say why.
CHROMIUM ?= /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
browser:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium could not be installed: the browser tests will be skipped"

clean:
	rm -rf models results var .pytest_cache
