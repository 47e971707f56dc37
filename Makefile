# Two commands do all the set-up on a fresh Debian machine (as root):
#   make site   -> builds the default course (site, PDFs, packages) into site/ and build/
#   make test   -> runs the whole test suite (JavaScript unit tests with node --test, then pytest)
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
APT_BUILD := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core graphviz
APT_TEST := chromium poppler-utils

.PHONY: site test setup setup-dev system-build system-test check lint bench clean

site: setup system-build
	$(PY) build.py build
	$(PY) build.py packs
	$(PY) build.py package all

check: setup
	$(PY) build.py check

test: setup-dev system-build system-test
	node --test tests/js
	$(PY) -m pytest -q -n auto --dist loadfile tests

lint: setup-dev
	$(VENV)/bin/ruff check course build.py tests bench

bench: setup
	$(PY) bench/build_speed.py
	$(PY) bench/certificates_speed.py

ED25519_BUNDLE := node_modules/.opspor/ed25519-verify.js

setup: $(VENV)/.build-installed node_modules/.installed $(ED25519_BUNDLE)

setup-dev: setup $(VENV)/.dev-installed

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.build-installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The verify page's fallback Ed25519 verifier: @noble/ed25519 + @noble/hashes (pinned in the lock
# file) bundled into one classic script, because ES modules do not load from file://.
$(ED25519_BUNDLE): node_modules/.installed course/site/vendor_entries/ed25519-verify.js
	node_modules/.bin/esbuild course/site/vendor_entries/ed25519-verify.js --bundle --format=iife \
	  --minify --target=es2020 --legal-comments=inline --log-level=warning --outfile=$@

# Debian packages, installed only when missing (root is needed for apt-get).
system-build:
	@missing=$$(for p in $(APT_BUILD); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi

system-test:
	@missing=$$(for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi

clean:
	rm -rf site build .pytest_cache
