"""Demo 权责清单 of 示例县: the /powers/ page and a power list for every demo department.

Items are derived where the demo already has the content (every service procedure becomes the
licensing, confirmation, benefit or public-service power it applies; every offence of a penalty
discretion standard becomes a penalty power linked to that standard) and taken from the compact
table below for the other kinds. Idempotent: the index is found as the singleton, items by code;
what exists is left as an editor may have changed it.
"""

import datetime

from portal.models import Department

from .demo import (
    CIVIL_AFFAIRS,
    DEPARTMENT_CODES,
    DEVELOPMENT,
    ENFORCEMENT,
    GOV_OFFICE,
    HEALTH,
    HOUSING,
    HUMAN_RESOURCES,
    MARKET,
    MEDICAL_SECURITY,
    NATURAL_RESOURCES,
    PENALTY_STANDARDS,
    POLICE,
    PROCEDURES,
    SERVICE_OFFICE,
    SUPERVISION_PHONE,
    TRANSPORT,
    _publish,
    _validated,
)
from .factories import PowerIndexPageFactory, publish
from .models import (
    AccountabilityTrigger,
    PenaltyDiscretionPage,
    PowerAdjustment,
    PowerIndexPage,
    PowerItemPage,
    PowerKind,
    PowerResponsibility,
    PowerStatus,
    ResponsibilityStage,
    ServiceItemType,
    ServiceProcedurePage,
    Topic,
)

INTRODUCTION = (
    "<p>本清单依据《中共中央办公厅 国务院办公厅关于推行地方各级政府工作部门权力清单制度的"
    "指导意见》编制，列明示例县各部门依法行使的行政权力事项、实施依据、责任事项和追责情形。"
    "清单实行动态调整，调整和取消的事项保留调整记录。</p>"
)
DATE_WRITTEN = datetime.date(2026, 3, 1)

TOPICS = {
    GOV_OFFICE: Topic.GENERAL,
    DEVELOPMENT: Topic.ECONOMY,
    MARKET: Topic.MARKET,
    NATURAL_RESOURCES: Topic.LAND,
    HOUSING: Topic.CONSTRUCTION,
    HUMAN_RESOURCES: Topic.LABOUR,
    MEDICAL_SECURITY: Topic.HEALTH,
    CIVIL_AFFAIRS: Topic.CIVIL,
    POLICE: Topic.SECURITY,
    TRANSPORT: Topic.INDUSTRY,
    HEALTH: Topic.HEALTH,
    ENFORCEMENT: Topic.CONSTRUCTION,
    SERVICE_OFFICE: Topic.GENERAL,
}

# Code prefix of each kind (拼音 initials, as county lists number them).
PREFIXES = {
    PowerKind.LICENSING: "XK",
    PowerKind.PENALTY: "CF",
    PowerKind.COERCION: "QZ",
    PowerKind.LEVY: "ZS",
    PowerKind.BENEFIT: "GF",
    PowerKind.INSPECTION: "JC",
    PowerKind.CONFIRMATION: "QR",
    PowerKind.REWARD: "JL",
    PowerKind.ADJUDICATION: "CJ",
    PowerKind.OTHER: "QT",
}

PROCEDURE_KINDS = {
    ServiceItemType.LICENSING: PowerKind.LICENSING,
    ServiceItemType.CONFIRMATION: PowerKind.CONFIRMATION,
    ServiceItemType.BENEFIT: PowerKind.BENEFIT,
    ServiceItemType.LEVY: PowerKind.LEVY,
    ServiceItemType.ADJUDICATION: PowerKind.ADJUDICATION,
    ServiceItemType.PUBLIC_SERVICE: PowerKind.OTHER,
    ServiceItemType.OTHER: PowerKind.OTHER,
}

