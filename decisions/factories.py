"""Factories for the decisions app, shared by the tests and the demo command.

Notices are created as drafts with their records and then published through a revision (the
disclosure app's `PublishedPageFactory`), so index numbers are stamped as in production. Times
are relative to now unless given: `MajorDecisionPageFactory()` is open for comment.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from disclosure.factories import PublishedPageFactory
from disclosure.models import Topic
from portal.factories import DepartmentFactory

from .models import (
    DecisionIndexPage,
    DecisionOutcome,
    DecisionStep,
    DirectoryEntry,
    MajorDecisionPage,
    PublicComment,
    Sector,
    StepKind,
    TrackingStatus,
    TrackingUpdate,
)

DRAFT_TEXT = (
    "<p>第一条 为规范本县城区公共停车秩序，合理利用停车资源，制定本办法。</p>"
    "<p>第二条 本办法适用于本县城区范围内道路停车泊位和公共停车场的收费管理。</p>"
    "<p>第三条 道路停车泊位实行分时段收费，首 30 分钟免费。</p>"
    "<p>第四条 本办法自发布之日起施行。</p>"
)
FINAL_TEXT = (
    "<p>第一条 为规范本县城区公共停车秩序，合理利用停车资源，制定本办法。</p>"
    "<p>第二条 本办法适用于本县城区范围内道路停车泊位和公共停车场的收费管理。</p>"
    "<p>第三条 道路停车泊位实行分时段收费，首 60 分钟免费。</p>"
    "<p>第四条 残疾人驾驶的机动车在道路停车泊位停放的，免收停车费。</p>"
    "<p>第五条 本办法自 2026 年 7 月 1 日起施行。</p>"
)


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def moment(days=0, **kwargs):
    """Now shifted by `days` (and any timedelta keywords), as an aware datetime."""
    return timezone.now() + datetime.timedelta(days=days, **kwargs)


class DecisionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DecisionIndexPage

    title = "重大决策"
    slug = "decisions"
    show_in_menus = True
    summary = "示例县重大行政决策事项目录、决策草案公开征求意见、意见采纳情况和决策执行情况。"


class MajorDecisionPageFactory(PublishedPageFactory):
    """A notice open for comment (opened 5 days ago, closes in 25 days) unless told otherwise."""

    class Meta:
        model = MajorDecisionPage

    title = factory.Sequence(lambda n: f"示例县重大决策事项{n + 1}（征求意见稿）")
    slug = factory.Sequence(lambda n: f"decision-{n + 1}")
    summary = "公开征求社会公众对决策草案的意见和建议。"
    topic = Topic.CONSTRUCTION
    draft_text = DRAFT_TEXT
    drafting_explanation = "<p>一、起草背景。二、主要依据。三、主要内容。</p>"
    opens_at = factory.LazyFunction(lambda: moment(-5))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + datetime.timedelta(days=30))


class DecisionStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionStep

    kind = StepKind.EXPERT_REVIEW
    date = factory.LazyFunction(lambda: days_ago(1))
    title = "专家论证会"
    summary = "与会专家认为草案总体可行。"


class CollectiveDecisionFactory(DecisionStepFactory):
    kind = StepKind.COLLECTIVE_DECISION
    title = "县人民政府第十五次常务会议"
    summary = "会议审议并原则通过，要求按照公众意见修改完善后印发实施。"
    outcome = DecisionOutcome.AMENDED


class TrackingUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrackingUpdate

    date = factory.LazyFunction(lambda: days_ago(1))
    responsible_unit = factory.SubFactory(DepartmentFactory)
    progress = 40
    status = TrackingStatus.ON_TRACK
    text = "已完成城区 1200 个道路停车泊位的划线和收费公示牌设置。"


class PublicCommentFactory(factory.django.DjangoModelFactory):
    """A comment as stored after submission (no service, no e-mail): for fixtures and demo."""

    class Meta:
        model = PublicComment

    notice = factory.SubFactory(MajorDecisionPageFactory)
    submitted_at = factory.LazyAttribute(
        lambda o: min(timezone.now(), o.notice.opens_at + datetime.timedelta(days=1))
    )
    receipt_number = factory.LazyAttribute(
        lambda o: PublicComment.new_receipt_number(o.submitted_at)
    )
    text = "建议将首次免费停车时间延长到 60 分钟，方便群众办事。"
    name = "张三"
    contact = "13812345678"
    sector = Sector.PUBLIC


class DirectoryEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DirectoryEntry

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    title = factory.Sequence(lambda n: f"重大行政决策事项{n + 1}")
    department = factory.SubFactory(DepartmentFactory)
    planned_time = "第三季度"
    basis = "县政府年度工作报告"
