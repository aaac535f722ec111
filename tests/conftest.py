"""Fixtures shared by every test module."""

import os

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.utils import make_home

# Property-based tests run a bounded, repeatable number of examples so CI stays inside its time
# budget and a failure reproduces; HYPOTHESIS_PROFILE=deep explores more on a developer's machine.
hypothesis_settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
hypothesis_settings.register_profile(
    "deep", parent=hypothesis_settings.get_profile("ci"), max_examples=500, derandomize=False
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of one test go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session", autouse=True)
def _no_stray_connections_at_teardown(django_db_setup, django_db_blocker):
    """Request threads of the browser tests' live server can still hold connections to the
    test database when the session ends; PostgreSQL then refuses to drop it and pytest warns.
    Close them first (this fixture is torn down before pytest-django drops the database)."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
