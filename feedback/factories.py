"""Factories for complaints, symposiums, inspections and accountability cases, shared by the
tests and the demo. Complaints, views, findings and cases are made through the services, as
citizens and staff make them, so that their events, numbers and deadlines are real."""

import datetime
import uuid

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from portal.factories import DepartmentFactory
from portal.models import StaffProfile

from . import services
from .models import (
    AccountabilityIndexPage,
    Category,
    ComplaintFormPage,
    FindingCategory,
    Ground,
    InspectionMode,
    PostLevel,
    Rating,
    Sector,
    Status,
    SymposiumIndexPage,
    SymposiumPage,
    SymposiumRosterEntry,
    ViewTopic,
)
from .permissions import HANDLER_GROUP, REVIEW_GROUP, SUPERVISOR_GROUP

DEMO_QUERY_CODE = "ABCD2345"


class ComplaintFormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ComplaintFormPage

    title = "投诉与建议"
    slug = "complaints"
    show_in_menus = True
    summary = "投诉部门和工作人员的“门难进、脸难看、事难办”等问题，查询办理进度，评价答复。"
    intro = (
        "<p>对县级部门及其工作人员在服务和执法中的作风、效能问题，可以在这里投诉。"
        "我们在规定的工作日内受理和答复，您可以凭投诉编号和查询码查询进度并评价。</p>"
    )
    guidance = (
        "<ol><li>请如实反映问题，写明时间、地点、经过和诉求。</li>"
        "<li>属于诉讼、仲裁、信访等法定途径处理的事项，我们将告知您依法办理的途径。</li>"
        "<li>您的姓名和联系方式只用于办理本投诉，不会公开。</li></ol>"
    )


def staff_user(username, *, group, department=None, email="", **extra):
    """A staff account in one of the complaint groups (password unusable until set)."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": email, **extra}
    )
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get(name=group))
    if department is not None:
        StaffProfile.objects.update_or_create(user=user, defaults={"department": department})
    return get_user_model().objects.get(pk=user.pk)


def handler(department, username=None, **extra):
    return staff_user(
        username or f"handler-{department.code}",
        group=HANDLER_GROUP,
        department=department,
        **extra,
    )


def supervisor(username="supervisor", **extra):
    return staff_user(username, group=SUPERVISOR_GROUP, **extra)


def reviewer(username="reviewer", **extra):
    """A member of the accountability-review group (问责审查)."""
    return staff_user(username, group=REVIEW_GROUP, **extra)


class ComplaintFactory(factory.Factory):
    """A complaint as a citizen submits it (status 待受理), through `complaint_submit`."""

    class Meta:
        model = dict  # built by complaint_submit, see _create

    category = Category.SERVICE_ATTITUDE
    department = factory.SubFactory(DepartmentFactory)
    subject = factory.Sequence(lambda n: f"窗口办事被多次退回材料（{n + 1}）")
    description = "我到窗口办理营业执照变更，工作人员前后三次要求补交不同的材料，每次只说一样。"
    occurred_on = None
    location = "县政务服务中心二楼"
    is_anonymous = False
    name = "张三"
    phone = "13812345678"
    email = ""
    publish_consent = True
    token = factory.LazyFunction(uuid.uuid4)
    query_code = None
    now = None

    @classmethod
    def _create(cls, model_class, **kwargs):
        return services.complaint_submit(**kwargs).complaint

    @classmethod
    def _build(cls, model_class, **kwargs):
        return kwargs


def at(day, hour=10, minute=0):
    """A Beijing-time moment on `day`."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def advance(
    complaint, status, *, actor, reply="经核查，情况属实，已责令窗口整改并向您致歉。", moments=None
):
    """Walk `complaint` through the services to `status`; `moments` gives each step a time
    (an iterator of datetimes), for demo content in the past. Returns the fresh complaint."""
    moments = iter(moments or [])

    def when():
        return next(moments, None)

    if status == Status.SUBMITTED:
        return complaint
    if status == Status.REJECTED:
        return services.complaint_reject(
            complaint=complaint,
            actor=actor,
            reason="该事项已进入行政复议程序，不属于效能投诉受理范围，请依法定途径办理。",
            now=when(),
        )
    complaint = services.complaint_accept(complaint=complaint, actor=actor, now=when())
    if status == Status.ACCEPTED:
        return complaint
    complaint = services.complaint_reply(complaint=complaint, actor=actor, reply=reply, now=when())
    if status == Status.REPLIED:
        return complaint
    if status == Status.CLOSED:
        return services.complaint_rate(
            complaint=complaint, rating=Rating.SATISFIED, comment="处理及时，谢谢。", now=when()
        )
    complaint = services.complaint_rate(
        complaint=complaint, rating=Rating.DISSATISFIED, comment="问题没有解决。", now=when()
    )
    if status == Status.REOPENED:
        return complaint
    complaint = services.complaint_reply(
        complaint=complaint, actor=actor, reply="已再次核查并当面沟通。", now=when()
    )
    complaint = services.complaint_rate(
        complaint=complaint, rating=Rating.DISSATISFIED, comment="仍不满意。", now=when()
    )
    if status == Status.ESCALATED:
        return complaint
    raise ValueError(f"advance() cannot reach {status}")