# The law each kind's accountability rests on.
ACCOUNTABILITY = {
    PowerKind.LICENSING: [
        (
            "对符合法定条件的行政许可申请不予受理，或者不在法定期限内作出准予许可决定的",
            "《中华人民共和国行政许可法》第七十二条、第七十四条",
        ),
        (
            "对不符合法定条件的申请人准予行政许可，或者超越法定职权作出准予许可决定的",
            "《中华人民共和国行政许可法》第七十四条",
        ),
        ("索取或者收受他人财物，或者谋取其他利益的", "《中华人民共和国行政许可法》第七十三条"),
    ],
    PowerKind.PENALTY: [
        ("没有法定依据或者擅自改变处罚种类、幅度的", "《中华人民共和国行政处罚法》第七十六条"),
        (
            "违反法定程序实施行政处罚，或者不按裁量基准确定处罚幅度的",
            "《中华人民共和国行政处罚法》第七十六条",
        ),
        (
            "应当依法移交司法机关追究刑事责任而不移交，以行政处罚代替刑事处罚的",
            "《中华人民共和国行政处罚法》第八十二条",
        ),
    ],
    PowerKind.COERCION: [
        (
            "没有法律、法规依据，或者改变行政强制对象、条件、方式的",
            "《中华人民共和国行政强制法》第六十一条",
        ),
        (
            "扩大查封、扣押范围，或者在法定期间不作出处理决定、未依法解除的",
            "《中华人民共和国行政强制法》第六十二条",
        ),
    ],
    PowerKind.INSPECTION: [
        (
            "未按“双随机、一公开”要求实施检查，或者检查中滥用职权、玩忽职守的",
            "《优化营商环境条例》第六十九条",
        ),
        ("发现违法行为不依法处理或者不移送有权机关处理的", "《行政机关公务员处分条例》第二十一条"),
    ],
}
DEFAULT_ACCOUNTABILITY = [
    ("不依法履行职责，或者违反法定程序、超过法定期限办理的", "《行政机关公务员处分条例》第二十条"),
    (
        "滥用职权、徇私舞弊，或者索取、收受他人财物的",
        "《中华人民共和国公职人员政务处分法》第三十九条",
    ),
]

RESPONSIBILITIES = [
    (
        ResponsibilityStage.ACCEPTANCE,
        "公示依法应当提交的材料和办理条件；材料齐全、符合法定形式的当场受理，不予受理的书面告知理由。",
    ),
    (
        ResponsibilityStage.REVIEW,
        "对申请材料和有关事实进行审查，需要现场核查的指派两名以上工作人员核查。",
    ),
    (
        ResponsibilityStage.DECISION,
        "在法定期限内作出决定；不予批准的书面说明理由，并告知申请复议或者提起诉讼的权利。",
    ),
    (ResponsibilityStage.DELIVERY, "依法制作并送达决定文书，信息按规定向社会公开。"),
    (ResponsibilityStage.SUPERVISION, "建立实施监督检查制度，发现违法违规情形依法处理。"),
]
PENALTY_RESPONSIBILITIES = [
    (
        ResponsibilityStage.ACCEPTANCE,
        "对监督检查、投诉举报、移送等途径发现的违法线索及时审查，决定是否立案。",
    ),
    (
        ResponsibilityStage.REVIEW,
        "两名以上执法人员出示执法证件调查取证，对案件事实、证据和法律适用进行审查，重大案件经法制审核。",
    ),
    (
        ResponsibilityStage.DECISION,
        "告知当事人拟作出的处罚内容及陈述、申辩、听证权利，依照裁量基准作出处罚决定。",
    ),
    (
        ResponsibilityStage.DELIVERY,
        "在七日内依法送达行政处罚决定书，并在七个工作日内公开处罚信息。",
    ),
    (ResponsibilityStage.EXECUTION, "督促当事人履行处罚决定，逾期不履行的依法强制执行。"),
    (ResponsibilityStage.SUPERVISION, "对整改情况进行跟踪回访，防止违法行为反复发生。"),
]

