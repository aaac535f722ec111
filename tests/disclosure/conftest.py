import pytest

from disclosure.factories import DisclosureIndexPageFactory


@pytest.fixture
def catalogue(home):
    return DisclosureIndexPageFactory(parent=home)
