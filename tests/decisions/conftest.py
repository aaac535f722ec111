import pytest
from django.core.cache import cache

from decisions.factories import DecisionIndexPageFactory, MajorDecisionPageFactory
from portal.factories import DepartmentFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()


@pytest.fixture
def section(home):
    return DecisionIndexPageFactory(parent=home)


@pytest.fixture
def department(db):
    return DepartmentFactory(name="示例县发展和改革局", code="11331002", email="fgj@example.gov.cn")


@pytest.fixture
def notice(section, department):
    """A live notice open for comment now."""
    return MajorDecisionPageFactory(parent=section, issuing_department=department)