# (department, kind, name, exercising unit, legal basis) of the powers not derived from pages.
TABLE = [
    (
        GOV_OFFICE,
        PowerKind.OTHER,
        "政府信息公开申请办理",
        "政务公开科",
        "《中华人民共和国政府信息公开条例》第二十七条、第三十三条",
    ),
    (
        GOV_OFFICE,
        PowerKind.INSPECTION,
        "对各部门政务公开工作的监督检查",
        "政务公开科",
        "《中华人民共和国政府信息公开条例》第四十七条",
    ),
    (
        GOV_OFFICE,
        PowerKind.REWARD,
        "对机关效能建设先进单位的表彰",
        "督查科",
        "《中华人民共和国公务员法》第五十二条",
    ),
    (
        DEVELOPMENT,
        PowerKind.LICENSING,
        "企业投资项目核准",
        "投资科",
        "《企业投资项目核准和备案管理条例》第三条、第九条",
    ),
    (
        DEVELOPMENT,
        PowerKind.INSPECTION,
        "对政府定价的经营服务性收费的监督检查",
        "价格收费科",
        "《中华人民共和国价格法》第三十三条",
    ),
    (
        DEVELOPMENT,
        PowerKind.PENALTY,
        "对企业以欺骗手段取得项目核准的处罚",
        "投资科",
        "《企业投资项目核准和备案管理条例》第十九条",
    ),
    (
        DEVELOPMENT,
        PowerKind.CONFIRMATION,
        "固定资产投资项目节能审查",
        "能源科",
        "《中华人民共和国节约能源法》第十五条",
    ),
    (
        MARKET,
        PowerKind.COERCION,
        "查封、扣押不符合食品安全标准的食品",
        "食品安全监管科",
        "《中华人民共和国食品安全法》第一百一十条第（四）项",
    ),
    (
        MARKET,
        PowerKind.INSPECTION,
        "食品生产经营日常监督检查",
        "食品安全监管科",
        "《中华人民共和国食品安全法》第一百一十条；《食品生产经营监督检查管理办法》第四条",
    ),
    (
        MARKET,
        PowerKind.REWARD,
        "对食品安全违法行为举报人的奖励",
        "食品安全监管科",
        "《中华人民共和国食品安全法》第一百一十五条",
    ),
    (
        NATURAL_RESOURCES,
        PowerKind.LICENSING,
        "乡村建设规划许可证核发",
        "村镇规划科",
        "《中华人民共和国城乡规划法》第四十一条",
    ),
    (
        NATURAL_RESOURCES,
        PowerKind.ADJUDICATION,
        "土地权属争议处理",
        "确权登记科",
        "《中华人民共和国土地管理法》第十四条",
    ),
    (
        NATURAL_RESOURCES,
        PowerKind.PENALTY,
        "对非法占用土地的处罚",
        "执法监察大队",
        "《中华人民共和国土地管理法》第七十七条；《中华人民共和国土地管理法实施条例》第五十七条",
    ),
    (
        HOUSING,
        PowerKind.LICENSING,
        "建筑工程施工许可证核发",
        "建筑业管理科",
        "《中华人民共和国建筑法》第七条、第八条",
    ),
    (
        HOUSING,
        PowerKind.PENALTY,
        "对未取得施工许可擅自施工的处罚",
        "建筑业管理科",
        "《中华人民共和国建筑法》第六十四条；《建设工程质量管理条例》第五十七条",
    ),
    (
        HOUSING,
        PowerKind.LEVY,
        "城市基础设施配套费征收",
        "城建科",
        "《示例省城市基础设施配套费征收管理办法》第五条",
    ),
    (
        HUMAN_RESOURCES,
        PowerKind.BENEFIT,
        "失业保险金发放",
        "就业服务中心",
        "《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十四条",
    ),
    (
        HUMAN_RESOURCES,
        PowerKind.CONFIRMATION,
        "工伤认定",
        "工伤保险科",
        "《工伤保险条例》第十四条、第十七条",
    ),
    (
        HUMAN_RESOURCES,
        PowerKind.ADJUDICATION,
        "劳动人事争议仲裁",
        "劳动人事争议仲裁院",
        "《中华人民共和国劳动争议调解仲裁法》第五条、第十七条",
    ),
    (
        MEDICAL_SECURITY,
        PowerKind.BENEFIT,
        "基本医疗保险待遇支付",
        "待遇保障科",
        "《中华人民共和国社会保险法》第二十八条",
    ),
    (
        MEDICAL_SECURITY,
        PowerKind.INSPECTION,
        "定点医药机构医疗保障基金使用监督检查",
        "基金监管科",
        "《医疗保障基金使用监督管理条例》第二十二条、第二十七条",
    ),
    (
        MEDICAL_SECURITY,
        PowerKind.PENALTY,
        "对定点医药机构骗取医疗保障基金的处罚",
        "基金监管科",
        "《医疗保障基金使用监督管理条例》第四十条",
    ),
    (
        CIVIL_AFFAIRS,
        PowerKind.BENEFIT,
        "特困人员救助供养",
        "社会救助科",
        "《社会救助暂行办法》第十四条、第十五条",
    ),
    (
        CIVIL_AFFAIRS,
        PowerKind.CONFIRMATION,
        "婚姻登记",
        "婚姻登记处",
        "《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条",
    ),
    (
        CIVIL_AFFAIRS,
        PowerKind.ADJUDICATION,
        "行政区域界线争议调处",
        "区划地名科",
        "《行政区域边界争议处理条例》第四条",
    ),
    (
        POLICE,
        PowerKind.LICENSING,
        "大型群众性活动安全许可",
        "治安管理大队",
        "《大型群众性活动安全管理条例》第十一条、第十二条",
    ),
    (
        POLICE,
        PowerKind.PENALTY,
        "对违反治安管理行为的处罚",
        "治安管理大队",
        "《中华人民共和国治安管理处罚法》第十条、第九十一条",
    ),
    (
        POLICE,
        PowerKind.COERCION,
        "扣留机动车",
        "交通警察大队",
        "《中华人民共和国道路交通安全法》第九十五条、第九十六条",
    ),
    (
        POLICE,
        PowerKind.CONFIRMATION,
        "户口登记",
        "户政管理科",
        "《中华人民共和国户口登记条例》第三条",
    ),
    (
        TRANSPORT,
        PowerKind.LICENSING,
        "公路超限运输许可",
        "公路管理段",
        "《公路安全保护条例》第三十五条、第三十六条",
    ),
    (
        TRANSPORT,
        PowerKind.PENALTY,
        "对未取得道路运输经营许可擅自从事货运经营的处罚",
        "交通运输执法大队",
        "《中华人民共和国道路运输条例》第六十三条",
    ),
    (
        TRANSPORT,
        PowerKind.COERCION,
        "暂扣无道路运输证的车辆",
        "交通运输执法大队",
        "《中华人民共和国道路运输条例》第六十八条",
    ),
    (
        HEALTH,
        PowerKind.LICENSING,
        "医疗机构设置审批",
        "医政医管科",
        "《医疗机构管理条例》第九条、第十一条",
    ),
    (
        HEALTH,
        PowerKind.PENALTY,
        "对未取得医疗机构执业许可证擅自执业的处罚",
        "卫生健康监督所",
        "《中华人民共和国基本医疗卫生与健康促进法》第九十九条",
    ),
    (
        HEALTH,
        PowerKind.INSPECTION,
        "公共场所卫生监督检查",
        "卫生健康监督所",
        "《公共场所卫生管理条例》第十条",
    ),
    (
        ENFORCEMENT,
        PowerKind.COERCION,
        "强制拆除违法建筑",
        "执法一中队",
        "《中华人民共和国城乡规划法》第六十八条；《中华人民共和国行政强制法》第四十四条",
    ),
    (
        ENFORCEMENT,
        PowerKind.INSPECTION,
        "城市市容和环境卫生监督检查",
        "执法二中队",
        "《城市市容和环境卫生管理条例》第五条",
    ),
    (
        SERVICE_OFFICE,
        PowerKind.OTHER,
        "政务服务“好差评”差评整改督办",
        "督查考核科",
        "《优化营商环境条例》第三十六条；《国务院办公厅关于建立政务服务“好差评”制度的意见》",
    ),
    (
        SERVICE_OFFICE,
        PowerKind.INSPECTION,
        "对进驻窗口办件时限的监督检查",
        "督查考核科",
        "《优化营商环境条例》第三十七条",
    ),
    (
        SERVICE_OFFICE,
        PowerKind.OTHER,
        "公共资源交易活动的见证",
        "公共资源交易中心",
        "《示例省公共资源交易管理办法》第八条",
    ),
]

