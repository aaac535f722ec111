"""Factories for disclosure pages, shared by the tests and the demo command.

Pages are created as drafts and then published through a revision, as an editor would, so that
the index number and publication date are stamped exactly as in production.
"""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from portal.factories import DepartmentFactory

from .models import (
    AccountabilityTrigger,
    ApplicationMaterial,
    BulletinIndexPage,
    BulletinRow,
    DisclosureIndexPage,
    FeeItem,
    FeeSchedulePage,
    MonthlyBulletinPage,
    PenaltyDiscretionPage,
    PolicyDocumentPage,
    PowerIndexPage,
    PowerItemPage,
    PowerKind,
    PowerResponsibility,
    ProcedureStep,
    ResponsibilityStage,
    ServiceItemType,
    ServiceProcedurePage,
    StandardKind,
    Topic,
)


def publish(page):
    """Publish the page's latest content through a revision; returns the fresh live page."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


class DisclosureIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DisclosureIndexPage

    title = "政府信息公开"
    slug = "disclosure"
    show_in_menus = True
    summary = "示例县政府信息主动公开目录：办事指南、收费目录、处罚裁量基准和政策文件。"


class PublishedPageFactory(wagtail_factories.PageFactory):
    """Base for disclosed pages: a draft, published through a revision after its rows exist."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    live = False
    issuing_department = factory.SubFactory(DepartmentFactory)
    topic = Topic.GENERAL
    date_written = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        """`published=False` leaves the page a draft."""
        return extracted

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # Publish last, once the related rows (materials, steps, fee items) exist.
        if create and (results or {}).get("published") is not False:
            instance.save_revision().publish()
            instance.refresh_from_db()


class ApplicationMaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationMaterial

    name = factory.Sequence(lambda n: f"申请材料{n + 1}")
    form = ApplicationMaterial.Form.ORIGINAL
    copies = 1
    required = True


class ProcedureStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureStep

    name = factory.Iterator(["受理", "审查", "决定", "送达"])
    responsible_post = "综合受理窗口"
    time_limit = "1 个工作日"
    description = "窗口人员核对材料，材料齐全、符合法定形式的当场受理。"


class ServiceProcedurePageFactory(PublishedPageFactory):
    class Meta:
        model = ServiceProcedurePage

    title = factory.Sequence(lambda n: f"示例事项{n + 1}办事指南")
    item_type = ServiceItemType.LICENSING
    legal_basis = "<p>《中华人民共和国行政许可法》第二十九条</p>"
    acceptance_conditions = "<p>申请人具有完全民事行为能力，材料齐全、符合法定形式。</p>"
    statutory_days = 20
    promised_days = 5
    free_of_charge = True
    location = "示例县政务服务中心一楼综合受理窗口"
    office_hours = "工作日 8:30-12:00，14:30-17:30"
    consultation_phone = "0571-86010013"
    supervision_phone = "12345"
    materials = factory.RelatedFactoryList(
        ApplicationMaterialFactory, factory_related_name="page", size=2
    )
    steps = factory.RelatedFactoryList(ProcedureStepFactory, factory_related_name="page", size=3)


class FeeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeeItem

    name = factory.Sequence(lambda n: f"收费项目{n + 1}")
    charging_department = factory.SubFactory(DepartmentFactory)
    standard_kind = StandardKind.FIXED
    amount = Decimal("80")
    unit = "件"
    legal_basis = "《行政事业性收费标准管理办法》"
    legal_basis_number = "发改价格规〔2018〕988号"
    valid_from = datetime.date(2024, 1, 1)


class FeeSchedulePageFactory(PublishedPageFactory):
    class Meta:
        model = FeeSchedulePage

    title = factory.Sequence(lambda n: f"收费目录{n + 1}")
    topic = Topic.FINANCE
    items = factory.RelatedFactoryList(FeeItemFactory, factory_related_name="page", size=3)


