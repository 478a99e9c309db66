# The two commands a newcomer needs: `make demo` and `make test`. Both set up .venv/ first:
# `make demo` (and `make setup`) installs the runtime lock only, `make test` the test lock too.
# Both locks pin every package with its hashes (pip --require-hashes); `make lock` regenerates
# them from pyproject.toml after a dependency changes (`make lock LOCK_FLAGS=--upgrade`: newest).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP_LOCK := requirements/pip.lock
RUNTIME_LOCK := requirements/runtime.lock
TEST_LOCK := requirements/test.lock
RUNTIME_STAMP := $(VENV)/.installed-runtime-$(shell cat $(PIP_LOCK) $(RUNTIME_LOCK) pyproject.toml | cksum | cut -d' ' -f1)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat $(RUNTIME_LOCK) $(TEST_LOCK) pyproject.toml | cksum | cut -d' ' -f1)
# The lock tool lives in a venv of its own, never in the project's.
TOOLS := $(VENV)-tools
UV := $(TOOLS)/bin/uv
UV_VERSION := 0.13.9
LOCK_FLAGS ?=
DEMO_ARTICLES ?= 300

.PHONY: setup setup-test system-deps demo test layers bench lock clean
setup: $(RUNTIME_STAMP)
setup-test: $(TEST_STAMP)

# Servers and tools the tests drive for real: Redis, and Chromium to look at the run report, with
# the CJK fonts its category names need (without them Chromium draws empty boxes): each checked
# on its own, only what is missing installed.
system-deps:
	@missing=""; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	dpkg -s fonts-noto-cjk >/dev/null 2>&1 || fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing (Debian packages)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

$(RUNTIME_STAMP): $(PIP_LOCK) $(RUNTIME_LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(PIP_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(RUNTIME_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-runtime-* && touch $@

$(TEST_STAMP): $(RUNTIME_STAMP) $(TEST_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(RUNTIME_LOCK) -r $(TEST_LOCK)
	rm -f $(VENV)/.installed-test-* && touch $@

demo: setup
	$(BIN)/python -m tests.demo --articles $(DEMO_ARTICLES)

test: setup-test system-deps layers
	$(BIN)/python -m pytest

# The rooms' import contracts (pyproject.toml, [tool.importlinter]; docs/architecture.md): a few seconds.
layers: setup-test
	$(BIN)/lint-imports

bench: setup-test
	$(BIN)/python -m tests.bench

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet uv==$(UV_VERSION)

# Runtime: pyproject's dependencies. Test: those and the `test` extra, at the runtime lock's versions.
lock: $(UV)
	$(UV) pip compile requirements/pip.in --generate-hashes --python $(PYTHON) --quiet $(LOCK_FLAGS) \
	  --custom-compile-command "make lock" -o $(PIP_LOCK)
	$(UV) pip compile pyproject.toml --generate-hashes --python $(PYTHON) --quiet $(LOCK_FLAGS) \
	  --custom-compile-command "make lock" -o $(RUNTIME_LOCK)
	$(UV) pip compile pyproject.toml --extra test --generate-hashes --python $(PYTHON) --quiet $(LOCK_FLAGS) \
	  --custom-compile-command "make lock" -c $(RUNTIME_LOCK) -o $(TEST_LOCK)

clean:
	rm -rf $(VENV) $(TOOLS) build *.egg-info .pytest_cache
