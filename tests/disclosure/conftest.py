import pytest

from disclosure.factories import DisclosureIndexPageFactory

# Staff of each role and 三审, for the tests that drive the admin's publishing paths.
from tests.editorial.conftest import (  # noqa: F401  (fixtures, found by name)
    dept_a,
    reviewer_a,
    reviewer_a2,
    roles,
    site_admin,
)


@pytest.fixture
def catalogue(home):
    return DisclosureIndexPageFactory(parent=home)
