"""Demo content for 依申请公开: the request page and its guide, about 30 requests across 2025
and 2026 in every state and outcome (with corrections, extensions, third-party consultations,
fees and appeals), the 2025 annual reports published and the 2026 ones drafted.

Idempotent: each request has a fixed form token, so a second run adds nothing."""

import datetime
import uuid
from decimal import Decimal

from django.utils import timezone

from portal.models import Department
from portal.workdays import add_working_days

from . import services
from .factories import (
    AnnualReportIndexPageFactory,
    DisclosureGuidePageFactory,
    DisclosureRequestIndexPageFactory,
    disclosure_office,
    request_handler,
)
from .models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    AppealKind,
    AppealResult,
    ApplicantType,
    Channel,
    Delivery,
    DisclosureGuidePage,
    DisclosureRequestIndexPage,
    FormWanted,
    Outcome,
    Reason,
)

DEMO_NAMESPACE = uuid.UUID("0b6f5d7e-93a4-4c55-8f0e-3d1a2b9c7e41")
# The one query code of every demo request, so a visitor can try the look-up.
DEMO_QUERY_CODE = "GKSQ2345"
D = datetime.date
A = ApplicantType
O = Outcome  # noqa: E741
R = Reason

# (department index, applicant type, submitted on, channel, what is asked, steps)
# A step is (name, working days after submission, values).
REQUESTS = [
    (
        0,
        A.NATURAL_PERSON,
        D(2025, 2, 10),
        "online",
        "2024年县城区道路改造工程的招标文件",
        [("receive", 1, {}), ("reply", 10, {"outcome": O.DISCLOSED})],
    ),
    (
        1,
        A.BUSINESS,
        D(2025, 3, 3),
        "in_person",
        "本企业所在工业园区的控制性详细规划",
        [("reply", 15, {"outcome": O.PARTIAL, "text": "规划图中涉及军事设施的部分不予公开。"})],
    ),
    (
        2,
        A.NATURAL_PERSON,
        D(2025, 3, 17),
        "online",
        "某涉密工程的立项批复",
        [("receive", 1, {}), ("reply", 12, {"outcome": O.WITHHELD, "reason": R.STATE_SECRET})],
    ),
    (
        0,
        A.RESEARCH,
        D(2025, 4, 7),
        "online",
        "2024年城乡居民用水量统计及供水企业成本资料",
        [
            ("receive", 1, {}),
            ("consult", 5, {"third_party": "示例县自来水有限公司"}),
            ("consulted", 15, {}),
            ("reply", 20, {"outcome": O.WITHHELD, "reason": R.THIRD_PARTY_RIGHTS}),
        ],
    ),
    (
        1,
        A.NATURAL_PERSON,
        D(2025, 5, 12),
        "online",
        "我村的土地征收补偿文件",
        [
            ("receive", 1, {}),
            ("correction", 3, {"items": "请写明村名和征收年度。"}),
            ("corrected", 8, {}),
            ("reply", 18, {"outcome": O.DISCLOSED}),
        ],
    ),
    (
        2,
        A.NATURAL_PERSON,
        D(2025, 6, 2),
        "online",
        "那个文件",
        [
            ("receive", 1, {}),
            ("correction", 2, {"items": "请写明所需信息的名称、文号或其他特征。"}),
            ("reply", 18, {"outcome": O.OTHER, "reason": R.NOT_CORRECTED, "system": True}),
        ],
    ),
    (
        3,
        A.NONPROFIT,
        D(2025, 6, 16),
        "post",
        "近十年全县河道水质监测的逐月汇总表",
        [
            (
                "extend",
                18,
                {
                    "days": 15,
                    "approved_by": "县生态环境分局局长",
                    "reason": "涉及十年档案，需逐卷查找。",
                },
            ),
            ("reply", 30, {"outcome": O.UNAVAILABLE, "reason": R.NEEDS_CREATING}),
        ],
    ),
    (
        4,
        A.LEGAL_SERVICES,
        D(2025, 7, 7),
        "online",
        "2020年至2024年全部行政复议决定书",
        [
            ("receive", 1, {}),
            ("fee_notice", 5, {"amount": Decimal("600.00")}),
            ("fee_paid", 10, {}),
            ("reply", 15, {"outcome": O.DISCLOSED}),
        ],
    ),
    (
        4,
        A.NATURAL_PERSON,
        D(2025, 8, 4),
        "online",
        "全县历年全部会议纪要",
        [
            ("receive", 1, {}),
            ("fee_notice", 4, {"amount": Decimal("1200.00")}),
            ("reply", 25, {"outcome": O.OTHER, "reason": R.NOT_PAID, "system": True}),
        ],
    ),
    (
        5,
        A.NATURAL_PERSON,
        D(2025, 9, 1),
        "online",
        "要求查处邻居违章搭建并告知结果",
        [("receive", 1, {}), ("reply", 8, {"outcome": O.NOT_PROCESSED, "reason": R.PETITION})],
    ),
    (
        5,
        A.NATURAL_PERSON,
        D(2025, 9, 15),
        "online",
        "2024年县财政预算执行情况（已答复过的同一申请）",
        [("receive", 1, {}), ("reply", 5, {"outcome": O.NOT_PROCESSED, "reason": R.REPEATED})],
    ),
    (
        0,
        A.BUSINESS,
        D(2025, 10, 13),
        "online",
        "本公司2019年的行政处罚案卷",
        [
            ("receive", 1, {}),
            ("reply", 12, {"outcome": O.UNAVAILABLE, "reason": R.NOT_HELD}),
            (
                "appeal",
                20,
                {"kind": AppealKind.REVIEW, "result": AppealResult.UPHELD, "decided": 60},
            ),
        ],
    ),
    (
        1,
        A.NATURAL_PERSON,
        D(2025, 11, 3),
        "online",
        "旧城改造项目论证过程中的内部讨论记录",
        [
            ("receive", 1, {}),
            ("reply", 15, {"outcome": O.WITHHELD, "reason": R.PROCESS_INFORMATION}),
            ("appeal", 25, {"kind": AppealKind.DIRECT_SUIT, "result": AppealResult.PENDING}),
        ],
    ),
    (
        2,
        A.NATURAL_PERSON,
        D(2025, 11, 17),
        "online",
        "县城公交线路调整方案",
        [
            ("receive", 1, {}),
            ("reply", 6, {"outcome": O.OTHER, "reason": R.OTHER, "text": "申请人书面撤回申请。"}),
        ],
    ),
    (
        3,
        A.OTHER_ORGANISATION,
        D(2025, 12, 15),
        "online",
        "2025年全县养老机构名单及床位数",
        [("receive", 1, {}), ("reply", 18, {"outcome": O.DISCLOSED})],
    ),
    (
        0,
        A.NATURAL_PERSON,
        D(2025, 12, 22),
        "online",
        "某小区加装电梯的审批材料",
        [
            ("receive", 1, {}),
            ("consult", 3, {"third_party": "小区业主委员会"}),
            ("consulted", 12, {}),
            ("reply", 20, {"outcome": O.PARTIAL}),
        ],
    ),
    (
        1,
        A.NATURAL_PERSON,
        D(2026, 1, 19),
        "online",
        "2025年县级部门预算公开目录",
        [("receive", 1, {}), ("reply", 9, {"outcome": O.DISCLOSED})],
    ),
    (
        2,
        A.BUSINESS,
        D(2026, 2, 9),
        "online",
        "县物流园区的供地方案",
        [("receive", 1, {}), ("reply", 16, {"outcome": O.PARTIAL})],
    ),
    (
        3,
        A.NATURAL_PERSON,
        D(2026, 3, 9),
        "online",
        "局机关内部人事考核办法",
        [("receive", 1, {}), ("reply", 10, {"outcome": O.WITHHELD, "reason": R.INTERNAL_AFFAIRS})],
    ),
    (
        4,
        A.RESEARCH,
        D(2026, 4, 13),
        "online",
        "某企业环境违法案件的执法案卷",
        [("receive", 1, {}), ("reply", 14, {"outcome": O.WITHHELD, "reason": R.ENFORCEMENT_FILE})],
    ),
    (
        5,
        A.NATURAL_PERSON,
        D(2026, 5, 11),
        "online",
        "关于补偿的有关文件",
        [
            ("receive", 1, {}),
            ("correction", 4, {"items": "请写明补偿事项和年度。"}),
            ("corrected", 10, {}),
            ("reply", 25, {"outcome": O.UNAVAILABLE, "reason": R.STILL_UNCLEAR}),
        ],
    ),
    (
        0,
        A.NATURAL_PERSON,
        D(2026, 6, 8),
        "online",
        "《示例县志（2020）》全文",
        [("receive", 1, {}), ("reply", 5, {"outcome": O.NOT_PROCESSED, "reason": R.PUBLICATION})],
    ),
    (
        1,
        A.NATURAL_PERSON,
        D(2026, 6, 22),
        "online",
        "全县干部个人档案",
        [("receive", 1, {}), ("reply", 8, {"outcome": O.WITHHELD, "reason": R.LAW_FORBIDS})],
    ),
    (
        2,
        A.LEGAL_SERVICES,
        D(2026, 7, 6),
        "online",
        "某自然人名下的不动产登记信息",
        [("receive", 1, {}), ("reply", 6, {"outcome": O.WITHHELD, "reason": R.QUERY_MATTER})],
    ),
    (
        3,
        A.NATURAL_PERSON,
        D(2026, 8, 3),
        "online",
        "各科室近五年每一份收文登记",
        [
            ("receive", 1, {}),
            ("reply", 12, {"outcome": O.NOT_PROCESSED, "reason": R.MASS_REPEATED}),
        ],
    ),
    (
        4,
        A.NATURAL_PERSON,
        D(2026, 9, 7),
        "online",
        "请重新出具本人已领取的拆迁补偿协议",
        [
            ("receive", 1, {}),
            ("reply", 10, {"outcome": O.NOT_PROCESSED, "reason": R.CONFIRM_OBTAINED}),
            (
                "appeal",
                20,
                {"kind": AppealKind.REVIEW, "result": AppealResult.CORRECTED, "decided": 40},
            ),
        ],
    ),
    (
        5,
        A.NATURAL_PERSON,
        D(2026, 10, 12),
        "online",
        "群体性事件处置预案",
        [
            ("receive", 1, {}),
            ("reply", 15, {"outcome": O.WITHHELD, "reason": R.SECURITY_STABILITY}),
        ],
    ),
    (
        0,
        A.NATURAL_PERSON,
        D(2026, 10, 19),
        "online",
        "老旧小区改造资金拨付明细",
        [("receive", 1, {})],
    ),
    (
        1,
        A.NATURAL_PERSON,
        D(2026, 11, 2),
        "online",
        "2026年农村公路养护计划",
        [
            ("receive", 1, {}),
            (
                "extend",
                18,
                {"days": 10, "approved_by": "县交通运输局局长", "reason": "需汇总各乡镇数据。"},
            ),
        ],
    ),
    (
        2,
        A.BUSINESS,
        D(2026, 11, 16),
        "online",
        "本公司竞标项目的评标报告",
        [("receive", 1, {}), ("consult", 3, {"third_party": "其他投标单位"})],
    ),
    (
        3,
        A.NATURAL_PERSON,
        D(2026, 11, 23),
        "online",
        "那次会议的材料",
        [("receive", 1, {}), ("correction", 2, {"items": "请写明会议名称和时间。"})],
    ),
    (
        4,
        A.NATURAL_PERSON,
        D(2026, 11, 30),
        "online",
        "2016年以来全部环评批复文件",
        [("receive", 1, {}), ("fee_notice", 3, {"amount": Decimal("400.00")})],
    ),
    (5, A.NATURAL_PERSON, D(2026, 12, 4), "online", "县图书馆新馆建设的可行性研究报告", []),
]

NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨勇", "赵磊", "黄敏"]
ORGANISATIONS = {
    A.BUSINESS: ("示例县宏达建材有限公司", "91331022MA2A1B2C3D"),
    A.RESEARCH: ("示例大学环境研究院", "12330000470012345K"),
    A.NONPROFIT: ("示例县绿水环保志愿者协会", "51331022MJ1234567X"),
    A.LEGAL_SERVICES: ("浙江示例律师事务所", "31330000MD0123456X"),
    A.OTHER_ORGANISATION: ("示例县老年人协会", "51331022MJ7654321A"),
}


def at(day, hour=10, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _pages(home):
    index = DisclosureRequestIndexPage.objects.first()
    if index is None:
        index = DisclosureRequestIndexPageFactory(parent=home)
        index.save_revision().publish()
    if not DisclosureGuidePage.objects.exists():
        DisclosureGuidePageFactory(parent=index).save_revision().publish()
    reports = AnnualReportIndexPage.objects.first()
    if reports is None:
        reports = AnnualReportIndexPageFactory(parent=home)
        reports.save_revision().publish()
    return reports


def _applicant(kind, index):
    if kind == A.NATURAL_PERSON:
        return {"name": NAMES[index % len(NAMES)], "id_number": "11010519491231002X"}
    name, code = ORGANISATIONS[kind]
    return {"name": name, "id_number": code, "contact_person": NAMES[index % len(NAMES)]}


def _run(req, steps, submitted, handler, last_day):
    for name, offset, values in steps:
        day = add_working_days(submitted, offset)
        if day > last_day:
            return
        values = dict(values)
        now = at(day, 11)
        actor = None if values.pop("system", False) else handler
        if name == "receive":
            req = services.request_confirm_receipt(request=req, actor=actor, now=now)
        elif name == "correction":
            req = services.request_ask_correction(request=req, actor=actor, now=now, **values)
        elif name == "corrected":
            req = services.request_receive_correction(request=req, actor=actor, now=now)
        elif name == "consult":
            req = services.request_consult_third_party(request=req, actor=actor, now=now, **values)
        elif name == "consulted":
            req = services.request_third_party_answered(request=req, actor=actor, now=now)
        elif name == "extend":
            req = services.request_extend(request=req, actor=actor, now=now, **values)
        elif name == "fee_notice":
            req = services.request_fee_notice(request=req, actor=actor, now=now, **values)
        elif name == "fee_paid":
            req = services.request_fee_paid(request=req, actor=actor, now=now)
        elif name == "reply":
            values.setdefault("text", "")
            req = services.request_reply(request=req, actor=actor, now=now, **values)
        elif name == "appeal":
            decided = values.pop("decided", None)
            services.appeal_record(
                request=req,
                filed_on=day,
                decided_on=add_working_days(submitted, decided) if decided else None,
                **values,
            )
    return req


def load(home):
    """The pages, the requests (once), the 2025 reports published and the 2026 ones drafted."""
    reports = _pages(home)
    departments = list(Department.objects.order_by("sort_order", "code")[:6])
    if not departments:
        return
    disclosure_office(first_name="县政务公开办")
    handlers = [
        request_handler(d, first_name=f"{d.short_name or d.name}依申请公开办理员")
        for d in departments
    ]
    # Nothing is dated after the last working day before today.
    last_day = add_working_days(timezone.localdate(), -1)
    for index, (dept, kind, submitted, channel, what, steps) in enumerate(REQUESTS):
        if submitted > last_day:
            continue
        department = departments[dept % len(departments)]
        receipt = services.request_submit(
            department=department,
            applicant_type=kind,
            phone=f"1390570{1000 + index:04d}",
            description=f"申请获取{what}。",
            form_wanted=FormWanted.ELECTRONIC if index % 3 else FormWanted.PAPER,
            delivery=Delivery.ONLINE if index % 3 else Delivery.POST,
            address="示例县城关镇人民路 8 号",
            channel=Channel(channel),
            token=uuid.uuid5(DEMO_NAMESPACE, f"request-{index}"),
            query_code=DEMO_QUERY_CODE,
            now=at(submitted, 9, index % 60),
            **_applicant(kind, index),
        )
        if receipt.created:
            _run(receipt.request, steps, submitted, handlers[dept % len(handlers)], last_day)
    _reports(reports)


def _reports(index_page):
    """2025: drafted and published (once); 2026: drafted, never published."""
    if not AnnualReportPage.objects.filter(year=2025).exists():
        for department in [*Department.objects.order_by("code"), None]:
            page, _created = services.annual_report_draft(
                index_page=index_page, year=2025, department=department
            )
            page = page.get_latest_revision_as_object()
            page.overview = (
                "<p>2025年，本机关认真贯彻《中华人民共和国政府信息公开条例》，"
                "依法办理政府信息公开申请，按时答复率进一步提高。</p>"
            )
            page.problems = "<p>部分申请答复说理不够充分。下一步将加强答复文书审核。</p>"
            page.save_revision().publish()
    if not AnnualReportPage.objects.filter(year=2026).exists():
        for department in [*Department.objects.order_by("code"), None]:
            services.annual_report_draft(index_page=index_page, year=2026, department=department)
