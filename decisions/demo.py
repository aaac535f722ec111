"""Demo content of the decisions app: the 重大决策 section of 示例县 with its directory and six
decisions, one in each state (upcoming, open, closed and answered, implementing, evaluated,
terminated). Called by `manage.py load_demo` after the kernel's demo; safe to run again: each
page is created once, found by its slug."""

import datetime

from django.utils import timezone

from portal.models import Department

from . import services
from .factories import (
    CollectiveDecisionFactory,
    DecisionIndexPageFactory,
    DecisionStepFactory,
    DirectoryEntryFactory,
    MajorDecisionPageFactory,
    PublicCommentFactory,
    TrackingUpdateFactory,
)
from .models import (
    DecisionIndexPage,
    DecisionOutcome,
    EvaluationRecommendation,
    MajorDecisionPage,
    ModerationStatus,
    ResponseOutcome,
    Sector,
    StepKind,
    TrackingStatus,
)


def _department(code):
    return Department.objects.get(code=code)


def _days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _at(days, hour=9):
    """Beijing time `days` from today at `hour` o'clock."""
    day = _days(days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _paragraphs(*lines):
    return "".join(f"<p>{line}</p>" for line in lines)


PARKING_DRAFT = _paragraphs(
    "第一条 为规范本县城区公共停车秩序，合理利用停车资源，缓解停车难问题，制定本办法。",
    "第二条 本办法适用于本县城区范围内道路停车泊位和政府投资建设的公共停车场。",
    "第三条 道路停车泊位实行分时段差别化收费：工作日 8:00 至 20:00 每小时 3 元，"
    "其他时段每小时 1 元；首 30 分钟免费。",
    "第四条 公共停车场每小时 2 元，24 小时内最高 20 元。",
    "第五条 本办法自发布之日起施行。",
)
WASTE_DRAFT = _paragraphs(
    "第一条 本县城乡生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类。",
    "第二条 生活垃圾分类投放管理责任人应当设置分类收集容器，并于每日 19:00 前完成清运。",
    "第三条 单位和个人未按规定分类投放的，由综合行政执法部门责令改正；拒不改正的，"
    "对个人处 50 元以上 200 元以下罚款。",
    "第四条 本方案自 2027 年 1 月 1 日起施行。",
)
RENOVATION_DRAFT = _paragraphs(
    "一、改造范围：2000 年底前建成、基础设施老化的城镇老旧小区，共 46 个。",
    "二、改造内容：基础类改造包括供水、排水、供电、道路和消防设施。",
    "三、资金筹措：按照政府补助、居民出资、社会参与的方式筹措，居民出资比例不低于 10%。",
    "四、实施步骤：2026 年完成 15 个，2027 年完成 16 个，2028 年完成 15 个。",
)
RENOVATION_FINAL = _paragraphs(
    "一、改造范围：2000 年底前建成、基础设施老化的城镇老旧小区，共 46 个。",
    "二、改造内容：基础类改造包括供水、排水、供电、道路和消防设施；"
    "完善类改造包括加装电梯、增设停车位和无障碍设施。",
    "三、资金筹措：按照政府补助、居民出资、社会参与的方式筹措，居民出资比例不低于 5%，"
    "低保、特困家庭免于出资。",
    "四、实施步骤：2026 年完成 15 个，2027 年完成 16 个，2028 年完成 15 个。",
    "五、监督考核：改造项目竣工后由住建部门会同街道组织居民代表参与验收。",
)
ROADS_DRAFT = _paragraphs(
    "第一条 县道由县交通运输部门负责养护，乡道由乡镇人民政府负责养护，"
    "村道由村民委员会在乡镇指导下负责养护。",
    "第二条 农村公路养护资金列入县级财政预算，每年每公里不低于 7000 元。",
)
ROADS_FINAL = _paragraphs(
    "第一条 县道由县交通运输部门负责养护，乡道由乡镇人民政府负责养护，"
    "村道由村民委员会在乡镇指导下负责养护。",
    "第二条 农村公路养护资金列入县级财政预算，每年每公里不低于 10000 元。",
    "第三条 推行“路长制”，县、乡、村三级路长负责辖区农村公路的日常巡查。",
)


def load(home):
    """The 重大决策 section with its directory and six decisions in different states."""
    index = DecisionIndexPage.objects.child_of(home).first()
    if index is None:
        index = DecisionIndexPageFactory(
            parent=home,
            introduction=(
                "<p>依照《重大行政决策程序暂行条例》，本县重大行政决策事项实行目录管理，"
                "决策草案向社会公开征求意见，期限一般不少于 30 日；"
                "征求意见结束后公布意见采纳情况，决策作出后公开决策文本和执行情况。</p>"
            ),
        )
    existing = set(MajorDecisionPage.objects.child_of(index).values_list("slug", flat=True))
    pages = {}
    for slug, build in BUILDERS:
        if slug not in existing:
            build(index, slug)
        pages[slug] = MajorDecisionPage.objects.get(slug=slug, path__startswith=index.path)
    if not index.directory_entries.exists():
        _directory(index, pages)


def _open(index, slug):
    """征求意见中: the parking fees, with a planned hearing and a few comments."""
    page = MajorDecisionPageFactory(
        parent=index,
        slug=slug,
        title="示例县城区停车收费管理办法（征求意见稿）",
        summary="拟对城区道路停车泊位实行分时段差别化收费，现公开征求社会各界意见。",
        issuing_department=_department("11331002"),
        keywords="停车, 收费, 征求意见",
        draft_text=PARKING_DRAFT,
        drafting_explanation=_paragraphs(
            "一、起草背景：城区机动车保有量三年增长 42%，停车泊位周转率低。",
            "二、主要依据：《中华人民共和国价格法》《浙江省定价目录》。",
            "三、主要内容：明确收费范围、分时段标准、免费时段和减免对象。",
        ),
        date_written=_days(-12),
        opens_at=_at(-10),
        closes_at=_at(20, 17),
        contact_email="fgj@example.gov.cn",
        contact_phone="0571-86010002",
        other_channels=(
            "信函请寄示例县城关镇人民路 1 号县发展和改革局价格科（邮编 310000），"
            "并在信封上注明“停车收费意见”。"
        ),
        published=False,
    )
    DecisionStepFactory(
        page=page,
        kind=StepKind.HEARING,
        date=_days(12),
        title="城区停车收费标准听证会",
        location="县行政中心 2 号楼 301 会议室",
        how_to_participate=(
            "拟参加听证的市民请于听证会 5 日前拨打 0571-86010002 报名，"
            "说明姓名、职业和主要观点；名额 15 人，按报名先后和代表性确定。"
        ),
        summary="",
    )
    page.save_revision().publish()
    for text, sector, status in [
        ("建议首次免费时长延长到 60 分钟，方便群众到医院、学校办事。", Sector.PUBLIC, "published"),
        (
            "夜间 20:00 后收费标准偏高，老小区居民只能停在路边，建议夜间免费。",
            Sector.PUBLIC,
            "published",
        ),
        ("建议明确残疾人车辆免费停放，体现对特殊群体的关爱。", Sector.CPPCC, "pending"),
    ]:
        comment = PublicCommentFactory(
            notice=page, text=text, sector=sector, submitted_at=_at(-5, 10)
        )
        if status == "published":
            services.comment_moderate(comment=comment, status=ModerationStatus.PUBLISHED)
    return page


def _closed(index, slug):
    """意见征集结束: waste sorting, consultation over and every comment answered."""
    department = _department("11331012")
    page = MajorDecisionPageFactory(
        parent=index,
        slug=slug,
        title="示例县生活垃圾分类管理实施方案（征求意见稿）",
        summary="推进城乡生活垃圾分类，明确分类标准、投放管理和责任分工。",
        issuing_department=department,
        draft_text=WASTE_DRAFT,
        drafting_explanation=_paragraphs(
            "一、起草背景：落实省市生活垃圾分类工作部署。",
            "二、主要内容：分类标准、投放收运、监督管理。",
        ),
        date_written=_days(-47),
        opens_at=_at(-45),
        contact_phone="0571-86010012",
        closes_at=_at(-14, 17),
        published=False,
    )
    DecisionStepFactory(
        page=page,
        kind=StepKind.EXPERT_REVIEW,
        date=_days(-20),
        title="生活垃圾分类实施方案专家论证会",
        summary="专家组认为方案可行，建议细化农村地区收运频次。",
    )
    DecisionStepFactory(
        page=page,
        kind=StepKind.RISK_ASSESSMENT,
        date=_days(-10),
        title="社会稳定风险评估",
        summary="评估结论为低风险，可以实施。",
    )
    DecisionStepFactory(
        page=page,
        kind=StepKind.LEGALITY_REVIEW,
        date=_days(-5),
        title="县司法局合法性审查",
        summary="经审查，方案内容合法，建议删除与上位法不一致的罚款表述。",
    )
    page.save_revision().publish()
    answers = [
        (
            "建议在农村地区每周至少清运两次厨余垃圾，夏季防止异味。",
            ResponseOutcome.ADOPTED,
            "已在实施细则中明确农村地区厨余垃圾每周清运不少于两次。",
        ),
        (
            "罚款金额偏低，起不到约束作用，建议提高到 500 元。",
            ResponseOutcome.NOT_ADOPTED,
            "罚款幅度须与《浙江省生活垃圾管理条例》一致，方案不宜另行规定。",
        ),
        (
            "建议对积极分类的家庭给予积分奖励，可兑换生活用品。",
            ResponseOutcome.PARTLY,
            "采纳积分激励的建议，具体兑换办法由各乡镇结合实际制定。",
        ),
        (
            "小区门口的快递柜经常占用消防通道，希望有人管一管。",
            ResponseOutcome.NOT_APPLICABLE,
            "该问题不属于本方案范围，已转县消防救援大队处理。",
        ),
    ]
    for number, (text, outcome, reason) in enumerate(answers):
        comment = PublicCommentFactory(
            notice=page, text=text, sector=Sector.PUBLIC, submitted_at=_at(-40 + number * 5, 15)
        )
        services.comment_moderate(comment=comment, status=ModerationStatus.PUBLISHED)
        services.comment_respond(comment=comment, outcome=outcome, reason=reason)
    spam = PublicCommentFactory(
        notice=page,
        text="专业代办各类证件，价格优惠，欢迎来电咨询。",
        sector="",
        submitted_at=_at(-30),
    )
    services.comment_moderate(
        comment=spam, status=ModerationStatus.REJECTED, reason="广告信息，与本事项无关。"
    )
    services.comment_respond(
        comment=spam, outcome=ResponseOutcome.NOT_APPLICABLE, reason="与本决策事项无关。"
    )
    return page


def _implementing(index, slug):
    """实施中: old-housing renovation, decided with changes, tracked since."""
    department = _department("11331005")
    page = MajorDecisionPageFactory(
        parent=index,
        slug=slug,
        title="示例县城镇老旧小区改造三年行动计划（2026—2028年）",
        summary="计划用三年时间完成 46 个城镇老旧小区改造。",
        issuing_department=department,
        draft_text=RENOVATION_DRAFT,
        drafting_explanation=_paragraphs("一、起草背景：全县老旧小区设施老化问题突出。"),
        date_written=_days(-152),
        opens_at=_at(-150),
        closes_at=_at(-120, 17),
        final_text=RENOVATION_FINAL,
        final_document_number="示政发〔2026〕20号",
        effective_date=_days(-90),
        published=False,
    )
    DecisionStepFactory(
        page=page,
        kind=StepKind.LEGALITY_REVIEW,
        date=_days(-110),
        title="县司法局合法性审查",
        summary="经审查，行动计划符合法律法规规定，出具合法性审查意见书。",
    )
    CollectiveDecisionFactory(
        page=page,
        date=_days(-100),
        title="县人民政府第十五次常务会议",
        outcome=DecisionOutcome.AMENDED,
        summary="会议原则通过，要求降低居民出资比例、增加加装电梯内容后印发。",
    )
    TrackingUpdateFactory(
        page=page,
        date=_days(-60),
        responsible_unit=department,
        progress=20,
        status=TrackingStatus.ON_TRACK,
        text="15 个小区完成设计招标，其中 6 个已开工。",
    )
    TrackingUpdateFactory(
        page=page,
        date=_days(-15),
        responsible_unit=department,
        progress=45,
        status=TrackingStatus.BEHIND,
        text="受雨季影响，管网改造进度滞后约 3 周，已增加施工班组。",
    )
    page.save_revision().publish()
    page = MajorDecisionPage.objects.get(pk=page.pk)

    def passage(words):
        return next((change.passage for change in page.changes if words in change.passage), "")

    answers = [
        (
            "老小区住的多是老人，居民出资 10% 负担太重，建议降低比例，困难家庭免缴。",
            ResponseOutcome.ADOPTED,
            "已将居民出资比例调整为不低于 5%，低保、特困家庭免于出资。",
            passage("免于出资"),
        ),
        (
            "建议把加装电梯纳入改造内容。",
            ResponseOutcome.PARTLY,
            "已将加装电梯列入完善类改造内容，具体按居民意愿逐幢实施。",
            passage("加装电梯"),
        ),
        (
            "希望第一年就把全部小区改完。",
            ResponseOutcome.NOT_ADOPTED,
            "受资金和施工组织限制，需分三年实施。",
            "",
        ),
    ]
    for text, outcome, reason, changed in answers:
        comment = PublicCommentFactory(
            notice=page, text=text, sector=Sector.PUBLIC, submitted_at=_at(-140, 11)
        )
        services.comment_moderate(comment=comment, status=ModerationStatus.PUBLISHED)
        services.comment_respond(
            comment=comment, outcome=outcome, reason=reason, changed_passage=changed
        )
    return page


def _evaluated(index, slug):
    """已评估: rural road maintenance, decided two years ago and evaluated."""
    department = _department("11331010")
    page = MajorDecisionPageFactory(
        parent=index,
        slug=slug,
        title="示例县农村公路养护管理办法",
        summary="明确县、乡、村三级农村公路养护责任和资金保障。",
        issuing_department=department,
        draft_text=ROADS_DRAFT,
        drafting_explanation=_paragraphs("一、起草背景：农村公路养护责任不清、资金不足。"),
        date_written=_days(-765),
        opens_at=_at(-760),
        closes_at=_at(-728, 17),
        final_text=ROADS_FINAL,
        final_document_number="示政发〔2024〕8号",
        effective_date=_days(-690),
        evaluation_date=_days(-20),
        evaluation_body="县司法局委托示例大学公共管理学院",
        evaluation_recommendation=EvaluationRecommendation.CONTINUE,
        evaluation_text=_paragraphs(
            "办法实施以来，全县农村公路优良中等路率由 78% 提高到 89%，"
            "路长制覆盖全部行政村。建议继续实施，并将养护资金标准与物价水平挂钩。"
        ),
        published=False,
    )
    CollectiveDecisionFactory(
        page=page,
        date=_days(-700),
        title="县人民政府第三十次常务会议",
        outcome=DecisionOutcome.ADOPTED,
    )
    TrackingUpdateFactory(
        page=page,
        date=_days(-400),
        responsible_unit=department,
        progress=100,
        status=TrackingStatus.COMPLETED,
        text="三级路长制全面建立，养护资金全部纳入预算。",
    )
    page.save_revision().publish()
    return page


def _terminated(index, slug):
    """已终止: a school layout plan withdrawn after consultation."""
    page = MajorDecisionPageFactory(
        parent=index,
        slug=slug,
        title="示例县城区中小学布局调整方案（征求意见稿）",
        summary="拟撤并城区 3 所小规模学校。",
        issuing_department=_department("11331001"),
        draft_text=_paragraphs("一、撤并城东小学、城西小学和北门小学，学生并入实验小学。"),
        drafting_explanation=_paragraphs("一、起草背景：部分学校生源持续减少。"),
        date_written=_days(-203),
        opens_at=_at(-200),
        closes_at=_at(-170, 17),
        terminated_on=_days(-120),
        termination_reason=(
            "征求意见中多数意见反对撤并，经研究，县人民政府决定终止本决策事项，"
            "另行研究小规模学校提升方案。"
        ),
        published=False,
    )
    DecisionStepFactory(
        page=page,
        kind=StepKind.HEARING,
        date=_days(-180),
        title="城区中小学布局调整听证会",
        location="县教育局会议室",
        how_to_participate="已于听证会前 10 日公开报名，共 20 名家长和教师代表参加。",
        summary="多数听证参加人反对撤并，担心上学距离增加。",
    )
    page.save_revision().publish()
    comment = PublicCommentFactory(
        notice=page, text="孩子上学要多走 3 公里，反对撤并城东小学。", submitted_at=_at(-190)
    )
    services.comment_moderate(comment=comment, status=ModerationStatus.PUBLISHED)
    services.comment_respond(
        comment=comment, outcome=ResponseOutcome.ADOPTED, reason="决策事项已终止，不再撤并。"
    )
    return page


def _upcoming(index, slug):
    """即将征求意见: the elderly-care facilities plan, opening next week."""
    return MajorDecisionPageFactory(
        parent=index,
        slug=slug,
        title="示例县养老服务设施布局专项规划（2026—2035年）（征求意见稿）",
        summary="规划全县养老服务设施布局，征求意见将于下周开始。",
        issuing_department=_department("11331008"),
        draft_text=_paragraphs("一、规划目标：到 2035 年，每个乡镇至少建成 1 所综合养老服务中心。"),
        drafting_explanation=_paragraphs("一、编制依据：《示例县国土空间总体规划》。"),
        date_written=_days(-1),
        opens_at=_at(7),
        contact_phone="0571-86010008",
        closes_at=_at(37, 17),
    )


BUILDERS = [
    ("parking-fees", _open),
    ("waste-sorting", _closed),
    ("old-housing-renovation", _implementing),
    ("rural-road-maintenance", _evaluated),
    ("school-layout", _terminated),
    ("elderly-care-facilities", _upcoming),
]


def _directory(index, pages):
    year = timezone.localdate().year
    rows = [
        ("城区停车收费管理办法", "11331002", "第四季度", True, "parking-fees"),
        ("生活垃圾分类管理实施方案", "11331012", "第四季度", False, "waste-sorting"),
        ("城镇老旧小区改造三年行动计划", "11331005", "第二季度", False, "old-housing-renovation"),
        ("养老服务设施布局专项规划", "11331008", "次年第一季度", False, "elderly-care-facilities"),
        ("县域医疗卫生服务体系建设方案", "11331011", "第四季度", True, None),
    ]
    for order, (title, code, planned, hearing, slug) in enumerate(rows):
        DirectoryEntryFactory(
            page=index,
            sort_order=order,
            year=year,
            title=title,
            department=_department(code),
            planned_time=f"{year} 年{planned}",
            hearing_planned=hearing,
            notice=pages.get(slug) if slug else None,
            basis="县政府年度重大行政决策事项目录",
        )
    # The rows exist now; publish them through a revision as an editor would.
    DecisionIndexPage.objects.get(pk=index.pk).save_revision().publish()
