# The two commands in the README: `make run` and `make test`. Everything else is a step
# they call. Each step is idempotent and quick when nothing has changed.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PYTEST_ARGS ?=
E2E_ARGS ?=
BENCH_ARGS ?=
PAGES_ARGS ?= --requests 200
BURST_ARGS ?= --officers 150

.PHONY: run run-sso test test-e2e-postgres bench install install-dev assets chromium weasyprint-libs migrate demo lint format clean ralph lrs

## Serve the platform with the demo on http://127.0.0.1:8000 (SQLite by default).
run: install assets migrate demo
	$(PY) manage.py runserver 127.0.0.1:8000

## The same, with single sign-on through a local OpenID Connect provider on SSO_PORT (the
## test suite's, tests/oidc_provider/server.mjs, with the demo accounts of demo/sso_accounts.json):
## "Sign in with Example Police Service account", then any password for officer, sergeant or
## trainer (newstarter shows the page for someone not yet imported). docs/integration.md.
SSO_PORT ?= 8001
SSO_ENV = OIDC_ENABLED=1 OIDC_PROVIDER_NAME="Example Police Service account" \
	OIDC_OP_ISSUER=http://127.0.0.1:$(SSO_PORT) \
	OIDC_OP_AUTHORIZATION_ENDPOINT=http://127.0.0.1:$(SSO_PORT)/auth \
	OIDC_OP_TOKEN_ENDPOINT=http://127.0.0.1:$(SSO_PORT)/token \
	OIDC_OP_JWKS_ENDPOINT=http://127.0.0.1:$(SSO_PORT)/jwks \
	OIDC_OP_LOGOUT_ENDPOINT=http://127.0.0.1:$(SSO_PORT)/session/end \
	OIDC_RP_CLIENT_ID=police-training OIDC_RP_CLIENT_SECRET=police-training-demo-secret \
	OIDC_RP_SCOPES="openid email profile staff groups" \
	OIDC_MATCH_CLAIM=employeeid OIDC_MATCH_FIELD=staff_number \
	OIDC_ROLE_MAPPING="demo-managers=Manager;demo-trainers=Trainer" OIDC_TRUST_PROVIDER_MFA=1
run-sso: install assets migrate demo
	@mkdir -p var; node tests/oidc_provider/server.mjs --port $(SSO_PORT) --accounts demo/sso_accounts.json \
		--client-id police-training --client-secret police-training-demo-secret 2>var/oidc-provider.log & \
	provider=$$!; trap 'kill $$provider 2>/dev/null' EXIT INT TERM; sleep 2; \
	if ! kill -0 $$provider 2>/dev/null; then \
		echo "The local OpenID provider did not start:" >&2; cat var/oidc-provider.log >&2; exit 1; fi; \
	$(SSO_ENV) $(PY) manage.py runserver 127.0.0.1:8000

## Install what the tests need and run the whole suite: unit tests, then browser tests
## (Playwright needs a pytest run of its own; see tests/conftest.py).
test: install-dev assets chromium
	$(PY) -m pytest -n auto $(PYTEST_ARGS)
	$(PY) -m pytest tests/e2e $(E2E_ARGS)

## Every browser test on PostgreSQL (CI runs the database-heavy journeys only; .ci/run).
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
test-e2e-postgres: install-dev assets chromium
	DATABASE_URL=$(PG_URL) $(PY) -m pytest tests/e2e $(E2E_ARGS)

## Measure the compliance reports and exports on a force-sized data set, then the officer pages
## and an exam burst served by gunicorn (not part of `make test`; about ten minutes here). Full
## sizes: BENCH_ARGS="--officers 50000 --courses 40" BURST_ARGS="--officers 500"; PostgreSQL with
## DATABASE_URL=postgres://..., Redis for the burst with REDIS_URL (docs/performance.md).
bench: install-dev assets
	$(PY) benchmarks/compliance_reports.py $(BENCH_ARGS)
	$(PY) benchmarks/summary_rollup.py
	$(PY) benchmarks/officer_pages.py $(PAGES_ARGS)
	$(PY) benchmarks/exam_burst.py $(BURST_ARGS)
	$(PY) benchmarks/certificate_pdf.py

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

install: $(VENV)/.runtime weasyprint-libs
# npm ci brings the OpenID Connect provider the single sign-on tests start (oidc-provider).
install-dev: $(VENV)/.dev weasyprint-libs ralph node_modules/.package-lock.json

## Ralph, the Learning Record Store the xAPI tests post to (tests/xapi/), in a virtual environment
## of its own: its pinned dependencies (pydantic, fastapi) are not ours to share. Its server
## also needs `requests`.
RALPH_VENV ?= .venv-ralph
$(RALPH_VENV)/.installed:
	$(PYTHON) -m venv $(RALPH_VENV)
	$(RALPH_VENV)/bin/pip install --quiet --upgrade pip
	$(RALPH_VENV)/bin/pip install --quiet 'ralph-malph[lrs]==5.1.0' 'requests>=2.31,<3'
	touch $@
ralph: $(RALPH_VENV)/.installed

## A local LRS for the demo on http://127.0.0.1:8100 (user demo, password demo-lrs-password;
## statements kept in var/lrs/). `make run` in another terminal forwards to it when started
## with XAPI_LRS_ENDPOINT=http://127.0.0.1:8100 (docs/standards.md, xAPI).
LRS_PORT ?= 8100
lrs: ralph
	$(RALPH_VENV)/bin/python tests/xapi/ralph/serve.py --port $(LRS_PORT) --data var/lrs \
		--username demo --password demo-lrs-password

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

## GOV.UK Frontend styles and scripts, built into site/static/dist (not committed), again only
## when the styles, the build scripts or the packages have changed (so that a second `make`
## never rewrites files another process is reading).
ASSET_SOURCES := $(shell find site/static/scss site/build -type f) package.json
assets: site/static/dist/.built
site/static/dist/.built: node_modules/.package-lock.json $(ASSET_SOURCES)
	npm run --silent build
	touch $@

## Browser tests drive Debian's Chromium; they never download a browser.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }; \
		else \
			echo "Install Chromium first: sudo apt-get install chromium"; exit 1; \
		fi; \
	}

## Certificate PDFs (WeasyPrint) need Pango and a font; installed with apt-get when missing.
WEASYPRINT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
weasyprint-libs:
	@missing=""; for deb in $(WEASYPRINT_DEBS); do \
		dpkg-query -W -f='$${Status}' "$$deb" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$deb"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get install -y -qq $$missing >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $$missing; }; \
		else \
			echo "Certificate PDFs need:$$missing. Install them first: sudo apt-get install$$missing"; exit 1; \
		fi; \
	fi

migrate: install
	$(PY) manage.py migrate --noinput

demo: install
	$(PY) manage.py load_demo

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules site/static/dist
