"""Demo content for feedback: the complaint page, a handler per department, a county supervisor,
and about 40 complaints across departments and states (some overdue, some rated), dated
relative to today in working days; two symposium sessions with about 30 views in every state,
about 20 inspection findings, about 10 accountability cases raised by them and by complaints,
and the monthly bulletins of the last six months (the latest a draft). Safe to run again: each
complaint has a fixed form token, and each other part is skipped once loaded.

Every demo complaint's query code is ABCD-2345. The demo accounts have no password: set one with
`manage.py changepassword supervisor` (or handler-11331003, reviewer …) to try the admin.
"""

import datetime
import random
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure.factories import BulletinIndexPageFactory
from disclosure.models import (
    BulletinIndexPage,
    BulletinNotice,
    FeeItem,
    MonthlyBulletinPage,
    ServiceProcedurePage,
)
from disclosure.services import bulletin_import_service_centre
from portal.models import Department
from portal.workdays import add_working_days, is_working_day

from .codes import hash_query_code
from .factories import (
    DEMO_QUERY_CODE,
    AccountabilityIndexPageFactory,
    ComplaintFormPageFactory,
    SymposiumIndexPageFactory,
    SymposiumPageFactory,
    advance,
    at,
    handler,
    reviewer,
    supervisor,
)
from .models import (
    AccountabilityCase,
    AccountabilityIndexPage,
    Category,
    Complaint,
    ComplaintFormPage,
    FindingCategory,
    Ground,
    InspectionFinding,
    InspectionMode,
    Outcome,
    PostLevel,
    Rating,
    Sector,
    Status,
    SymposiumIndexPage,
    SymposiumPage,
    SymposiumRosterEntry,
    ViewStatus,
    ViewTopic,
    beijing_date,
)
from .services import (
    bulletin_draft,
    case_decide,
    case_open,
    complaint_assign,
    complaint_close,
    complaint_extend,
    complaint_rate,
    complaint_refer,
    complaint_reply,
    complaint_submit,
    finding_create,
    finding_rectify,
    finding_refer,
    notifications_suppressed,
    view_adopt,
    view_create,
    view_refer,
    view_reply,
    view_start,
)
from .services.bulletins import previous_month

DEMO_NAMESPACE = uuid.UUID("6f1c1f1e-5a8e-4b63-9d1c-2f0c7e5a9b10")

C = Category
S = Status