def offence(name="未取得许可从事经营活动", maximum=Decimal("50000"), tiers=None):
    """The stream value of one offence with its tiers (three by default)."""
    return (
        "offence",
        {
            "name": name,
            "violated_clause": "《示例条例》第十条",
            "penalty_clause": "《示例条例》第三十条",
            "legal_maximum": maximum,
            "tiers": tiers
            if tiers is not None
            else [
                tier("lenient", "首次违法，货值金额较小", "warning", None, None),
                tier("general", "违法所得 1 万元以下", "fine", Decimal("5000"), Decimal("20000")),
                tier("severe", "拒不改正或造成危害后果", "fine", Decimal("20000"), maximum),
            ],
        },
    )


def tier(level, circumstances, kind, low, high):
    return {
        "level": level,
        "circumstances": circumstances,
        "penalty_kind": kind,
        "fine_min": low,
        "fine_max": high,
        "penalty": f"{circumstances}的，依法处罚",
    }


class PenaltyDiscretionPageFactory(PublishedPageFactory):
    class Meta:
        model = PenaltyDiscretionPage

    title = factory.Sequence(lambda n: f"行政处罚裁量基准{n + 1}")
    topic = Topic.MARKET
    offences = factory.LazyFunction(lambda: [offence()])


class PolicyDocumentPageFactory(PublishedPageFactory):
    class Meta:
        model = PolicyDocumentPage

    title = factory.Sequence(lambda n: f"关于做好第{n + 1}项工作的通知")
    body = "<p>各乡镇人民政府、县政府各部门：现将有关事项通知如下。</p>"


class BulletinIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BulletinIndexPage

    title = "月通报"
    slug = "bulletins"
    show_in_menus = True
    summary = "示例县机关效能建设月通报：各部门办件、投诉、明查暗访和问责情况。"


class BulletinRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BulletinRow

    department = factory.SubFactory(DepartmentFactory)
    stationed_items = 20
    cases_handled = 100
    cases_on_time = 98


class MonthlyBulletinPageFactory(PublishedPageFactory):
    class Meta:
        model = MonthlyBulletinPage

    month = datetime.date(2026, 10, 1)
    title = factory.LazyAttribute(lambda o: MonthlyBulletinPage.title_for(o.month))
    slug = factory.LazyAttribute(lambda o: MonthlyBulletinPage.slug_for(o.month))
    topic = Topic.LABOUR
    narrative = "<p>本月全县机关效能建设总体平稳。</p>"
    rows = factory.RelatedFactoryList(BulletinRowFactory, factory_related_name="page", size=2)


class PowerIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PowerIndexPage

    title = "权责清单"
    slug = "powers"
    show_in_menus = True
    summary = "示例县各部门的行政权力事项、责任事项和追责情形。"


class PowerResponsibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PowerResponsibility

    stage = factory.Iterator(
        [ResponsibilityStage.ACCEPTANCE, ResponsibilityStage.REVIEW, ResponsibilityStage.DECISION]
    )
    content = "依法受理或不予受理，不予受理的书面说明理由。"


class AccountabilityTriggerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccountabilityTrigger

    situation = factory.Sequence(lambda n: f"对符合法定条件的申请不予受理的（情形{n + 1}）")
    basis = "《中华人民共和国行政许可法》第七十二条"


class PowerItemPageFactory(PublishedPageFactory):
    class Meta:
        model = PowerItemPage

    title = factory.Sequence(lambda n: f"示例权力事项{n + 1}")
    code = factory.Sequence(lambda n: f"XK-{n + 1:04d}")
    kind = PowerKind.LICENSING
    legal_basis = "《中华人民共和国行政许可法》第十二条"
    supervision_phone = "12345"
    responsibilities = factory.RelatedFactoryList(
        PowerResponsibilityFactory, factory_related_name="page", size=3
    )
    triggers = factory.RelatedFactoryList(
        AccountabilityTriggerFactory, factory_related_name="page", size=2
    )
