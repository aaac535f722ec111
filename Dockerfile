# Production image: gunicorn behind a TLS-terminating proxy. Migrations are a separate release
# step (see README: "Production"), never run at container start.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    PORT=8000

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin portal

WORKDIR /app

COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY --chown=portal:portal . .
RUN pip install --no-deps --no-build-isolation -e . \
    && SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown -R portal:portal /app/media /app/staticfiles

USER portal
EXPOSE 8000

# /healthz answers 200 while the database answers; the Host header must be an allowed host and
# the proxy header keeps the HTTPS redirect out of the way.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os,sys,urllib.request as u; h=os.environ['ALLOWED_HOSTS'].split(',')[0].strip().lstrip('.'); r=u.Request('http://127.0.0.1:%s/healthz' % os.environ.get('PORT','8000'), headers={'Host': h, 'X-Forwarded-Proto': 'https'}); sys.exit(0 if u.urlopen(r, timeout=4).status == 200 else 1)"

# Bind, workers, timeout, the access log (paths without query strings, personal data masked)
# and the request-line limit are in gunicorn.conf.py.
CMD ["gunicorn", "--config", "gunicorn.conf.py", "portal.wsgi:application"]