# (department code or None, category, subject, description, status, submitted N working days
#  ago, extra options)
COMPLAINTS = [
    (
        "11331003",
        C.SERVICE_ATTITUDE,
        "办理营业执照变更时窗口人员态度生硬",
        "11月18日上午我到政务服务中心二楼市场监管窗口办理营业执照地址变更，工作人员一直低头看手机，"
        "问了三遍才回答，还说“自己看墙上的告示”。希望加强窗口服务规范。",
        S.CLOSED,
        40,
        {},
    ),
    (
        "11331003",
        C.PROCEDURE_BURDEN,
        "食品经营许可证延续要求重复提交材料",
        "延续食品经营许可证时，窗口要求提供已经在系统里登记过的健康证明和场所平面图，前后跑了三趟。"
        "希望能够共享已有材料，减少群众跑腿。",
        S.CLOSED,
        38,
        {},
    ),
    (
        "11331005",
        C.PROCEDURE_BURDEN,
        "施工许可审批超过承诺时限",
        "我公司于10月提交建筑工程施工许可申请，办事指南承诺5个工作日办结，至今已超过15个工作日仍未办结，"
        "电话询问也没有明确答复。",
        S.CLOSED,
        36,
        {"rating": Rating.BASICALLY_SATISFIED},
    ),
    (
        "11331007",
        C.SERVICE_ATTITUDE,
        "医保报销窗口下午提前下班",
        "11月某日下午4点50分到医保窗口，窗口已经关闭，公示的办公时间是到5点30分。",
        S.CLOSED,
        35,
        {},
    ),
    (
        "11331012",
        C.ARBITRARY_FINES,
        "临时停车被重复处罚",
        "我的车在人民路临时停车卸货不到10分钟，同一天被贴了两张罚单，对同一违法行为重复罚款。"
        "我叫王小明，电话13812345678。",
        S.CLOSED,
        34,
        {},
    ),
    (
        "11331010",
        C.ARBITRARY_FEES,
        "道路运输证年审收取“资料费”",
        "办理道路运输证年审时，窗口另外收取30元“资料费”，没有开具正规票据，收费目录里也没有这一项。",
        S.CLOSED,
        33,
        {"fee": True},
    ),
    (
        "11331006",
        C.SERVICE_ATTITUDE,
        "社保卡补办窗口排队无人引导",
        "社保卡补办窗口排队一个多小时，叫号系统故障，现场没有工作人员引导，老人站着等很辛苦。",
        S.CLOSED,
        31,
        {},
    ),
    (
        "11331004",
        C.PROCEDURE_BURDEN,
        "不动产登记要求提供已取消的证明",
        "办理不动产转移登记时，窗口要求提供村委会出具的“无违建证明”，该证明按规定已经取消。",
        S.CLOSED,
        30,
        {"procedure": True},
    ),
    (
        "11331011",
        C.BRIBE_SEEKING,
        "卫生许可现场检查时暗示请吃饭",
        "公共场所卫生许可现场检查时，检查人员暗示“中午找个地方吃饭聊聊”，我们没有答应，之后迟迟没有下文。",
        S.REFERRED,
        29,
        {},
    ),
    (
        "11331008",
        C.PROCEDURE_BURDEN,
        "低保申请审核进度无人告知",
        "家里老人9月申请低保，到现在两个多月，社区和民政局都说在审核，没有人能说清楚进度和还缺什么。",
        S.CLOSED,
        28,
        {"rating": Rating.BASICALLY_SATISFIED},
    ),
    (
        "11331002",
        C.POOR_EXECUTION,
        "企业技改补贴政策迟迟未兑现",
        "县里今年出台的企业技术改造补贴政策已公布半年，我公司按要求申报，至今补贴资金未兑现，"
        "也没有书面答复。",
        S.ESCALATED,
        27,
        {},
    ),
    (
        "11331009",
        C.SERVICE_ATTITUDE,
        "户籍窗口要求“找熟人”才能当天办",
        "到派出所户籍窗口给孩子办理户口登记，工作人员说今天办不了，旁边的人说找熟人就能当天办。",
        S.CLOSED,
        26,
        {"consent": False},
    ),
    (
        "11331001",
        C.PAPERWORK_MEETINGS,
        "乡镇一周内被要求报送四份相同材料",
        "一周内收到县里不同科室的四个通知，要求报送内容基本相同的材料，格式各不相同，基层疲于应付。",
        S.CLOSED,
        25,
        {"anonymous": True},
    ),
    (
        "11331003",
        C.ARBITRARY_FINES,
        "小餐馆被按最高额罚款",
        "我经营的小餐馆因一次餐具消毒记录不全被罚款2万元，同一条街其他店同样问题只罚了2000元。",
        S.REOPENED,
        24,
        {},
    ),
    (
        "11331005",
        C.ARBITRARY_LEVIES,
        "小区物业改造要求业主摊派费用",
        "住建部门组织的老旧小区改造，社区要求每户另交500元“配套费”，没有任何文件依据。"
        "我住在人民路128号3幢2单元501室。",
        S.CLOSED,
        23,
        {},
    ),
    (
        "11331012",
        C.SPONSORSHIP_DEMANDS,
        "执法队员要求商户赞助活动",
        "综合执法中队的队员到我们几家商户，要求“自愿”赞助街道文艺晚会，每家2000元，不给就经常来检查。",
        S.CLOSED,
        22,
        {},
    ),
    (
        "11331010",
        C.PROCEDURE_BURDEN,
        "网约车运输证办理线上线下要求不一致",
        "网上办事大厅显示网约车运输证可全程网办，提交后又被通知到窗口递交纸质材料。",
        S.REPLIED,
        20,
        {},
    ),
    (
        "11331006",
        C.POOR_EXECUTION,
        "灵活就业社保补贴未按政策发放",
        "按县里的文件，灵活就业人员可以申请社保补贴，我申请后被告知“今年额度用完了”，文件里并没有额度限制。",
        S.REPLIED,
        19,
        {},
    ),
    (
        "11331007",
        C.PROCEDURE_BURDEN,
        "异地就医备案要求回原单位盖章",
        "办理异地就医备案时要求回原单位盖章，但政策说明可以个人承诺备案。",
        S.REPLIED,
        18,
        {},
    ),
    (
        "11331013",
        C.SERVICE_ATTITUDE,
        "政务服务中心导办台无人值守",
        "周一上午九点多到政务服务中心，导办台没有人，问了几个窗口都说不归他们管。",
        S.REPLIED,
        17,
        {},
    ),
    (
        "11331004",
        C.PROCEDURE_BURDEN,
        "规划许可证补正通知一次不说清",
        "申请建设工程规划许可证，先后收到三次补正通知，每次只提一个问题。",
        S.REPLIED,
        16,
        {},
    ),
    (
        "11331009",
        C.SERVICE_ATTITUDE,
        "出入境窗口拒绝使用电子证照",
        "办理港澳通行证时出示电子身份证照，窗口坚持要实体身份证，但官网说明电子证照可以使用。",
        S.REPLIED,
        15,
        {"consent": False},
    ),
    (
        "11331003",
        C.ARBITRARY_FEES,
        "特种设备检验收费高于公示标准",
        "电梯定期检验收费每台1200元，收费目录公示的标准是每台800元。",
        S.ACCEPTED,
        30,
        {"overdue": True, "fee": True},
    ),
    (
        "11331011",
        C.PROCEDURE_BURDEN,
        "诊所执业登记变更等了一个月",
        "诊所变更执业地址，材料齐全，窗口说要等领导签字，已经一个月了。",
        S.ACCEPTED,
        28,
        {"overdue": True},
    ),
    (
        "11331008",
        C.SERVICE_ATTITUDE,
        "婚姻登记处工作人员推诿",
        "补领结婚证时，工作人员说档案在乡镇，让我们自己去调，调来后又说格式不对。",
        S.ACCEPTED,
        25,
        {"overdue": True},
    ),
    (
        "11331002",
        C.POOR_EXECUTION,
        "项目代办服务承诺未落实",
        "县里承诺重大项目全程代办，我们的项目登记后没有代办员联系，所有手续都是自己跑。",
        S.ACCEPTED,
        12,
        {"extend": True},
    ),
    (
        "11331005",
        C.PROCEDURE_BURDEN,
        "竣工验收备案系统反复退回",
        "竣工验收备案在系统里提交后被反复退回，退回意见只有“材料不全”四个字。",
        S.ACCEPTED,
        10,
        {},
    ),
    (
        "11331012",
        C.ARBITRARY_FINES,
        "流动摊贩被没收三轮车",
        "在菜市场门口卖自家种的菜，执法队员直接没收了三轮车，没有出具任何文书。",
        S.ACCEPTED,
        8,
        {},
    ),
    (
        "11331010",
        C.SERVICE_ATTITUDE,
        "驾培投诉电话长期无人接听",
        "交通运输局公布的驾培投诉电话0571-86010010连续一周无人接听。",
        S.ACCEPTED,
        6,
        {},
    ),
    (
        "11331006",
        C.PROCEDURE_BURDEN,
        "退休审批要求提供无犯罪记录证明",
        "办理退休审批时被要求提供无犯罪记录证明，政策中没有这项要求。",
        S.ACCEPTED,
        4,
        {},
    ),
    (
        "11331001",
        C.PAPERWORK_MEETINGS,
        "全县会议层层陪会",
        "一个部门的业务会，要求各乡镇主要领导全部参加，会上大部分内容与乡镇无关。",
        S.ACCEPTED,
        3,
        {"anonymous": True},
    ),
    (
        "11331007",
        C.ARBITRARY_FEES,
        "医保卡挂失收取工本费",
        "医保卡挂失补办被收取20元工本费，听说首次补办是免费的。",
        S.SUBMITTED,
        6,
        {"overdue": True},
    ),
    (
        "11331009",
        C.BRIBE_SEEKING,
        "办理车辆年检被要求“意思意思”",
        "车辆年检时，检测站有人说“意思意思就能快点”，车牌浙A12345。",
        S.SUBMITTED,
        5,
        {"overdue": True},
    ),
    (
        "11331003",
        C.SERVICE_ATTITUDE,
        "个体户注销被要求先补年报",
        "个体户注销时被要求先补报三年年报，窗口态度很差，说“不补就别办”。",
        S.SUBMITTED,
        0,
        {},
    ),
    (
        "11331011",
        C.PROCEDURE_BURDEN,
        "健康证办理点每周只开放两天",
        "县里唯一的健康证体检点每周只开放两个上午，排队要等两周。",
        S.SUBMITTED,
        0,
        {},
    ),
    (
        None,
        C.OTHER,
        "不知道该找哪个部门：小区门口道路长期积水",
        "小区门口的道路一下雨就积水，问了好几个部门都说不归自己管，不知道该找谁。",
        S.SUBMITTED,
        0,
        {},
    ),
    (
        "11331013",
        C.PROCEDURE_BURDEN,
        "“一件事”套餐实际仍需跑多个窗口",
        "办理开饭店“一件事”，宣传说一个窗口办结，实际还要分别到三个窗口交材料。",
        S.SUBMITTED,
        0,
        {},
    ),
    (
        "11331004",
        C.OTHER,
        "投诉内容不属于受理范围的示例",
        "邻居加盖的阳光房挡住了我家采光，请你们去拆除。这件事法院已经立案审理。",
        S.REJECTED,
        20,
        {},
    ),
    (
        "11331008",
        C.OTHER,
        "重复投诉的示例",
        "与此前已答复的投诉内容完全相同，再次提交。这件事我之前已经投诉并得到答复。",
        S.REJECTED,
        14,
        {},
    ),
    (
        "11331002",
        C.POOR_EXECUTION,
        "招商引资奖励兑现慢",
        "招商引资协议约定的落户奖励，已超过约定兑现时间半年，多次询问都说在走流程。",
        S.CLOSED,
        21,
        {"reassign_to": "11331001"},
    ),
]

COMPLAINANTS = ["李建国", "王秀英", "陈志强", "刘芳", "赵德明", "周晓燕", "吴海涛", "孙丽华"]


