# The two commands a newcomer needs: `make demo` and `make test`. Both set up .venv/ first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
DEMO_ARTICLES ?= 300

.PHONY: setup system-deps demo test bench clean
setup: $(STAMP)

# Servers and tools the tests drive for real: Redis, and Chromium to look at the run report.
system-deps:
	@command -v redis-server >/dev/null && command -v chromium >/dev/null || { \
	  echo "Installing redis-server and chromium (Debian packages)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server chromium fonts-noto-cjk >/dev/null; }

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

demo: setup
	$(BIN)/python -m tests.demo --articles $(DEMO_ARTICLES)

test: setup system-deps
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m tests.bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
