"""Settings of bench/import_catalogue.py: the test settings with django-tasks' dummy backend, so
that the search-index and reference-index tasks each saved page enqueues are recorded for the
worker, as in production, instead of running inside the import."""

from portal.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