def load(home):
    """The complaint page under the home page, the demo handlers and about 40 complaints."""
    if not ComplaintFormPage.objects.exists():
        ComplaintFormPageFactory(parent=home).save_revision().publish()
    departments = {department.code: department for department in Department.objects.all()}
    chief = supervisor(first_name="县效能督查")
    handlers = {
        code: handler(department, first_name=f"{department.display_name}投诉处理员")
        for code, department in departments.items()
    }
    procedure, fee_item = _disclosure_links()
    # Every step happens on or before the last working day before today, so that no demo
    # moment lies in the future whatever the hour the demo is loaded.
    anchor = add_working_days(timezone.localdate(), -1)
    # One hash for the one demo code, computed once for every demo complaint.
    code_hash = hash_query_code(DEMO_QUERY_CODE)
    with notifications_suppressed():
        for index, row in enumerate(COMPLAINTS):
            code, category, subject, description, status, age, options = row
            department = departments.get(code) if code else None
            submitted_on = add_working_days(anchor, -age)
            submission = complaint_submit(
                category=category,
                department=department,
                subject=subject,
                description=description,
                location="示例县政务服务中心" if index % 3 else "",
                is_anonymous=options.get("anonymous", False),
                name=COMPLAINANTS[index % len(COMPLAINANTS)],
                phone=f"1381234{5600 + index:04d}",
                publish_consent=options.get("consent", True),
                procedure=procedure if options.get("procedure") else None,
                fee_item=fee_item if options.get("fee") else None,
                token=uuid.uuid5(DEMO_NAMESPACE, f"complaint-{index}"),
                query_code=DEMO_QUERY_CODE,
                query_code_hash=code_hash,
                now=at(submitted_on, 9, 5 + index),
            )
            if submission.created:
                Handling(
                    chief=chief, handlers=handlers, departments=departments, anchor=anchor
                ).run(submission.complaint, status, options, code=code, submitted_on=submitted_on)
    if len(departments) >= len(SERVICE_CENTRE) and set(SERVICE_CENTRE) <= set(departments):
        load_review(home, departments=departments, chief=chief, handlers=handlers, anchor=anchor)


def _disclosure_links():
    """A live service procedure and a fee item on a live schedule, if the disclosure demo made
    them."""
    return (
        ServiceProcedurePage.objects.live().order_by("pk").first(),
        FeeItem.objects.on_live_schedules().order_by("pk").first(),
    )


class Handling:
    """Takes one demo complaint to its state through the services, at plausible past times."""

    def __init__(self, *, chief, handlers, departments, anchor):
        self.chief, self.handlers, self.departments = chief, handlers, departments
        self.anchor = anchor

    def day(self, start, working_days):
        return min(add_working_days(start, working_days), self.anchor)

    def run(self, complaint, status, options, *, code, submitted_on):
        actor = self.handlers.get(code) or self.chief
        if status == S.SUBMITTED:
            return
        if status == S.REJECTED:
            advance(complaint, S.REJECTED, actor=actor, moments=[at(submitted_on, 15)])
            return
        if status == S.ACCEPTED:
            self.accepted(complaint, options, actor=actor, submitted_on=submitted_on)
            return
        accept_on = self.day(submitted_on, 1)
        reply_on = self.day(accept_on, 8)
        rate_on = self.day(reply_on, 2)
        moments = [at(accept_on, 11), at(reply_on, 15)]
        if options.get("reassign_to"):
            self.reassigned(complaint, options["reassign_to"], actor, accept_on, reply_on)
        elif status == S.REPLIED:
            advance(complaint, S.REPLIED, actor=actor, moments=moments)
        elif status == S.CLOSED:
            complaint = advance(complaint, S.REPLIED, actor=actor, moments=moments)
            if complaint.is_anonymous:
                # Nobody can be asked: closed once the rating period was over.
                complaint_close(
                    complaint=complaint,
                    actor=self.chief,
                    note="匿名投诉，评价期满未评价，予以办结。",
                    now=at(self.anchor, 18),
                )
            else:
                complaint_rate(
                    complaint=complaint,
                    rating=options.get("rating", Rating.SATISFIED),
                    comment="处理及时。",
                    now=at(rate_on, 20),
                )
        elif status == S.REOPENED:
            advance(complaint, S.REOPENED, actor=actor, moments=[*moments, at(rate_on, 20)])
        elif status == S.ESCALATED:
            second = self.day(rate_on, 3)
            advance(
                complaint,
                S.ESCALATED,
                actor=actor,
                moments=[*moments, at(rate_on, 20), at(second, 14), at(second, 21)],
            )
        elif status == S.REFERRED:
            complaint = advance(complaint, S.REPLIED, actor=actor, moments=moments)
            complaint_refer(
                complaint=complaint,
                actor=self.chief,
                reason="反映的问题涉及工作人员吃拿卡要，转入问责审查核实。",
                now=at(rate_on, 10),
            )
        else:
            raise ValueError(f"No demo path to {status}")

    def accepted(self, complaint, options, *, actor, submitted_on):
        # Accepted on time, unless the demo wants it overdue: then late, its reply long owed.
        accept_on = self.day(submitted_on, 3 if options.get("overdue") else 1)
        complaint = advance(complaint, S.ACCEPTED, actor=actor, moments=[at(accept_on, 11)])
        if options.get("extend"):
            complaint_extend(
                complaint=complaint,
                actor=actor,
                days=10,
                reason="涉及多个部门的资金拨付流程，需要财政部门会签。",
                now=at(self.day(accept_on, 5), 16),
            )

    def reassigned(self, complaint, code, actor, accept_on, reply_on):
        complaint = advance(complaint, S.ACCEPTED, actor=actor, moments=[at(accept_on, 11)])
        complaint = complaint_assign(
            complaint=complaint,
            actor=self.chief,
            department=self.departments[code],
            reason="奖励资金由县府办统筹兑现，改由县府办答复。",
            now=at(accept_on, 15),
        )
        complaint = complaint_reply(
            complaint=complaint,
            actor=self.handlers[code],
            reply="经协调，落户奖励已于本月拨付到位，并对兑现迟缓的原因作了说明。",
            now=at(reply_on, 16),
        )
        complaint_rate(complaint=complaint, rating=Rating.SATISFIED, now=at(reply_on, 21))


# === Symposiums, inspections, accountability review and the monthly bulletins ===============

V = ViewStatus

