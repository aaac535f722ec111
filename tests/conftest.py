"""Fixtures shared by every test module."""

import pytest

from tests.utils import make_home


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of one test go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
