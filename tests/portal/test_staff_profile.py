import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from portal.factories import DepartmentFactory
from portal.models import StaffProfile, user_department

pytestmark = pytest.mark.django_db


def test_user_department_reads_the_profile():
    department = DepartmentFactory()
    user = get_user_model().objects.create_user("handler", password="pw-123456789")
    assert user_department(user) is None
    StaffProfile.objects.create(user=user, department=department)
    user.refresh_from_db()
    assert user_department(user) == department
    assert user_department(AnonymousUser()) is None