# (sector, topic, text, concerned department codes, handling code or None, state, raised by)
# States: pending, pending_unassigned, in_progress, replied, replied_late, adopted, referred
# (answered, then referred), referred_open (referred unanswered, its case still open),
# unpublished (answered but kept off the page).
EARLIER_VIEWS = [
    (
        Sector.NPC_DEPUTY,
        ViewTopic.ENFORCEMENT,
        "去年群众反映强烈的几起窗口推诿问题，问责结果只在内部通报，群众不知道处理了没有。"
        "建议问责结果在政府网站公开，接受社会监督。",
        ["11331001"],
        "11331001",
        "adopted",
        "李国庆",
    ),
    (
        Sector.CPPCC_MEMBER,
        ViewTopic.PROPORTIONALITY,
        "同样是超期办件，有的部门只是提醒谈话，有的部门却通报批评，尺度不一。"
        "建议制定问责情形和问责方式的对应标准，避免畸轻畸重。",
        ["11331001"],
        "11331001",
        "adopted",
        "王建华",
    ),
    (
        Sector.ENTERPRISE,
        ViewTopic.APPROVAL,
        "企业办理施工许可，住建部门窗口要求先拿到消防意见，消防又要求先有施工许可，"
        "两头推诿，建议对这类推诿扯皮问题严肃问责。",
        ["11331005"],
        "11331005",
        "referred",
        "陈志明",
    ),
    (
        Sector.RESIDENT,
        ViewTopic.SERVICE,
        "医保窗口中午休息时间不统一，有时提前半小时就不接待了，群众白跑一趟。",
        ["11331007"],
        "11331007",
        "replied",
        "赵秀兰",
    ),
    (
        Sector.MEDIA,
        ViewTopic.DISCLOSURE,
        "明查暗访发现的问题，整改情况很少对外公布，建议在月通报中公开整改结果。",
        ["11331013"],
        "11331013",
        "adopted",
        "",
    ),
    (
        Sector.EXPERT,
        ViewTopic.RESPONSIBILITY,
        "部分部门的岗位责任清单过于笼统，出了问题找不到具体责任人。"
        "建议按领导、中层、一般岗位细化责任清单。",
        ["11331001", "11331006"],
        "11331006",
        "replied",
        "",
    ),
    (
        Sector.GRASSROOTS,
        ViewTopic.PAPERWORK,
        "乡镇每月要填报的效能台账表格太多，很多内容重复，建议精简报表。",
        ["11331001"],
        "11331001",
        "replied_late",
        "",
    ),
    (
        Sector.ENTERPRISE,
        ViewTopic.CHARGES,
        "道路运输企业年审时被要求购买指定的培训资料，建议查一查是否属于变相收费。",
        ["11331010"],
        "11331010",
        "referred",
        "孙海波",
    ),
    (
        Sector.NPC_DEPUTY,
        ViewTopic.LAW_ENFORCEMENT,
        "综合执法对流动摊贩的处罚标准不统一，建议公开裁量基准，同样情形同样处罚。",
        ["11331012"],
        "11331012",
        "replied",
        "",
    ),
    (
        Sector.RESIDENT,
        ViewTopic.SERVICE,
        "婚姻登记处周末不开放，上班族请假不方便，建议每月安排一个周六预约服务。",
        ["11331008"],
        "11331008",
        "adopted",
        "",
    ),
    (
        Sector.SUPERVISOR,
        ViewTopic.ENFORCEMENT,
        "有的投诉转到部门后，部门只是电话解释，没有书面答复，建议把答复质量纳入考核。",
        ["11331013"],
        "11331013",
        "replied",
        "",
    ),
    (
        Sector.CPPCC_MEMBER,
        ViewTopic.EXECUTION,
        "招商引资项目承诺的全程代办，部分项目代办员换了三次，企业无所适从。",
        ["11331002"],
        "11331002",
        "referred",
        "",
    ),
    (
        Sector.MEDIA,
        ViewTopic.OTHER,
        "建议座谈会邀请更多基层群众代表参加，并提前公布议题。",
        ["11331001"],
        "11331001",
        "unpublished",
        "",
    ),
    (
        Sector.EXPERT,
        ViewTopic.PROPORTIONALITY,
        "问责不能一问了之，对已问责的问题要回头看整改效果。",
        ["11331001"],
        "11331001",
        "replied",
        "",
    ),
]

LATER_VIEWS = [
    (
        Sector.NPC_DEPUTY,
        ViewTopic.ENFORCEMENT,
        "上次座谈会提出的问责结果公开已经落实，但公开的案件没有写明问题线索来源，"
        "建议注明是群众投诉、明查暗访还是座谈会意见。",
        ["11331001"],
        "11331001",
        "adopted",
        "李国庆",
    ),
    (
        Sector.ENTERPRISE,
        ViewTopic.APPROVAL,
        "不动产登记窗口要求提供已经取消的证明材料，建议清理并公布取消的证明事项清单。",
        ["11331004"],
        "11331004",
        "replied",
        "",
    ),
    (
        Sector.RESIDENT,
        ViewTopic.SERVICE,
        "政务服务中心导办台经常无人值守，老年人不会用自助机，建议固定安排导办人员。",
        ["11331013"],
        "11331013",
        "adopted",
        "",
    ),
    (
        Sector.GRASSROOTS,
        ViewTopic.EXECUTION,
        "县里部署的农村道路养护资金，到乡镇时间比文件规定晚了两个月，建议督查资金拨付进度。",
        ["11331010"],
        "11331010",
        "in_progress_overdue",
        "",
    ),
    (
        Sector.CPPCC_MEMBER,
        ViewTopic.LAW_ENFORCEMENT,
        "市场监管对小餐馆处罚偏重，建议落实首错不罚和轻微免罚清单。",
        ["11331003"],
        "11331003",
        "replied",
        "王建华",
    ),
    (
        Sector.MEDIA,
        ViewTopic.DISCLOSURE,
        "月通报的排名只有得分，建议同时公开各项指标，方便公众理解排名依据。",
        ["11331013"],
        "11331013",
        "adopted",
        "",
    ),
    (
        Sector.SUPERVISOR,
        ViewTopic.SERVICE,
        "暗访发现户籍窗口工作人员上班时间玩手机，建议加强窗口纪律检查。",
        ["11331009"],
        "11331009",
        "referred_open",
        "",
    ),
    (
        Sector.EXPERT,
        ViewTopic.RESPONSIBILITY,
        "一票否决的适用情形要明确，避免滥用，也避免该否决的不否决。",
        ["11331001"],
        "11331001",
        "replied",
        "",
    ),
    (
        Sector.ENTERPRISE,
        ViewTopic.CHARGES,
        "特种设备检验收费高于公示标准，企业多次反映没有结果，建议追究相关责任。",
        ["11331003"],
        "11331003",
        "referred",
        "陈志明",
    ),
    (
        Sector.RESIDENT,
        ViewTopic.APPROVAL,
        "低保审核时间太长，建议公开审核各环节的时限。",
        ["11331008"],
        "11331008",
        "replied_late",
        "赵秀兰",
    ),
    (
        Sector.NPC_DEPUTY,
        ViewTopic.PAPERWORK,
        "部门业务会议层层陪会的问题仍然存在，建议清理会议并公开会议计划。",
        ["11331001"],
        "11331001",
        "in_progress",
        "",
    ),
    (
        Sector.GRASSROOTS,
        ViewTopic.SERVICE,
        "卫健部门诊所执业登记变更审批时间长，基层医生反映强烈。",
        ["11331011"],
        "11331011",
        "in_progress",
        "",
    ),
    (
        Sector.RESIDENT,
        ViewTopic.OTHER,
        "建议在乡镇便民服务中心设立效能投诉点，方便农村群众反映问题。",
        ["11331013"],
        "11331013",
        "pending",
        "",
    ),
    (
        Sector.ENTERPRISE,
        ViewTopic.EXECUTION,
        "惠企政策兑现需要企业重复提交材料，建议推行免申即享。",
        ["11331002", "11331006"],
        "11331002",
        "pending",
        "",
    ),
    (
        Sector.CPPCC_MEMBER,
        ViewTopic.PROPORTIONALITY,
        "对基层干部的问责要区分故意和过失，建议建立容错纠错机制。",
        ["11331001"],
        None,
        "pending_unassigned",
        "",
    ),
    (
        Sector.EXPERT,
        ViewTopic.ENFORCEMENT,
        "建议每半年公开一次追责问责的统计数据，包括各类问责方式的数量。",
        ["11331001"],
        None,
        "pending_unassigned",
        "",
    ),
]

