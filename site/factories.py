"""Factories for the kernel's models, shared by the tests and the demo command."""

import datetime

import factory
import wagtail_factories

from .models import CalendarDay, Department, HomePage, PortalSettings


class DepartmentFactory(factory.django.DjangoModelFactory):
    """A county department; `code` is the natural key, so the demo command stays idempotent."""

    class Meta:
        model = Department
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"示例县第{n + 1}局")
    short_name = factory.LazyAttribute(lambda o: o.name.removeprefix("示例县"))
    code = factory.Sequence(lambda n: f"1133{n + 1:04d}")
    leader_title = "局长"
    address = "示例县城关镇人民路 1 号"
    phone = factory.Sequence(lambda n: f"0571-8{n + 1:07d}")
    office_hours = "工作日 8:30-12:00，14:30-17:30"
    email = factory.Sequence(lambda n: f"dept{n + 1}@example.gov.cn")
    sort_order = factory.Sequence(lambda n: (n + 1) * 10)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "示例县政务公开"
    slug = "home"
    summary = "示例县人民政府政务公开、办事服务与投诉建议平台。"


class CalendarDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarDay
        django_get_or_create = ("date",)

    date = factory.Sequence(lambda n: datetime.date(2027, 1, 1) + datetime.timedelta(days=n))
    is_working_day = False
    note = "节假日"


def portal_settings(**values):
    """The site settings row with `values` applied (settings are a singleton, not a factory)."""
    instance = PortalSettings.load()
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance
