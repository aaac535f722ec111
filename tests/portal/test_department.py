import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from portal.factories import DepartmentFactory
from portal.models import Department

pytestmark = pytest.mark.django_db


def test_code_is_unique():
    DepartmentFactory(code="11339901", name="甲局")
    with pytest.raises(IntegrityError):
        Department.objects.create(code="11339901", name="乙局")


def test_code_accepts_digits_and_capitals_only_with_a_chinese_message():
    department = Department(name="示例县教育局", code="ab-1")
    with pytest.raises(ValidationError) as error:
        department.full_clean()
    assert "部门编码只能由" in str(error.value.message_dict["code"])


def test_department_cannot_be_its_own_ancestor():
    parent = DepartmentFactory()
    child = DepartmentFactory(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError) as error:
        parent.full_clean()
    assert "上级部门不能是本部门" in str(error.value.message_dict["parent"])


def test_phone_must_look_like_a_phone_number():
    department = DepartmentFactory.build(phone="请拨打总机")
    with pytest.raises(ValidationError) as error:
        department.full_clean()
    assert "phone" in error.value.message_dict


def test_ordering_follows_sort_order_then_name():
    DepartmentFactory(name="乙", sort_order=20)
    DepartmentFactory(name="甲", sort_order=10)
    assert [d.name for d in Department.objects.all()] == ["甲", "乙"]
    assert Department.objects.top_level().count() == 2
