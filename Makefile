# The two commands that matter: `make run` (set up and serve with demo content on SQLite)
# and `make test` (lint, checks and the whole test suite).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=portal.settings.test

.PHONY: setup demo run test lint format lock clean audit docker-check

$(VENV)/.installed: pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "需要 Python 3.11，当前为 " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==26.3"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

# The Nu HTML checker (vnu.jar, run by tests/portal/test_html_validity.py with Java 17): that
# test skips without it and fails in CI. --ignore-scripts: Java is the machine's, not downloaded.
VNU_VERSION := 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar

$(VNU_JAR):
	@if command -v npm >/dev/null; then \
	  npm install --prefix .tools --no-audit --no-fund --ignore-scripts vnu-jar@$(VNU_VERSION); \
	else echo "未找到 npm：跳过 Nu HTML 校验器（vnu-jar）的安装"; fi

setup: $(VENV)/.installed $(VNU_JAR)

demo: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py bootstrap_site
	$(PY) manage.py load_demo

# The task worker runs beside the server (notification mail, search index updates); it stops
# with the server. Scheduled jobs run only when `manage.py run_scheduler` runs.
run: demo
	@echo "网站：http://$(HOST):$(PORT)/    管理后台：http://$(HOST):$(PORT)/admin/"
	@echo "后台任务 worker（manage.py run_worker）已在网站旁边启动；定时任务需另开终端运行 manage.py run_scheduler。"
	@$(PY) manage.py run_worker --interval 2 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver $(HOST):$(PORT)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: lint
	$(TEST_SETTINGS) $(PY) manage.py check --fail-level WARNING
	$(TEST_SETTINGS) $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Re-pin every transitive package after a change to pyproject.toml's direct pins.
lock: setup
	$(PY) -m pip install --quiet -e ".[dev]"
	{ echo "# Every package the portal installs, pinned exactly (make setup installs from this file)."; \
	  echo "# Regenerate after changing pyproject.toml: make lock"; \
	  $(PY) -m pip freeze --exclude-editable; echo "setuptools==80.9.0"; } > requirements.lock

# Known vulnerabilities in the pinned packages (asks the PyPI advisory service: needs the network,
# so it is not part of `make test`). Each ignored finding is explained in README.md, 安全.
AUDIT_IGNORE :=
audit: setup
	$(VENV)/bin/pip-audit -r requirements.lock --strict --progress-spinner off --disable-pip --no-deps \
	  $(foreach id,$(AUDIT_IGNORE),--ignore-vuln $(id))

# Lint the Dockerfile and validate the compose file with the tools where they are installed
# (saying so where they are not), then the static checks of tests/portal/test_deployment_files.py.
docker-check: setup
	@if command -v hadolint >/dev/null 2>&1; then hadolint Dockerfile; \
	  else echo "未安装 hadolint：跳过 Dockerfile 的 hadolint 检查。"; fi
	@if docker compose version >/dev/null 2>&1; then \
	  SECRET_KEY=check ALLOWED_HOSTS=check docker compose config --quiet \
	  && SECRET_KEY=check ALLOWED_HOSTS=check docker compose --profile elasticsearch --profile release config --quiet \
	  && echo "docker compose config：通过。"; \
	  else echo "没有 docker compose：跳过 docker compose config 检查。"; fi
	$(PY) -m pytest -q tests/portal/test_deployment_files.py

clean:
	rm -rf $(VENV) staticfiles .test-media .tools