# Codes of table items the list has adjusted or cancelled: (kind, date, document, before, after).
ADJUSTED = {
    "QR-02-001": (
        PowerStatus.ADJUSTED,
        datetime.date(2026, 6, 1),
        "示政发〔2026〕8号",
        "实施机构：能源科；审查时限 20 个工作日",
        "实施机构：行政审批服务科；审查时限压减为 10 个工作日",
    ),
    "QT-13-003": (
        PowerStatus.CANCELLED,
        datetime.date(2026, 9, 15),
        "示政发〔2026〕21号",
        "公共资源交易活动由县政务服务管理办公室现场见证",
        "取消现场见证，改为交易全过程电子化留痕，由行业主管部门依法监管",
    ),
    "CJ-08-001": (
        PowerStatus.CANCELLED,
        datetime.date(2026, 5, 10),
        "示政发〔2026〕12号",
        "行政区域界线争议由县民政局调处",
        "依据行政区划调整，县内界线争议调处职责划入县人民政府，由县民政局承办",
    ),
}


def load(home):
    """Create and publish /powers/ and the 示例县 power list; items that exist are left alone."""
    index = _index(home)
    departments = {d.code: d for d in Department.objects.filter(code__in=DEPARTMENT_CODES)}
    existing = set(PowerItemPage.objects.values_list("code", flat=True))
    counters = {}
    for spec in _specs():
        key = (spec["kind"], spec["department"])
        counters[key] = counters.get(key, 0) + 1
        code = f"{PREFIXES[spec['kind']]}-{spec['department'][-2:]}-{counters[key]:03d}"
        if code not in existing:
            _item(index, code, spec, departments)