REPLIES = {
    "11331001": "已研究采纳。县效能办将在门户网站“追责问责”栏目公开已作出决定的问责案件，"
    "并制定问责情形与问责方式对应标准，经县政府常务会议审议后印发。",
    "11331002": "已约谈项目代办中心负责人，明确每个重大项目固定一名代办员，变更须经企业同意。",
    "11331003": "已对照首错不罚、轻微免罚清单开展案卷评查，对处罚畸重的案件依法纠正。",
    "11331004": "已清理并公布取消的证明事项清单，窗口不再要求提供已取消的证明。",
    "11331005": "已建立施工许可与消防审验并联审批机制，两项手续同步受理。",
    "11331006": "已按领导、中层、一般岗位细化岗位责任清单，并在局网站公开。",
    "11331007": "已统一医保窗口午间服务时间，实行弹性错时服务，中午不断档。",
    "11331008": "已公开低保审核各环节时限，并开通审核进度短信提醒。",
    "11331009": "已对户籍窗口开展纪律作风整顿，工作时间一律不得使用手机处理私事。",
    "11331010": "已核查培训资料销售情况，责令停止指定购买，并在年审窗口公示收费依据。",
    "11331011": "已将诊所执业登记变更纳入即办件，材料齐全的当场办结。",
    "11331012": "已公开行政处罚裁量基准，对流动摊贩实行首次教育提醒。",
    "11331013": "已在政务服务中心固定安排两名导办人员，并设立老年人帮办窗口。",
}

# Answers written for particular views (by the view's opening words); the others take their
# department's answer from REPLIES.
VIEW_REPLIES = {
    "去年群众反映强烈的几起窗口推诿问题": (
        "已采纳。自今年起，已作出决定的问责案件在门户网站“追责问责”栏目公开，公开内容包"
        "括部门、岗位层级、问责情形和问责方式，不含当事人姓名。"
    ),
    "同样是超期办件，有的部门只是提醒谈话": (
        "已采纳。县效能办已起草《效能问责情形与问责方式对应标准》，明确各类问责情形对应的"
        "问责方式，经县政府常务会议审议后印发施行。"
    ),
    "明查暗访发现的问题，整改情况很少对外公布": (
        "已采纳。自下月起，月通报增加明查暗访问题整改情况，逐条公开整改结果。"
    ),
    "乡镇每月要填报的效能台账表格太多": (
        "已对乡镇效能台账进行清理，报表由 12 张精简为 5 张，重复内容通过系统共享，不再重复填报。"
    ),
    "婚姻登记处周末不开放": ("已采纳。婚姻登记处自下月起每月第一个周六上午提供预约服务。"),
    "有的投诉转到部门后，部门只是电话解释": (
        "已将投诉答复质量纳入月度效能考核，答复一律书面送达，并在投诉查询页面公开。"
    ),
    "建议座谈会邀请更多基层群众代表参加": (
        "下次座谈会将增加基层群众代表名额，并提前 10 个工作日在网站公布议题。"
    ),
    "问责不能一问了之": (
        "已建立问责整改“回头看”制度，问责决定作出三个月后由县效能办复查整改效果。"
    ),
    "上次座谈会提出的问责结果公开已经落实": (
        "已采纳。“追责问责”栏目公开的每起案件均注明问题线索来源：群众投诉、座谈会意见或明查暗访。"
    ),
    "月通报的排名只有得分": (
        "已采纳。月通报同时公开各部门按时办结率、投诉满意率、座谈会意见按时答复率等各项指"
        "标，并提供数据下载。"
    ),
    "一票否决的适用情形要明确": (
        "县效能办正在修订一票否决适用情形，明确因效能问题造成严重影响的具体情形，修订稿将"
        "公开征求意见。"
    ),
    "特种设备检验收费高于公示标准": (
        "已责令特种设备检验机构按公示标准收费，多收的费用正在逐户核实退还。"
    ),
}

# (working days before the anchor, department code, post, mode, category, finding,
#  rectification, refer)
FINDINGS = [
    (
        118,
        "11331004",
        "政务服务中心不动产登记窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.PROCEDURE_BURDEN,
        "窗口要求申请人提供已取消的“无违建证明”，一次性告知单未列明全部材料。",
        "立即停止索要已取消的证明，重新印制一次性告知单。",
        False,
    ),
    (
        112,
        "11331007",
        "政务服务中心医保窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.DISCIPLINE,
        "下午 16:50 窗口提前停止接待，公示办公时间为 17:30。",
        "严格执行公示的办公时间，落实弹性错时服务。",
        False,
    ),
    (
        105,
        "11331012",
        "城区执法中队",
        InspectionMode.OPEN,
        FindingCategory.ARBITRARY_CHARGES,
        "执法文书不规范，两起处罚案件未出具裁量说明。",
        "开展案卷自查，处罚决定书一律写明裁量依据。",
        True,
    ),
    (
        98,
        "11331009",
        "城关派出所户籍窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.DISCIPLINE,
        "工作时间窗口人员使用手机玩游戏，群众排队等候十余分钟。",
        "开展窗口纪律整顿，落实首问负责和离岗顶岗制度。",
        True,
    ),
    (
        90,
        "11331013",
        "政务服务中心导办台",
        InspectionMode.UNANNOUNCED,
        FindingCategory.SERVICE_ATTITUDE,
        "导办台上午 9:10 至 9:40 无人值守，群众询问无人应答。",
        "导办台实行 AB 岗，值守情况纳入每日巡查。",
        False,
    ),
    (
        84,
        "11331003",
        "政务服务中心市场监管窗口",
        InspectionMode.OPEN,
        FindingCategory.DISCLOSURE,
        "窗口未公示特种设备检验收费标准。",
        "在窗口和网站公示收费项目、标准和依据。",
        False,
    ),
    (
        77,
        "11331010",
        "道路运输服务窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.ARBITRARY_CHARGES,
        "年审时向企业推销指定培训资料，每套 120 元。",
        "立即停止推销，已收取的费用予以退还。",
        True,
    ),
    (
        70,
        "11331005",
        "建设工程审批窗口",
        InspectionMode.OPEN,
        FindingCategory.PROCEDURE_BURDEN,
        "施工许可补正通知分三次发出，每次只提一项问题。",
        "落实一次性告知制度，补正通知一次列明全部问题。",
        False,
    ),
    (
        63,
        "11331006",
        "社保卡服务窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.SERVICE_ATTITUDE,
        "叫号系统故障一小时无人处理，现场无引导。",
        "建立设备故障应急预案，故障时安排专人引导。",
        False,
    ),
    (
        56,
        "11331008",
        "婚姻登记处",
        InspectionMode.UNANNOUNCED,
        FindingCategory.SERVICE_ATTITUDE,
        "工作人员对补领结婚证的群众态度生硬，要求自行到乡镇调档。",
        "推行档案内部调取，不得要求群众自行调档。",
        False,
    ),
    (
        49,
        "11331011",
        "卫生监督所许可窗口",
        InspectionMode.OPEN,
        FindingCategory.PROCEDURE_BURDEN,
        "诊所执业登记变更材料齐全仍要求等待领导签字，平均耗时 18 个工作日。",
        "简化内部审批环节，材料齐全的即时办结。",
        True,
    ),
    (
        42,
        "11331002",
        "项目代办服务中心",
        InspectionMode.OPEN,
        FindingCategory.OTHER,
        "三个重大项目未明确代办员，企业自行跑办。",
        "逐个项目落实代办员并公示联系方式。",
        False,
    ),
    (
        35,
        "11331004",
        "规划许可窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.PROCEDURE_BURDEN,
        "规划许可补正通知未一次性告知。",
        "落实一次性告知，建立补正通知审核制度。",
        False,
    ),
    (
        28,
        "11331012",
        "南湖执法中队",
        InspectionMode.UNANNOUNCED,
        FindingCategory.DISCIPLINE,
        "执法人员未佩戴执法记录仪，执法过程无记录。",
        "执法全过程记录，执法记录仪使用情况每周抽查。",
        False,
    ),
    (
        24,
        "11331003",
        "食品经营许可窗口",
        InspectionMode.OPEN,
        FindingCategory.PROCEDURE_BURDEN,
        "要求重复提交系统内已有的健康证明。",
        "通过数据共享获取已有材料，不再要求重复提交。",
        False,
    ),
    (
        20,
        "11331007",
        "异地就医备案窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.PROCEDURE_BURDEN,
        "要求回原单位盖章，未告知可个人承诺备案。",
        "公示个人承诺备案方式，窗口主动告知。",
        False,
    ),
    (
        14,
        "11331009",
        "出入境接待窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.SERVICE_ATTITUDE,
        "拒绝使用电子身份证照，未按规定受理。",
        "落实电子证照应用，窗口人员开展业务培训。",
        False,
    ),
    (
        9,
        "11331010",
        "驾培服务窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.DISCIPLINE,
        "投诉电话连续三天无人接听。",
        "投诉电话专人值守，漏接电话当日回拨。",
        False,
    ),
    (
        6,
        "11331006",
        "退休审批窗口",
        InspectionMode.OPEN,
        FindingCategory.PROCEDURE_BURDEN,
        "要求提供政策未规定的无犯罪记录证明。",
        "停止索要无依据的证明材料，清理办事指南。",
        False,
    ),
    (
        3,
        "11331013",
        "一件事综合受理窗口",
        InspectionMode.UNANNOUNCED,
        FindingCategory.PROCEDURE_BURDEN,
        "开饭店“一件事”实际需到三个窗口分别递交材料。",
        "实行综合窗口一次收件，后台流转。",
        False,
    ),
]
# Findings recorded long ago and still not rectified after their deadline.
OVERDUE_FINDING_AGES = {35, 28}


def _working_day_on_or_after(day):
    return day if is_working_day(day) else add_working_days(day, 1)


def _period_of(session_date):
    """A session reviews the half-year before it: July 2026 → 2026年上半年."""
    if session_date.month >= 7:
        return f"{session_date.year}年上半年"
    return f"{session_date.year - 1}年下半年"


def load_review(home, *, departments, chief, handlers, anchor):
    """Symposiums with their views, inspection findings, accountability cases and the last six
    months' bulletins; each part is skipped when it was loaded before."""
    index = SymposiumIndexPage.objects.first()
    if index is None:
        index = SymposiumIndexPageFactory(parent=home)
        index.save_revision().publish()
    later_date = _working_day_on_or_after(timezone.localdate() - datetime.timedelta(days=130))
    earlier_date = _working_day_on_or_after(later_date - datetime.timedelta(days=182))
    with notifications_suppressed():
        views = {}
        for key, date, rows in (
            ("earlier", earlier_date, EARLIER_VIEWS),
            ("later", later_date, LATER_VIEWS),
        ):
            session = _session(index, date, departments)
            views[key] = _session_views(session, rows, departments, chief, handlers)
        findings = _findings(departments, chief, anchor)
        if not AccountabilityIndexPage.objects.exists():
            AccountabilityIndexPageFactory(parent=home).save_revision().publish()
        if not AccountabilityCase.objects.exists():
            _cases(departments, chief, anchor, views, findings)
    _bulletins(home, departments)


def _session(index, date, departments):
    period = _period_of(date)
    session = SymposiumPage.objects.filter(period=period).first()
    if session is not None:
        return session
    session = SymposiumPageFactory.build(
        title=f"{period}责任追究执行情况座谈会",
        slug=f"{period[:4]}-{'h1' if '上半年' in period else 'h2'}",
        date=date,
        period=period,
        place="示例县行政中心三楼第一会议室",
        host_department=departments["11331001"],
        roster=None,
        minutes=(
            f"<p>{date.year}年{date.month}月{date.day}日，县效能办召开{period}责任追究执行情况座谈会，"
            "县人大代表、政协委员、企业代表、群众代表、新闻媒体和专家学者代表参加。</p>"
            "<h2>会议议程</h2><ol><li>县效能办通报上一阶段追责问责执行情况；</li>"
            "<li>与会代表发言，对责任追究执行提出意见建议；</li>"
            "<li>有关部门现场回应。</li></ol>"
            "<h2>主要意见</h2><p>与会代表肯定了问责结果公开、明查暗访常态化等做法，"
            "同时就问责尺度统一、岗位责任细化、整改回头看等提出意见建议，"
            "会后逐条交办，办理情况在本页公开。</p>"
        ),
        summary=f"{period}责任追究执行情况座谈会：参会人员、会议纪要和意见建议办理情况。",
    )
    session.roster = [
        SymposiumRosterEntry(
            sector=Sector.NPC_DEPUTY,
            count=3,
            organisations="县人大常委会、城关镇人大主席团",
            names="李国庆 周丽 何建军",
        ),
        SymposiumRosterEntry(
            sector=Sector.CPPCC_MEMBER,
            count=2,
            organisations="县政协经济界别、县政协社会福利界别",
            names="王建华 郑敏",
        ),
        SymposiumRosterEntry(
            sector=Sector.ENTERPRISE,
            count=3,
            organisations="示例县宏达建设有限公司、示例县顺通运输有限公司、示例县绿源食品有限公司",
            names="陈志明 孙海波 吴静",
        ),
        SymposiumRosterEntry(
            sector=Sector.RESIDENT,
            count=4,
            organisations="城关镇、东溪镇、西山乡群众代表",
            names="赵秀兰 钱永福 冯桂英 刘洋",
        ),
        SymposiumRosterEntry(
            sector=Sector.MEDIA, count=2, organisations="示例县融媒体中心", names="许晨 胡蓉"
        ),
        SymposiumRosterEntry(
            sector=Sector.EXPERT,
            count=2,
            organisations="县委党校、示例县律师协会",
            names="邓文 唐雪",
        ),
        SymposiumRosterEntry(
            sector=Sector.SUPERVISOR,
            count=2,
            organisations="县特邀效能监督员",
            names="韩志刚 曹红",
        ),
    ]
    index.add_child(instance=session)
    session.save_revision().publish()
    return SymposiumPage.objects.get(pk=session.pk)


def _session_views(session, rows, departments, chief, handlers):
    """The views of a session, each taken to its state through the services; returns those
    referred to accountability review, in order."""
    existing = list(session.symposium_views.order_by("number"))
    if existing:
        return [view for view in existing if view.status == V.REFERRED]
    referred = []
    recorded_on = add_working_days(session.date, 1)
    for index, (sector, topic, text, concerned, code, state, raised_by) in enumerate(rows):
        handling = departments[code] if code else None
        view = view_create(
            session=session,
            text=text,
            sector=sector,
            topic=topic,
            raised_by=raised_by,
            concerned_departments=[departments[c] for c in concerned],
            handling_department=handling,
            published=state != "unpublished",
            actor=chief,
            now=at(recorded_on, 10, index),
        )
        reply = next(
            (answer for opening, answer in VIEW_REPLIES.items() if text.startswith(opening)),
            REPLIES.get(code, ""),
        )
        if state in ("pending", "pending_unassigned"):
            continue
        actor = handlers[code]
        view = view_start(view=view, actor=actor, now=at(add_working_days(recorded_on, 2), 9))
        if state in ("in_progress", "in_progress_overdue"):
            continue
        if state == "adopted":
            view = view_adopt(
                view=view, actor=actor, reply=reply, now=at(add_working_days(recorded_on, 10), 15)
            )
        elif state == "referred_open":
            view = view_refer(
                view=view,
                actor=chief,
                reason="反映的窗口纪律问题与明查暗访发现的问题相互印证，转问责审查。",
                now=at(add_working_days(recorded_on, 5), 16),
            )
            referred.append(view)
        else:
            late = state == "replied_late"
            answered = add_working_days(recorded_on, 18 if late else 9)
            view = view_reply(view=view, actor=actor, reply=reply, now=at(answered, 15))
            if state == "referred":
                view = view_refer(
                    view=view,
                    actor=chief,
                    reason="部门答复未说明责任落实情况，经核实存在推诿或违规问题，转问责审查。",
                    now=at(add_working_days(answered, 3), 10),
                )
                referred.append(view)
    return referred


def _findings(departments, chief, anchor):
    """About twenty findings over the last six months; returns those referred, in order."""
    if InspectionFinding.objects.exists():
        return list(InspectionFinding.objects.awaiting_review().order_by("inspected_on", "pk"))
    referred = []
    for age, code, post, mode, category, text, rectification, refer in FINDINGS:
        inspected = add_working_days(anchor, -age)
        deadline = add_working_days(inspected, 10)
        finding = finding_create(
            actor=chief,
            inspected_on=inspected,
            department=departments[code],
            post=post,
            mode=mode,
            category=category,
            problem=text,
            rectification=rectification,
            rectification_deadline=deadline,
            now=at(inspected, 17),
        )
        if refer:
            finding = finding_refer(
                finding=finding,
                actor=chief,
                reason="问题性质较重，涉及工作人员违反工作纪律或乱收费，转问责审查。",
                now=at(add_working_days(inspected, 2), 10),
            )
            referred.append(finding)
        if deadline < anchor and age not in OVERDUE_FINDING_AGES:
            # Most rectify in time; one in four takes a few days longer.
            done = add_working_days(deadline, 3 if age % 4 == 0 else -2)
            finding_rectify(
                finding=finding,
                actor=chief,
                rectified_on=min(done, anchor),
                report="已按要求完成整改，经县效能办复查，整改到位。",
            )
    return referred


# (department code, post level, ground, person, post, allegation, sources, outcome or None,
#  findings, veto reason, working days from the latest referral to the decision)
CASES = [
    (
        "11331011",
        PostLevel.GENERAL,
        Ground.BRIBE_SEEKING,
        "周立新",
        "卫生监督员",
        "群众投诉公共场所卫生许可现场检查时检查人员暗示请吃饭，之后许可迟迟未办。",
        [("complaint", "卫生许可现场检查时暗示请吃饭")],
        Outcome.ADMONISHMENT,
        "经调查，该检查人员在现场检查时以言语暗示申请人请吃饭，未获回应后拖延出具检查意见。"
        "本人对事实供认不讳。",
        "工作人员吃拿卡要，造成不良社会影响",
        8,
    ),
    (
        "11331012",
        PostLevel.MIDDLE,
        Ground.ARBITRARY_CHARGES,
        "吴海军",
        "执法中队副中队长",
        "群众投诉执法队员要求商户赞助文艺晚会；明查发现执法文书不规范。",
        [("complaint", "执法队员要求商户赞助活动"), ("finding", 105)],
        Outcome.PUBLIC_CRITICISM,
        "执法中队以“自愿赞助”为名向 6 家商户收取赞助款共 1.2 万元，已全部退还；"
        "中队副中队长负有直接领导责任。",
        "",
        10,
    ),
    (
        "11331009",
        PostLevel.GENERAL,
        Ground.DISCIPLINE,
        "",
        "户籍窗口工作人员",
        "暗访发现户籍窗口工作人员工作时间玩手机游戏。",
        [("finding", 98)],
        Outcome.CRITICAL_EDUCATION,
        "暗访视频显示窗口工作人员工作时间使用手机玩游戏约 12 分钟，群众排队等候。",
        "",
        6,
    ),
    (
        "11331010",
        PostLevel.MIDDLE,
        Ground.ARBITRARY_CHARGES,
        "郑宏",
        "运输管理科科长",
        "座谈会企业代表反映年审时被要求购买指定培训资料；暗访查实。",
        [("view", "earlier", 1), ("finding", 77)],
        Outcome.SELF_EXAMINATION,
        "运输管理科在年审窗口代售培训资料，每套 120 元，共售出 86 套，属于变相收费，款项已退还。",
        "",
        9,
    ),
    (
        "11331005",
        PostLevel.GENERAL,
        Ground.SHIRKING,
        "",
        "建设工程审批窗口",
        "座谈会企业代表反映施工许可与消防意见互为前置、两头推诿。",
        [("view", "earlier", 0)],
        Outcome.REMINDER_TALK,
        "窗口对前置条件理解有误，未主动协调，但未造成项目损失，已建立并联审批机制。",
        "",
        12,
    ),
    (
        "11331002",
        PostLevel.GENERAL,
        Ground.INACTION,
        "",
        "项目代办员",
        "座谈会政协委员反映招商项目代办员频繁更换，企业无所适从。",
        [("view", "earlier", 2)],
        Outcome.NONE,
        "代办员更换系人员正常调整，已补办交接并告知企业，未发现失职情形。",
        "",
        7,
    ),
    (
        "11331011",
        PostLevel.LEADERSHIP,
        Ground.INACTION,
        "杨振华",
        "分管副局长",
        "明查发现诊所执业登记变更材料齐全仍需等待领导签字，平均耗时 18 个工作日。",
        [("finding", 49)],
        Outcome.ORGANISATIONAL_ADJUSTMENT,
        "分管领导长期积压审批件，经多次提醒仍未改正，严重影响营商环境。",
        "分管领导慢作为，审批件长期积压",
        15,
    ),
    (
        "11331003",
        PostLevel.MIDDLE,
        Ground.ARBITRARY_CHARGES,
        "",
        "特种设备安全监察科",
        "座谈会企业代表反映特种设备检验收费高于公示标准。",
        [("view", "later", 1)],
        None,
        "",
        "",
        0,
    ),
    (
        "11331009",
        PostLevel.GENERAL,
        Ground.DISCIPLINE,
        "",
        "户籍窗口工作人员",
        "座谈会特邀监督员反映户籍窗口纪律松弛，需核实是否仍存在。",
        [("view", "later", 0)],
        None,
        "",
        "",
        0,
    ),
    (
        "11331008",
        PostLevel.GENERAL,
        Ground.SHIRKING,
        "",
        "婚姻登记处工作人员",
        "群众投诉婚姻登记处工作人员推诿，要求自行到乡镇调档，受理后超期未答复。",
        [("complaint", "婚姻登记处工作人员推诿")],
        None,
        "",
        "",
        0,
    ),
]


def _cases(departments, chief, anchor, views, findings):
    """About ten cases from demo complaints, views and findings, through the services."""
    reviewer_user = reviewer(first_name="县问责审查组")
    by_age = {finding.inspected_on: finding for finding in findings}
    finding_by_age = {age: by_age.get(add_working_days(anchor, -age)) for age, *_rest in FINDINGS}
    for (
        code,
        level,
        ground,
        person,
        post,
        allegation,
        sources,
        outcome,
        facts,
        veto,
        decide_after,
    ) in CASES:
        complaints, case_views, case_findings = [], [], []
        referred_on = []
        for source in sources:
            if source[0] == "complaint":
                complaint = Complaint.objects.get(subject=source[1])
                if complaint.status != Status.REFERRED:
                    complaint = complaint_refer(
                        complaint=complaint,
                        actor=chief,
                        reason="投诉反映的问题涉及工作人员违规，转入问责审查核实。",
                        now=complaint.events.last().created_at + datetime.timedelta(minutes=30),
                    )
                complaints.append(complaint)
                referred_on.append(beijing_date(complaint.referred_at))
            elif source[0] == "view":
                view = views[source[1]][source[2]]
                case_views.append(view)
                referred_on.append(beijing_date(view.referred_at))
            else:
                finding = finding_by_age[source[1]]
                case_findings.append(finding)
                referred_on.append(beijing_date(finding.referred_at))
        opened = min(add_working_days(max(referred_on), 2), anchor)
        case = case_open(
            actor=reviewer_user,
            department=departments[code],
            post_level=level,
            ground=ground,
            allegation=allegation,
            person_name=person,
            person_post=post,
            complaints=complaints,
            views=case_views,
            findings=case_findings,
            opened_on=opened,
            now=at(opened, 9),
        )
        if outcome is None:
            continue
        decided = min(add_working_days(opened, decide_after), anchor)
        case_decide(
            case=case,
            actor=reviewer_user,
            outcome=outcome,
            findings=facts,
            decided_on=decided,
            veto=bool(veto),
            veto_reason=veto,
            now=at(decided, 16),
        )


# --- the monthly bulletins ----------------------------------------------------------------

# (stationed items, cases handled in a typical month) per department code.
SERVICE_CENTRE = {
    "11331001": (6, 120),
    "11331002": (18, 260),
    "11331003": (42, 1450),
    "11331004": (35, 980),
    "11331005": (28, 640),
    "11331006": (46, 2300),
    "11331007": (24, 1900),
    "11331008": (15, 420),
    "11331009": (38, 2600),
    "11331010": (22, 560),
    "11331011": (19, 380),
    "11331012": (12, 210),
    "11331013": (8, 300),
}


def _service_centre_csv(year, month):
    """The service centre's monthly file, as it exports it (CSV with a header row)."""
    generator = random.Random(year * 100 + month)
    lines = ["部门编码,进驻事项数,办件量,按时办结件数"]
    for code, (items, cases) in SERVICE_CENTRE.items():
        handled = int(cases * generator.uniform(0.85, 1.15))
        on_time = handled - int(handled * generator.uniform(0, 0.04))
        lines.append(f"{code},{items},{handled},{on_time}")
    return SimpleUploadedFile(
        f"service-centre-{year}-{month:02d}.csv", "\n".join(lines).encode("utf-8")
    )


def _narrative(page):
    rows = list(page.rows.all())
    handled = sum(row.cases_handled for row in rows)
    on_time = sum(row.cases_on_time for row in rows)
    complaints = sum(row.complaints_received for row in rows)
    findings = sum(row.inspection_findings for row in rows)
    decided = sum(row.cases_decided for row in rows)
    rate = f"{100 * on_time / handled:.1f}" if handled else "—"
    return (
        f"<p>{page.month_label}，全县政务服务中心共办件 {handled} 件，按时办结率 {rate}%；"
        f"收到效能投诉 {complaints} 件；明查暗访发现问题 {findings} 个；"
        f"问责审查办结 {decided} 起。各部门考核得分和排名见下表。</p>"
        "<p>请各部门对照通报问题认真整改，整改情况纳入下月明查暗访复查。</p>"
    )


def _notices(page):
    ranked = sorted(
        (row for row in page.rows.all() if row.rank),
        key=lambda row: (row.rank, row.sort_order or 0),
    )
    notices = []
    if ranked:
        best = ranked[0]
        notices.append(
            BulletinNotice(
                kind=BulletinNotice.Kind.COMMENDATION,
                department=best.department,
                subject="政务服务窗口",
                text="本月办件按时办结、群众评价满意，考核得分全县第一。",
            )
        )
    criticised = [row for row in page.rows.all() if row.inspection_findings or row.veto]
    if criticised:
        worst = max(criticised, key=lambda row: (row.veto, row.inspection_findings))
        notices.append(
            BulletinNotice(
                kind=BulletinNotice.Kind.CRITICISM,
                department=worst.department,
                subject="服务窗口",
                text=worst.veto_reason
                or f"本月明查暗访发现问题 {worst.inspection_findings} 个，整改不够及时。",
            )
        )
    return notices


def _bulletins(home, departments):
    """Bulletins for the last six months: each compiled by `bulletin_draft` with the service
    centre's figures imported; the five earlier ones published, the latest left a draft."""
    index = BulletinIndexPage.objects.first()
    if index is None:
        index = BulletinIndexPageFactory(parent=home)
        index.save_revision().publish()
    year, month = previous_month()
    months = []
    for _step in range(6):
        months.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    editor = None
    for position, (year, month) in enumerate(reversed(months)):
        first = datetime.date(year, month, 1)
        if MonthlyBulletinPage.objects.filter(month=first).exists():
            continue
        page = bulletin_draft(year=year, month=month, user=editor).page
        bulletin_import_service_centre(
            page=page, uploaded_file=_service_centre_csv(year, month), user=editor
        )
        # Compiled again after the import, so the scores count the service centre's figures.
        page = bulletin_draft(year=year, month=month, user=editor).page
        if position == len(months) - 1:
            continue  # the latest month stays a draft for an editor to review
        draft = MonthlyBulletinPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        draft.narrative = _narrative(draft)
        draft.notices = _notices(draft)
        draft.date_written = add_working_days(first.replace(day=28), 5)
        draft.save_revision(user=editor).publish()
