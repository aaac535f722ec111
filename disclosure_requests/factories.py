"""Factories for disclosure requests and their pages, shared by the tests and the demo."""

import uuid

import factory
import wagtail_factories

from feedback.factories import staff_user
from portal.factories import DepartmentFactory

from .models import (
    AnnualReportIndexPage,
    ApplicantType,
    Channel,
    Delivery,
    DisclosureGuidePage,
    DisclosureRequestIndexPage,
    FormWanted,
)
from .permissions import HANDLER_GROUP, SUPERVISOR_GROUP


def request_handler(department, username=None, **extra):
    return staff_user(
        username or f"ys-handler-{department.code}",
        group=HANDLER_GROUP,
        department=department,
        **extra,
    )


def disclosure_office(username="disclosure-office", **extra):
    return staff_user(username, group=SUPERVISOR_GROUP, **extra)


class DisclosureRequestIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DisclosureRequestIndexPage

    title = "依申请公开"
    slug = "requests"
    intro = "<p>公民、法人或者其他组织可以向县人民政府及其部门申请获取政府信息。</p>"


class DisclosureGuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DisclosureGuidePage

    title = "政府信息公开指南"
    slug = "guide"
    how_to_apply = "<p>申请人可通过网上申请、当面申请或信函申请提出政府信息公开申请。</p>"
    time_limits = (
        "<p>能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复；"
        "需要延长的，经机构负责人同意并告知申请人，延长期限最长不超过 20 个工作日。</p>"
    )
    fees = (
        "<p>一般不收费。申请数量、频次明显超过合理范围的，按国办函〔2020〕109号收取信息处理费。</p>"
    )
    remedies = (
        "<p>申请人认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者"
        "政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>"
    )
    offices = factory.LazyFunction(
        lambda: [
            (
                "office",
                {
                    "name": "县人民政府办公室政务公开办",
                    "address": "示例县人民路 1 号县政务服务中心二楼 12 号窗口",
                    "hours": "工作日 上午 8:30—12:00，下午 14:30—17:30",
                    "phone": "0571-86010001",
                    "postcode": "311000",
                },
            )
        ]
    )


class AnnualReportIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AnnualReportIndexPage

    title = "政府信息公开工作年度报告"
    slug = "annual-reports"


class DisclosureRequestFactory(factory.Factory):
    """A request as an applicant files it, through `request_submit`."""

    class Meta:
        model = dict  # built by request_submit, see _create

    department = factory.SubFactory(DepartmentFactory)
    applicant_type = ApplicantType.NATURAL_PERSON
    name = "李四"
    id_number = "330102199001011234"
    phone = "13912345678"
    email = ""
    address = "示例县城关镇解放路 8 号"
    description = factory.Sequence(
        lambda n: f"2025年城关镇老旧小区改造项目的资金安排情况（{n + 1}）"
    )
    document_number = ""
    form_wanted = FormWanted.ELECTRONIC
    delivery = Delivery.ONLINE
    channel = Channel.ONLINE
    now = None

    @classmethod
    def _create(cls, model_class, **kwargs):
        from .services import request_submit

        kwargs.setdefault("token", uuid.uuid4())
        return request_submit(**kwargs).request

    _build = _create