# --- symposiums, inspections, accountability ----------------------------------------------


class SymposiumIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SymposiumIndexPage

    title = "座谈会"
    slug = "symposiums"
    show_in_menus = True
    summary = "每半年召开一次责任追究执行情况座谈会，听取各界意见建议，逐条公开办理情况。"
    introduction = (
        "<p>按照县委县政府关于健全追责问责体系的要求，每半年召开一次责任追究执行情况座谈会，"
        "邀请人大代表、政协委员、企业、群众、媒体和专家代表参加。会上提出的意见建议逐条交办，"
        "承办部门一般在 15 个工作日内答复，办理情况在本栏目公开。</p>"
    )


class SymposiumRosterEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SymposiumRosterEntry

    sector = Sector.NPC_DEPUTY
    count = 3
    organisations = "县人大常委会代表工作委员会"
    names = ""


class SymposiumPageFactory(wagtail_factories.PageFactory):
    """A session that took place two months ago, with two sectors on its roster."""

    class Meta:
        model = SymposiumPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"责任追究执行情况座谈会（第{n + 1}次）")
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    place = "县行政中心三楼第一会议室"
    period = factory.LazyAttribute(
        lambda o: f"{o.date.year}年{'上' if o.date.month <= 6 else '下'}半年"
    )
    theme = "听取各界对责任追究执行情况的意见和建议"
    host_department = factory.SubFactory(DepartmentFactory)
    minutes = "<p>会议由县效能办主持，与会代表围绕责任追究执行情况发言。</p>"
    roster = factory.RelatedFactoryList(
        SymposiumRosterEntryFactory, factory_related_name="page", size=2
    )


class AccountabilityIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AccountabilityIndexPage

    title = "追责问责"
    slug = "accountability"
    show_in_menus = True
    summary = "公开已作出决定的效能问责案件：部门、岗位层级、问责情形、问责方式和线索来源。"
    introduction = (
        "<p>对推诿扯皮、慢作为不作为、吃拿卡要等效能问题，经问责审查作出的决定在此公开。"
        "公开内容不含当事人姓名。</p>"
    )


def symposium_view(session, *, actor=None, **overrides):
    """A view recorded on `session` through `view_create` (by the system unless `actor`)."""
    values = {
        "text": "建议对群众反映强烈的窗口推诿问题，问责结果要及时公开，做到有错必究。",
        "sector": Sector.RESIDENT,
        "topic": ViewTopic.ENFORCEMENT,
        "raised_by": "",
        "published": True,
    }
    values.update(overrides)
    return services.view_create(session=session, actor=actor, **values)


def inspection_finding(department, *, actor=None, **overrides):
    """A finding recorded through `finding_create` (by the system unless `actor`)."""
    today = timezone.localdate()
    values = {
        "inspected_on": today - datetime.timedelta(days=3),
        "department": department,
        "post": "政务服务中心综合受理窗口",
        "mode": InspectionMode.UNANNOUNCED,
        "category": FindingCategory.DISCIPLINE,
        "problem": "工作时间窗口无人值守，群众等候二十分钟无人接待。",
        "rectification": "落实 AB 岗制度，窗口人员离岗须有人顶岗。",
        "rectification_deadline": today + datetime.timedelta(days=7),
    }
    values.update(overrides)
    return services.finding_create(actor=actor, **values)


def accountability_case(department, *, actor=None, **overrides):
    """An open case through `case_open`; pass its sources (complaints/views/findings)."""
    values = {
        "post_level": PostLevel.GENERAL,
        "ground": Ground.SHIRKING,
        "allegation": "群众反映窗口工作人员推诿，需核实。",
        "person_name": "",
        "person_post": "",
    }
    values.update(overrides)
    return services.case_open(actor=actor, department=department, **values)