def _index(home):
    index = PowerIndexPage.objects.first()
    if index is None:
        index = PowerIndexPageFactory(parent=home, live=False, introduction=INTRODUCTION)
        index = publish(index)
    return index


def _specs():
    """Every demo item in a stable order, so that codes are the same on every run."""
    procedures = {
        page.slug: page
        for page in ServiceProcedurePage.objects.filter(
            slug__in=[data["slug"] for data in PROCEDURES]
        )
    }
    for data in PROCEDURES:
        page = procedures.get(data["slug"])
        if page is None:
            continue
        yield {
            "department": data["department"],
            "kind": PROCEDURE_KINDS[data["item_type"]],
            "name": data["title"],
            "unit": "行政审批服务科",
            "basis": "\n".join(line.split("：")[0] for line in data["legal_basis"]),
            "procedure": page,
        }
    standards = {
        page.slug: page
        for page in PenaltyDiscretionPage.objects.filter(
            slug__in=[data["slug"] for data in PENALTY_STANDARDS]
        )
    }
    for data in PENALTY_STANDARDS:
        page = standards.get(data["slug"])
        if page is None:
            continue
        for _name, offence in data["offences"]:
            yield {
                "department": data["department"],
                "kind": PowerKind.PENALTY,
                "name": f"对{offence['name']}的处罚",
                "unit": "执法大队",
                "basis": "\n".join(
                    [
                        offence["violated_clause"].split("：")[0],
                        offence["penalty_clause"].split("：")[0],
                    ]
                ),
                "standard": page,
            }
    for department, kind, name, unit, basis in TABLE:
        yield {"department": department, "kind": kind, "name": name, "unit": unit, "basis": basis}


def _item(index, code, spec, departments):
    kind = spec["kind"]
    department = departments[spec["department"]]
    adjustment = ADJUSTED.get(code)
    page = PowerItemPage(
        title=spec["name"],
        slug=code.lower(),
        summary=f"{department.name}{spec['name']}（{kind.label}）的实施依据、责任事项和追责情形。",
        issuing_department=department,
        topic=TOPICS[spec["department"]],
        date_written=DATE_WRITTEN,
        keywords=f"权责清单,{kind.label}",
        code=code,
        kind=kind,
        exercising_unit=spec["unit"],
        legal_basis=spec["basis"],
        supervision_phone=SUPERVISION_PHONE,
        status=adjustment[0] if adjustment else PowerStatus.IN_FORCE,
        penalty_standard=spec.get("standard"),
        live=False,
    )
    index.add_child(instance=page)
    stages = PENALTY_RESPONSIBILITIES if kind == PowerKind.PENALTY else RESPONSIBILITIES
    PowerResponsibility.objects.bulk_create(
        PowerResponsibility(page=page, sort_order=n, stage=stage, content=content)
        for n, (stage, content) in enumerate(stages)
    )
    triggers = ACCOUNTABILITY.get(kind, DEFAULT_ACCOUNTABILITY)
    AccountabilityTrigger.objects.bulk_create(
        AccountabilityTrigger(page=page, sort_order=n, situation=situation, basis=basis)
        for n, (situation, basis) in enumerate(triggers)
    )
    if adjustment:
        status, day, document, before, after = adjustment
        _validated(
            PowerAdjustment(
                page=page,
                sort_order=0,
                kind=status,
                date=day,
                document=document,
                before=before,
                after=after,
            )
        )
    if "procedure" in spec:
        page.procedures.set([spec["procedure"]])
    _publish(page)
