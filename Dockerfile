# Production image: gunicorn behind a TLS-terminating proxy. The same image runs the web
# process, the task worker (manage.py run_worker) and the scheduler (manage.py run_scheduler);
# migrations are a separate release step (README: "Production"), never run at container start.
#
# The base image is pinned by digest, so a rebuild gets the same Debian and Python until the
# digest is changed on purpose (README: Production, "Refreshing the base image").
ARG PYTHON_IMAGE=python:3.11-slim@sha256:9c900dea9e8fb7e16277c179b555cc72d29a352dbc33cff48ad5a0412fd5bfc7
FROM ${PYTHON_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    PORT=8000 \
    FORWARDED_ALLOW_IPS=127.0.0.1

# espeak-ng speaks the audio captcha in Chinese; fonts-noto-cjk draws Chinese in PDF replies;
# postgresql-client gives backup_site its pg_dump and pg_restore.
RUN apt-get update \
    && apt-get install -y --no-install-recommends espeak-ng fonts-noto-cjk postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin portal

WORKDIR /app

COPY requirements.lock ./
RUN pip install -r requirements.lock

# The code stays owned by root: the user the site runs as can read it, never change it. Only
# the media folder (a volume in production) is writable.
COPY . .
RUN pip install --no-deps --no-build-isolation -e . \
    && SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown portal:portal /app/media

USER portal
EXPOSE 8000

# /healthz answers 200 while the database answers; the Host header must be an allowed host and
# the proxy header keeps the HTTPS redirect out of the way.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os,sys,urllib.request as u; h=os.environ['ALLOWED_HOSTS'].split(',')[0].strip().lstrip('.'); r=u.Request('http://127.0.0.1:%s/healthz' % os.environ.get('PORT','8000'), headers={'Host': h, 'X-Forwarded-Proto': 'https'}); sys.exit(0 if u.urlopen(r, timeout=4).status == 200 else 1)"

# Bind, workers, timeout, the access log (paths without query strings, personal data masked),
# the request-line limit and --forwarded-allow-ips (from FORWARDED_ALLOW_IPS: the proxy's
# address, never *) are in gunicorn.conf.py.
CMD ["gunicorn", "--config", "gunicorn.conf.py", "portal.wsgi:application"]
