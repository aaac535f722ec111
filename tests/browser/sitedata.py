"""The smallest site that has one page of every public type, built from the apps' factories."""

from dataclasses import dataclass, field

from decisions.factories import DecisionIndexPageFactory, MajorDecisionPageFactory
from disclosure.factories import (
    BulletinIndexPageFactory,
    DisclosureIndexPageFactory,
    FeeSchedulePageFactory,
    MonthlyBulletinPageFactory,
    PenaltyDiscretionPageFactory,
    PolicyDocumentPageFactory,
    ServiceProcedurePageFactory,
    publish,
)
from feedback.factories import (
    AccountabilityIndexPageFactory,
    ComplaintFactory,
    ComplaintFormPageFactory,
    SymposiumIndexPageFactory,
    SymposiumPageFactory,
    advance,
    handler,
    symposium_view,
)
from feedback.models import Status
from portal.factories import DepartmentFactory
from tests.utils import make_home


@dataclass
class SiteData:
    """The pages (and a few rows) of the browser tests' site; `urls` maps a page type to a path."""

    home: object
    department: object
    urls: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)


def build_site(*, complaints=True):
    """Home, the catalogue with one page of each disclosure type, bulletins, a decision open for
    comment, the complaint page (with one replied, published complaint), a symposium with a
    published view and the accountability index."""
    home = make_home()
    department = DepartmentFactory(name="示例县市场监督管理局", short_name="市场监管局")
    disclosure = publish(DisclosureIndexPageFactory(parent=home, live=False))
    pages = {
        "home": home,
        "disclosure_index": disclosure,
        "procedure": ServiceProcedurePageFactory(
            parent=disclosure,
            title="食品经营许可证核发办事指南",
            slug="food-licence",
            issuing_department=department,
        ),
        "fee_schedule": FeeSchedulePageFactory(
            parent=disclosure,
            title="行政事业性收费目录",
            slug="fees",
            issuing_department=department,
            items__charging_department=department,
        ),
        "penalty_standard": PenaltyDiscretionPageFactory(
            parent=disclosure,
            title="市场监管行政处罚裁量基准",
            slug="penalties",
            issuing_department=department,
        ),
        "policy_document": PolicyDocumentPageFactory(
            parent=disclosure,
            title="关于优化营商环境的通知",
            slug="business-environment",
            issuing_department=department,
        ),
    }
    bulletins = BulletinIndexPageFactory(parent=home)
    pages["bulletin_index"] = bulletins
    pages["monthly_bulletin"] = MonthlyBulletinPageFactory(
        parent=bulletins, issuing_department=department, rows__department=department
    )
    decisions = DecisionIndexPageFactory(parent=home)
    pages["decision_index"] = decisions
    pages["decision"] = MajorDecisionPageFactory(
        parent=decisions,
        title="示例县城区停车收费管理办法（征求意见稿）",
        slug="parking",
        issuing_department=department,
    )
    complaint_page = ComplaintFormPageFactory(parent=home)
    pages["complaint_form"] = complaint_page
    symposiums = SymposiumIndexPageFactory(parent=home)
    pages["symposium_index"] = symposiums
    pages["symposium"] = SymposiumPageFactory(parent=symposiums, host_department=department)
    symposium_view(pages["symposium"])
    pages["accountability_index"] = AccountabilityIndexPageFactory(parent=home)
    if complaints:
        complaint = ComplaintFactory(department=department, publish_consent=True)
        advance(complaint, Status.REPLIED, actor=handler(department))

    urls = {name: page.url for name, page in pages.items()}
    urls["complaint_status"] = complaint_page.status_url()
    urls["complaint_public"] = complaint_page.public_url()
    urls["search"] = "/search/?q=%E8%90%A5%E4%B8%9A"
    urls["not_found"] = "/no-such-page/"
    return SiteData(home=home, department=department, urls=urls, pages=pages)
