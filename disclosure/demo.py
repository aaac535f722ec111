"""Demo content of the disclosure app: the 示例县 catalogue with its service procedures, fee
schedules, penalty discretion standards and policy documents.

`load(home)` is called by `manage.py load_demo` after the kernel's demo has created the
departments. It is idempotent: pages are looked up by slug under the catalogue, fee items by name
within their schedule, documents by title, and what exists is left as an editor may have changed
it. Every page is validated as an editor's save would be (model, row and block rules) and then
published through a revision, so index numbers and publication dates are stamped as in production.

Content is Simplified Chinese and follows national law; where a figure is set by the province,
the fictional 示例省 (abbreviated 示, as in the site's record numbers) supplies it.
"""

import datetime
import textwrap
from decimal import Decimal
from io import BytesIO
from typing import NamedTuple

from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from portal.models import Department

from .factories import (
    ApplicationMaterialFactory,
    DisclosureIndexPageFactory,
    FeeItemFactory,
    FeeSchedulePageFactory,
    PenaltyDiscretionPageFactory,
    PolicyDocumentPageFactory,
    ProcedureStepFactory,
    ServiceProcedurePageFactory,
    publish,
)
from .models import (
    ApplicationMaterial,
    DisclosureAttachment,
    DisclosureIndexPage,
    DocumentKind,
    FeeItem,
    ServiceItemType,
    StandardKind,
    Topic,
    Validity,
)

date = datetime.date

# Department codes of the kernel's demo (portal/demo.py DEPARTMENTS).
GOV_OFFICE = "11331001"  # 县人民政府办公室
DEVELOPMENT = "11331002"  # 县发展和改革局
MARKET = "11331003"  # 县市场监督管理局
NATURAL_RESOURCES = "11331004"  # 县自然资源和规划局
HOUSING = "11331005"  # 县住房和城乡建设局
HUMAN_RESOURCES = "11331006"  # 县人力资源和社会保障局
MEDICAL_SECURITY = "11331007"  # 县医疗保障局
CIVIL_AFFAIRS = "11331008"  # 县民政局
POLICE = "11331009"  # 县公安局
TRANSPORT = "11331010"  # 县交通运输局
HEALTH = "11331011"  # 县卫生健康局
ENFORCEMENT = "11331012"  # 县综合行政执法局
SERVICE_OFFICE = "11331013"  # 县政务服务管理办公室
DEPARTMENT_CODES = [
    GOV_OFFICE,
    DEVELOPMENT,
    MARKET,
    NATURAL_RESOURCES,
    HOUSING,
    HUMAN_RESOURCES,
    MEDICAL_SECURITY,
    CIVIL_AFFAIRS,
    POLICE,
    TRANSPORT,
    HEALTH,
    ENFORCEMENT,
    SERVICE_OFFICE,
]

IMMEDIATE = "即办"
SUPERVISION_PHONE = "12345"
CENTRE = "示例县政务服务中心（城关镇人民路 88 号）"
WEEKDAYS = "周一至周五 8:30-12:00，14:00-17:30（法定节假日除外）"
WEEKDAYS_AND_SATURDAY = (
    "周一至周五 8:30-12:00，14:00-17:30；周六 9:00-12:00 延时服务（法定节假日除外）"
)
ONLINE = "https://zwfw.example.gov.cn/item/"


# -- small helpers that keep the content below readable ------------------------------------------


def _rich(text):
    """Rich text from a readable source. Blocks are separated by blank lines: `## ` and `### `
    start headings, `- ` lines make a bulleted list, anything else is a paragraph. Source lines
    of one paragraph or list item are joined without a space, as Chinese needs none."""
    html = []
    for block in textwrap.dedent(text).strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        if lines[0].startswith("### "):
            html.append(f"<h3>{escape(''.join(lines)[4:])}</h3>")
        elif lines[0].startswith("## "):
            html.append(f"<h2>{escape(''.join(lines)[3:])}</h2>")
        elif lines[0].startswith("- "):
            items = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:])
                else:
                    items[-1] += line
            html.append(_list(items))
        else:
            html.append(f"<p>{escape(''.join(lines))}</p>")
    return "".join(html)


def _list(items, ordered=False):
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"


class Material(NamedTuple):
    """One row of a procedure's application materials."""

    name: str
    form: str
    copies: int = 1
    required: bool = True
    notes: str = ""
    template: str = ""  # key of DOCUMENTS: the blank form offered for download


class Step(NamedTuple):
    """One step of a procedure: name, responsible post, time limit, what happens."""

    name: str
    post: str
    time_limit: str
    description: str


def _decimal(value):
    return None if value is None else Decimal(str(value))


ORIGINAL = ApplicationMaterial.Form.ORIGINAL
COPY = ApplicationMaterial.Form.COPY
BOTH = ApplicationMaterial.Form.BOTH
ELECTRONIC = ApplicationMaterial.Form.ELECTRONIC


def _fee(name, department, *, basis, since, amount=None, up_to=None, unit="", formula="", **rest):
    """One fee item: a fixed amount, a range (`amount` to `up_to`) or a formula in words."""
    if formula:
        kind = StandardKind.FORMULA
    elif up_to is not None:
        kind = StandardKind.RANGE
    else:
        kind = StandardKind.FIXED
    return {
        "name": name,
        "department": department,
        "standard_kind": kind,
        "amount": _decimal(amount),
        "amount_max": _decimal(up_to),
        "unit": unit,
        "formula": formula,
        "legal_basis": basis[0],
        "legal_basis_number": basis[1],
        "valid_from": since,
        "approval_number": rest.pop("approval", ""),
        "valid_to": rest.pop("until", None),
        "exemptions": rest.pop("exemptions", ""),
        "notes": rest.pop("notes", ""),
        **rest,
    }


def _offence(name, violated, penalty_clause, maximum, *tiers):
    return (
        "offence",
        {
            "name": name,
            "violated_clause": violated,
            "penalty_clause": penalty_clause,
            "legal_maximum": _decimal(maximum),
            "tiers": list(tiers),
        },
    )


def _tier(level, circumstances, kind, penalty, low=None, high=None):
    return {
        "level": level,
        "circumstances": circumstances,
        "penalty_kind": kind,
        "fine_min": _decimal(low),
        "fine_max": _decimal(high),
        "penalty": penalty,
    }


def _exemption(name, clause, conditions):
    return ("exemption", {"name": name, "clause": clause, "conditions": conditions})


# -- documents (Wagtail document library): blank forms and attachments ----------------------------

DOCUMENTS = {
    "public_rental_form": (
        "示例县公共租赁住房申请表",
        "gongzufang-shenqingbiao.txt",
        textwrap.dedent(
            """\
            示例县公共租赁住房申请表

            申请类型：□ 城镇中低收入住房困难家庭  □ 新就业无房职工  □ 外来务工人员
            申请编号（由受理窗口填写）：__________

            一、申请人基本情况
            姓名：__________  性别：____  出生日期：__________
            公民身份号码：______________________  联系电话：______________
            户籍地址：__________________________________________
            现居住地址：________________________________________
            工作单位：__________________  月收入（元）：__________

            二、共同申请家庭成员
            序号  姓名  与申请人关系  公民身份号码  工作单位  月收入（元）
            1
            2
            3

            三、家庭住房情况
            □ 本县无自有住房  □ 人均住房建筑面积低于 15 平方米（现有住房 ____ 平方米）
            现租住房屋地址及面积：______________________________

            四、申请人承诺
            本人及共同申请家庭成员承诺以上填报内容及提交的材料真实、完整，
            同意县住房和城乡建设局会同民政、自然资源、公安等部门核查家庭收入、
            财产、住房和车辆情况。如有隐瞒或虚报，自愿承担取消资格、
            退回已享受保障等责任。

            申请人（签字）：__________  共同申请人（签字）：__________
            日期：____年__月__日

            五、受理及审核意见（由受理窗口和县住房和城乡建设局填写）
            受理人：__________  受理日期：__________
            审核意见：________________________________________
            """
        ),
    ),
    "subsistence_form": (
        "最低生活保障申请书（样表）",
        "dibao-shenqingshu.txt",
        textwrap.dedent(
            """\
            最低生活保障申请书

            ________乡镇人民政府（街道办事处）：

            本人__________，公民身份号码______________________，
            户籍地址________________________________，
            家庭共同生活成员____人。

            家庭成员情况：
            序号  姓名  与申请人关系  年龄  健康状况  就业状况  月收入（元）
            1
            2
            3
            4

            申请理由（家庭困难原因，如疾病、残疾、失业、缺乏劳动能力等）：
            ________________________________________________
            ________________________________________________

            家庭财产情况：住房____套____平方米；机动车____辆；
            存款及其他金融资产约________元。

            本人承诺：以上所填内容真实，家庭成员均已签署家庭经济状况核对授权书。
            如有隐瞒收入、财产或提供虚假材料，愿意退回已领取的最低生活保障金，
            并依法承担相应责任。家庭人口、收入、财产状况发生变化时，
            本人将及时告知乡镇人民政府（街道办事处）。

            申请人（签字或按手印）：__________
            代为申请的村（居）民委员会（盖章）：__________
            日期：____年__月__日
            """
        ),
    ),
    "efficiency_scoring": (
        "示例县机关效能建设月度考核评分细则",
        "xiaoneng-yuedu-kaohe-xize.csv",
        "\ufeff"
        + textwrap.dedent(
            """\
            考核项目,分值,评分标准,数据来源
            窗口服务,25,按时办结率每低于 100% 一个百分点扣 0.5 分；无故空岗每次扣 1 分,县政务服务办
            投诉办理,20,投诉逾期受理、逾期答复每件扣 2 分；经核查属实的有效投诉每件扣 3 分,县效能办
            明查暗访,20,发现“门难进、脸难看、事难办”等问题每起扣 2 分，被通报的扣 4 分,县效能办
            政务公开,10,应公开未公开的每项扣 1 分；办事指南要素不全的每项扣 0.5 分,县政府办公室
            执法规范,15,未按裁量基准处罚或未报备的每件扣 2 分；被复议撤销的每件扣 3 分,县司法局
            文风会风,10,超计划发文、召开会议每次扣 1 分；以文件落实文件的每件扣 1 分,县政府办公室
            一票否决,—,因效能问题造成严重不良影响的，当月考核等次直接定为“较差”,县效能办
            """
        ),
    ),
}

CATALOGUE_INTRODUCTION = _rich(
    """
    本目录依照《中华人民共和国政府信息公开条例》编制，集中发布示例县人民政府及其工作部门
    主动公开的政府信息。每条信息都有唯一的索引号，并标明发布机构、文号、成文日期、
    发布日期、主题分类和有效性。

    - 办事指南：事项的设定依据、受理条件、申请材料、办理流程、时限、收费和办理地点。
    - 收费目录：行政事业性收费和政府定价的经营服务性收费项目、标准及依据。
    - 行政处罚裁量基准：违法行为的裁量档次、首违不罚和轻微免罚清单。
    - 政策文件：政策文件、通知公告、规划计划、工作报告和政策解读。

    未主动公开的政府信息，可以依法向有关行政机关提出政府信息公开申请。
    对政府信息公开工作有意见或建议的，请拨打 12345 政务服务便民热线。
    """
)


# -- fee schedules (收费目录) ----------------------------------------------------------------------

REAL_ESTATE_FEES = (
    "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》",
    "发改价格规〔2016〕2559号",
)
SMALL_BUSINESS_EXEMPTION = (
    "小微企业（含个体工商户）免收（财税〔2016〕79号）；申请办理查封登记、注销登记、"
    "因不动产登记机构错误导致的更正登记免收"
)
TRAFFIC_FEES = (
    "《国家发展改革委 财政部关于公安交通管理收费标准及有关问题的通知》",
    "发改价格〔2004〕2831号",
)
ID_CARD_FEES = (
    "《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》",
    "发改价格〔2003〕2322号",
)
SEWAGE_FEES = (
    "《财政部 国家发展改革委 住房城乡建设部关于印发〈污水处理费征收使用管理办法〉的通知》",
    "财税〔2014〕151号",
)
WASTE_FEES = (
    "《国家计委 财政部 建设部 国家环保总局关于实行城市生活垃圾处理收费制度"
    "促进垃圾处理产业化的通知》",
    "计价格〔2002〕872号",
)
ROAD_FEES = ("《城市道路管理条例》第三十七条", "国务院令第198号")
WATER_PRICE = ("《城镇供水价格管理办法》", "国家发展改革委 住房城乡建设部令第46号")
GAS_PRICE = (
    "《国家发展改革委关于建立健全居民生活用气阶梯价格制度的指导意见》",
    "发改价格〔2014〕467号",
)
PARKING_PRICE = (
    "《国家发展改革委关于进一步完善机动车停放服务收费政策的指导意见》",
    "发改价格〔2015〕2975号",
)
FUNERAL_PRICE = (
    "《国家发展改革委 民政部关于进一步加强殡葬服务收费管理有关问题的指导意见》",
    "发改价格〔2012〕673号",
)
LOW_INCOME_FUNERAL = (
    "城乡最低生活保障对象、特困人员、重点优抚对象和无名遗体免除基本殡葬服务费用，"
    "由县殡葬惠民补助资金承担"
)

ADMINISTRATIVE_FEES = [
    _fee(
        "不动产登记费（住宅类）",
        NATURAL_RESOURCES,
        amount=80,
        unit="件",
        basis=REAL_ESTATE_FEES,
        since=date(2017, 1, 1),
        exemptions=SMALL_BUSINESS_EXEMPTION,
        notes="住宅类指规划用途为住宅的房屋及其建设用地使用权；含第一本不动产权属证书工本费",
    ),
    _fee(
        "不动产登记费（非住宅类）",
        NATURAL_RESOURCES,
        amount=550,
        unit="件",
        basis=REAL_ESTATE_FEES,
        since=date(2017, 1, 1),
        exemptions=SMALL_BUSINESS_EXEMPTION,
        notes="适用于商业、办公、工业等非住宅房屋和单独申请的建设用地使用权登记",
    ),
    _fee(
        "不动产权属证书工本费",
        NATURAL_RESOURCES,
        amount=10,
        unit="本",
        basis=REAL_ESTATE_FEES,
        since=date(2017, 1, 1),
        notes="核发一本证书不另收费；向一个以上权利人核发证书的，每增加一本加收 10 元",
    ),
    _fee(
        "土地闲置费",
        NATURAL_RESOURCES,
        formula="闲置满一年未动工开发的，按土地出让或者划拨价款的 20% 征缴",
        basis=("《闲置土地处置办法》第十四条", "国土资源部令第53号"),
        since=date(2012, 7, 1),
        exemptions="因政府或者政府有关部门的行为造成土地闲置的不征缴",
        notes="土地闲置费不得列入生产成本",
    ),
    _fee(
        "居民身份证工本费（换领、补领）",
        POLICE,
        amount=20,
        unit="证",
        basis=ID_CARD_FEES,
        since=date(2004, 1, 1),
        exemptions="公民首次申领免收；城市最低生活保障对象和农村特困群众换领免收",
    ),
    _fee(
        "临时居民身份证工本费",
        POLICE,
        amount=10,
        unit="证",
        basis=ID_CARD_FEES,
        since=date(2004, 1, 1),
    ),
    _fee(
        "机动车号牌工本费（汽车）",
        POLICE,
        amount=100,
        unit="副",
        basis=TRAFFIC_FEES,
        since=date(2005, 1, 1),
        notes="含号牌专用固封装置；补领单面号牌减半收取",
    ),
    _fee(
        "机动车号牌工本费（摩托车）",
        POLICE,
        amount=35,
        unit="副",
        basis=TRAFFIC_FEES,
        since=date(2005, 1, 1),
    ),
    _fee(
        "临时机动车号牌工本费",
        POLICE,
        amount=5,
        unit="张",
        basis=TRAFFIC_FEES,
        since=date(2005, 1, 1),
        notes="通过“交管12123”申领电子临时号牌的不收费",
    ),
    _fee(
        "机动车行驶证工本费",
        POLICE,
        amount=10,
        unit="本",
        basis=TRAFFIC_FEES,
        since=date(2005, 1, 1),
    ),
    _fee(
        "机动车驾驶证工本费",
        POLICE,
        amount=10,
        unit="本",
        basis=TRAFFIC_FEES,
        since=date(2005, 1, 1),
        notes="初次申领、期满换证、补证均按本收取；申领电子驾驶证不收费",
    ),
    _fee(
        "污水处理费（居民生活）",
        HOUSING,
        amount="0.95",
        unit="立方米",
        basis=SEWAGE_FEES,
        approval="示发改价〔2024〕12号",
        since=date(2024, 7, 1),
        exemptions="城乡最低生活保障家庭每户每月减免 5 立方米用水量对应的污水处理费",
        notes="按用水量计征，由县供水公司随自来水费一并收取，全额缴入县级国库",
    ),
    _fee(
        "污水处理费（非居民）",
        HOUSING,
        amount="1.40",
        unit="立方米",
        basis=SEWAGE_FEES,
        approval="示发改价〔2024〕12号",
        since=date(2024, 7, 1),
        notes="自备水源用户按实际取水量计征",
    ),
    _fee(
        "城市生活垃圾处理费（居民）",
        ENFORCEMENT,
        amount=8,
        unit="户·月",
        basis=WASTE_FEES,
        approval="示发改价〔2023〕21号",
        since=date(2023, 10, 1),
        exemptions="城乡最低生活保障家庭、特困供养人员免收",
        notes="县城规划区内按户按月计收，由县环境卫生管理所委托供水公司随水费代收",
    ),
    _fee(
        "城市生活垃圾处理费（非居民）",
        ENFORCEMENT,
        formula="按用水量每立方米 0.50 元随水征收；无法按用水量计收的，按实际产生量每吨 95 元计收",
        basis=WASTE_FEES,
        approval="示发改价〔2023〕21号",
        since=date(2023, 10, 1),
        notes="餐厨垃圾另按收运协议计收",
    ),
    _fee(
        "城市道路占用费",
        ENFORCEMENT,
        formula=(
            "按占用面积和天数计收：主干道每平方米每日 1.50 元，次干道和支路每平方米每日 1.00 元"
        ),
        basis=ROAD_FEES,
        approval="示发改价〔2024〕5号",
        since=date(2024, 3, 1),
        until=date(2028, 12, 31),
        exemptions="因抢险救灾临时占用城市道路的免收",
        notes="占用期限最长不超过 1 年；经批准设置的便民报刊亭减半收取",
    ),
    _fee(
        "城市道路挖掘修复费",
        HOUSING,
        formula=(
            "按挖掘面积和路面结构计收：沥青混凝土路面每平方米 420 元，"
            "水泥混凝土路面每平方米 380 元，人行道每平方米 160 元"
        ),
        basis=ROAD_FEES,
        approval="示发改价〔2024〕5号",
        since=date(2024, 3, 1),
        notes="由挖掘单位自行修复并经验收合格的，不再收取",
    ),
    _fee(
        "防空地下室易地建设费",
        HOUSING,
        formula="按应建防空地下室的建筑面积计收，每平方米 1200 元",
        basis=(
            "《中华人民共和国人民防空法》第二十二条；《关于规范防空地下室易地建设收费的规定》",
            "计价格〔2000〕474号",
        ),
        approval="示发改价〔2022〕9号",
        since=date(2022, 5, 1),
        exemptions="廉租住房、公共租赁住房等保障性住房和学校、医院、养老机构等公益性项目减半收取",
        notes="应建防空地下室因地质、地形等原因不能修建的，经批准易地建设后缴纳",
    ),
    _fee(
        "专业技术人员职业资格考试考务费",
        HUMAN_RESOURCES,
        amount=50,
        up_to=80,
        unit="人·科",
        basis=(
            "《国家发展改革委 财政部关于改革全国性职业资格考试收费标准管理方式的通知》",
            "发改价格〔2015〕1217号",
        ),
        approval="示发改价费〔2023〕3号",
        since=date(2023, 3, 1),
        exemptions="城乡最低生活保障家庭成员、持证残疾人报考的免收",
        notes="各科目具体标准以当次考试公告为准，由县人事考试中心收取",
    ),
]

SERVICE_PRICES = [
    _fee(
        "居民生活用水价格（阶梯）",
        HOUSING,
        formula=(
            "第一阶梯（年用水量 216 立方米以内）2.10 元/立方米；第二阶梯（217–300 立方米）"
            "3.15 元/立方米；第三阶梯（300 立方米以上）6.30 元/立方米"
        ),
        basis=WATER_PRICE,
        approval="示发改价〔2024〕11号",
        since=date(2024, 7, 1),
        exemptions="户籍人口 5 人及以上的家庭，每增加 1 人各阶梯水量基数增加 43 立方米",
        notes="不含污水处理费和城市生活垃圾处理费；由县供水有限公司收取",
    ),
    _fee(
        "非居民用水价格",
        HOUSING,
        amount="3.20",
        unit="立方米",
        basis=WATER_PRICE,
        approval="示发改价〔2024〕11号",
        since=date(2024, 7, 1),
        notes="适用于工业、经营服务和行政事业单位用水",
    ),
    _fee(
        "特种用水价格",
        HOUSING,
        amount="12.00",
        unit="立方米",
        basis=WATER_PRICE,
        approval="示发改价〔2024〕11号",
        since=date(2024, 7, 1),
        notes="适用于洗车、洗浴、桑拿和纯净水生产等用水",
    ),
    _fee(
        "居民生活用管道天然气价格（阶梯）",
        HOUSING,
        formula=(
            "第一档（年用气量 360 立方米以内）2.95 元/立方米；第二档（361–600 立方米）"
            "3.54 元/立方米；第三档（600 立方米以上）4.43 元/立方米"
        ),
        basis=GAS_PRICE,
        approval="示发改价〔2025〕19号",
        since=date(2025, 11, 1),
        exemptions="城乡最低生活保障家庭每户每年增加第一档气量 60 立方米",
        notes="由县天然气有限公司收取；执行居民气价的学校、养老机构按第一档价格结算",
    ),
    _fee(
        "非居民用管道天然气价格",
        HOUSING,
        amount="3.85",
        unit="立方米",
        basis=GAS_PRICE,
        approval="示发改价〔2025〕19号",
        since=date(2025, 11, 1),
        notes="实行上下游价格联动，调整时另行公布",
    ),
    _fee(
        "机动车停放服务收费（公共停车场·小型车）",
        ENFORCEMENT,
        formula="首 30 分钟内免费；1 小时内 3 元；超过 1 小时每小时加收 1 元；24 小时内最高 20 元",
        basis=PARKING_PRICE,
        approval="示发改价〔2025〕7号",
        since=date(2025, 5, 1),
        exemptions=(
            "执行任务的军车、警车、消防车、救护车、工程抢险车免费；新能源小型汽车首 2 小时免费"
        ),
        notes="由县城市停车管理有限公司收取，须在入口处公示收费标准和监督电话",
    ),
    _fee(
        "机动车停放服务收费（公共停车场·大型车）",
        ENFORCEMENT,
        formula="首 30 分钟内免费；1 小时内 6 元；超过 1 小时每小时加收 2 元；24 小时内最高 40 元",
        basis=PARKING_PRICE,
        approval="示发改价〔2025〕7号",
        since=date(2025, 5, 1),
        exemptions="执行任务的特种车辆免费",
    ),
    _fee(
        "道路临时停车泊位收费",
        ENFORCEMENT,
        amount=1,
        up_to=2,
        unit="半小时",
        basis=PARKING_PRICE,
        approval="示发改价〔2025〕7号",
        since=date(2025, 5, 1),
        exemptions="首 15 分钟免费；20:00 至次日 8:00 和法定节假日免费",
        notes="人民路、解放路等一类路段每半小时 2 元，其他路段每半小时 1 元",
    ),
    _fee(
        "殡葬基本服务收费·遗体接运",
        CIVIL_AFFAIRS,
        amount=200,
        unit="次",
        basis=FUNERAL_PRICE,
        approval="示发改价〔2022〕15号",
        since=date(2022, 7, 1),
        exemptions=LOW_INCOME_FUNERAL,
        notes="接运里程 20 公里以内；由县殡仪馆收取",
    ),
    _fee(
        "殡葬基本服务收费·遗体火化",
        CIVIL_AFFAIRS,
        amount=350,
        unit="具",
        basis=FUNERAL_PRICE,
        approval="示发改价〔2022〕15号",
        since=date(2022, 7, 1),
        exemptions="本县户籍居民火化费由县殡葬惠民补助全额承担；" + LOW_INCOME_FUNERAL,
        notes="平板式火化炉",
    ),
    _fee(
        "殡葬基本服务收费·遗体冷藏",
        CIVIL_AFFAIRS,
        amount=60,
        unit="具·天",
        basis=FUNERAL_PRICE,
        approval="示发改价〔2022〕15号",
        since=date(2022, 7, 1),
        exemptions=LOW_INCOME_FUNERAL,
    ),
    _fee(
        "骨灰寄存费",
        CIVIL_AFFAIRS,
        amount=30,
        up_to=80,
        unit="格·年",
        basis=FUNERAL_PRICE,
        approval="示发改价〔2022〕15号",
        since=date(2022, 7, 1),
        exemptions="城乡最低生活保障对象、特困人员寄存 3 年内免收",
        notes="按寄存格位位置分档",
    ),
]

FEE_SCHEDULES = [
    {
        "slug": "xingzheng-shiyexing-shoufei-mulu-2026",
        "title": "示例县行政事业性收费目录清单（2026年）",
        "department": DEVELOPMENT,
        "document_number": "示发改价〔2026〕3号",
        "topic": Topic.FINANCE,
        "date_written": date(2026, 1, 20),
        "keywords": "行政事业性收费, 收费目录清单, 收费标准, 不动产登记费, 工本费",
        "summary": (
            "本县现行有效的行政事业性收费项目、收费单位、收费标准及依据。"
            "目录清单之外的行政事业性收费一律不得收取。"
        ),
        "introduction": _rich(
            """
            根据国家和省行政事业性收费目录清单，县发展和改革局会同县财政局对本县行政事业性
            收费项目进行了全面梳理，现予公布。本目录清单自 2026 年 2 月 1 日起执行，
            《示例县行政事业性收费目录清单（2025年）》同时停止执行。

            - 目录清单之外的行政事业性收费，一律不得收取。
            - 收费单位应当在收费场所显著位置公示收费项目、标准、依据和减免政策。
            - 对小微企业、个体工商户和生活困难群众的减免政策必须落实到位。

            发现违规收费的，请拨打 12345 政务服务便民热线或 12315 投诉举报。
            """
        ),
        "items": ADMINISTRATIVE_FEES,
    },
    {
        "slug": "zhengfu-dingjia-shoufei-mulu-2026",
        "title": "示例县政府定价的经营服务性收费和公用事业价格目录（2026年）",
        "department": DEVELOPMENT,
        "document_number": "示发改价〔2026〕4号",
        "topic": Topic.FINANCE,
        "date_written": date(2026, 1, 20),
        "keywords": "政府定价, 经营服务性收费, 水价, 气价, 停车收费, 殡葬服务",
        "summary": (
            "实行政府定价的供水、供气、公共停车和殡葬基本服务的价格和收费标准，"
            "以及阶梯价格的计算方法和减免政策。"
        ),
        "introduction": _rich(
            """
            本目录列明由县人民政府价格主管部门定价的经营服务性收费和公用事业价格。
            收费由提供服务的企业或事业单位收取，表中“收费单位”为其行业主管部门，
            实际收费主体见备注。

            居民生活用水和管道天然气实行阶梯价格，按户年度用量分档计费。
            调整价格前，县发展和改革局将依法组织成本监审并召开价格听证会。
            """
        ),
        "items": SERVICE_PRICES,
    },
]


# -- penalty discretion standards (行政处罚裁量基准) -----------------------------------------------

FOOD_LAW = "《中华人民共和国食品安全法》"
PENALTY_LAW_MINOR = "《中华人民共和国行政处罚法》第三十三条第一款"
CITY_APPEARANCE = "《城市市容和环境卫生管理条例》"
PROVINCIAL_APPEARANCE = "《示例省城市市容和环境卫生管理条例》"
SOLID_WASTE_LAW = "《中华人民共和国固体废物污染环境防治法》"

MARKET_OFFENCES = [
    _offence(
        "未将营业执照置于住所或者主要经营场所醒目位置",
        "《中华人民共和国市场主体登记管理条例》第三十六条：市场主体应当将营业执照置于住所"
        "或者主要经营场所的醒目位置。",
        "《中华人民共和国市场主体登记管理条例》第四十八条：未依照本条例将营业执照置于住所"
        "或者主要经营场所醒目位置的，由登记机关责令改正；拒不改正的，处3万元以下的罚款。",
        30000,
        _tier(
            "none",
            "初次被发现，或者经责令改正后在规定期限内改正的",
            "none",
            "不予行政处罚，责令改正，并进行亮照经营提醒教育",
        ),
        _tier(
            "lenient",
            "拒不改正，但在立案调查期间主动改正，且为个体工商户或者从业人员 10 人以下的",
            "fine",
            "处 1000 元以上 5000 元以下罚款",
            1000,
            5000,
        ),
        _tier(
            "general",
            "拒不改正，立案调查期间仍未改正的",
            "fine",
            "处 5000 元以上 15000 元以下罚款",
            5000,
            15000,
        ),
        _tier(
            "severe",
            "拒不改正，且两年内因同一违法行为受过行政处罚，或者以隐匿营业执照等方式逃避检查的",
            "fine",
            "处 15000 元以上 3 万元以下罚款",
            15000,
            30000,
        ),
    ),
    _offence(
        "未取得食品经营许可从事食品经营活动（货值金额不足一万元）",
        f"{FOOD_LAW}第三十五条第一款：国家对食品生产经营实行许可制度。从事食品生产、"
        "食品销售、餐饮服务，应当依法取得许可。",
        f"{FOOD_LAW}第一百二十二条第一款：未取得食品生产经营许可从事食品生产经营活动的，"
        "没收违法所得和违法生产经营的食品以及用于违法生产经营的工具、设备、原料等物品；"
        "货值金额不足一万元的，并处五万元以上十万元以下罚款。",
        100000,
        _tier(
            "mitigated",
            "已提交许可申请并在审查期间经营，违法经营时间不超过 15 日、货值金额 2000 元以下，"
            "主动停止经营，未造成危害后果，符合《中华人民共和国行政处罚法》第三十二条规定的",
            "fine",
            "没收违法所得和违法经营的食品，减轻处罚，处 1 万元以上 5 万元以下罚款",
            10000,
            50000,
        ),
        _tier(
            "lenient",
            "货值金额 3000 元以下，主动停止经营并如实说明情况、配合调查的",
            "fine",
            "没收违法所得和违法经营的食品、工具、设备，并处 5 万元以上 6.5 万元以下罚款",
            50000,
            65000,
        ),
        _tier(
            "general",
            "货值金额 3000 元以上不足 1 万元，或者违法经营时间 1 个月以上的",
            "fine",
            "没收违法所得和违法经营的食品、工具、设备，并处 6.5 万元以上 8.5 万元以下罚款",
            65000,
            85000,
        ),
        _tier(
            "severe",
            "被责令停止后继续经营，在学校、托幼机构、养老机构内或者周边经营，或者造成食源性疾病的",
            "fine",
            "没收违法所得和违法经营的食品、工具、设备，并处 8.5 万元以上 10 万元以下罚款",
            85000,
            100000,
        ),
    ),
    _offence(
        "经营超过保质期的食品",
        f"{FOOD_LAW}第三十四条第（十）项：禁止生产经营标注虚假生产日期、保质期"
        "或者超过保质期的食品、食品添加剂。",
        f"{FOOD_LAW}第一百二十四条第一款第（五）项：没收违法所得和违法生产经营的食品；"
        "货值金额不足一万元的，并处五万元以上十万元以下罚款；情节严重的，吊销许可证。",
        100000,
        _tier(
            "none",
            "首次被发现，超过保质期的食品数量极少、货值金额 50 元以下，尚未售出，"
            "当场下架销毁，没有造成危害后果的",
            "none",
            f"依照{PENALTY_LAW_MINOR}不予行政处罚，责令改正并督促落实临期食品检查制度",
        ),
        _tier(
            "mitigated",
            "货值金额 500 元以下，主动下架召回、如实说明进货来源，未造成危害后果的",
            "fine",
            "没收违法所得和超过保质期的食品，减轻处罚，处 5000 元以上 5 万元以下罚款",
            5000,
            50000,
        ),
        _tier(
            "lenient",
            "货值金额 500 元以上 2000 元以下，配合调查的",
            "fine",
            "没收违法所得和超过保质期的食品，并处 5 万元以上 6.5 万元以下罚款",
            50000,
            65000,
        ),
        _tier(
            "general",
            "货值金额 2000 元以上不足 1 万元的",
            "fine",
            "没收违法所得和超过保质期的食品，并处 6.5 万元以上 8.5 万元以下罚款",
            65000,
            85000,
        ),
        _tier(
            "severe",
            "涉及婴幼儿配方食品等专供特定人群的食品，篡改生产日期或者保质期，或者造成人身伤害的",
            "fine",
            "没收违法所得和超过保质期的食品，并处 8.5 万元以上 10 万元以下罚款；"
            "情节严重的，吊销食品经营许可证",
            85000,
            100000,
        ),
    ),
    _offence(
        "利用虚假的或者使人误解的价格手段诱骗消费者交易（没有违法所得）",
        "《中华人民共和国价格法》第十四条第（四）项：经营者不得利用虚假的或者使人误解的"
        "价格手段，诱骗消费者或者其他经营者与其进行交易。",
        "《中华人民共和国价格法》第四十条第一款；《价格违法行为行政处罚规定》第七条："
        "没有违法所得的，处5万元以上50万元以下的罚款；情节严重的，责令停业整顿，"
        "或者吊销营业执照。",
        500000,
        _tier(
            "none",
            "首次发生，价格标示错误等情节轻微并及时改正，没有造成消费者损失的",
            "none",
            f"依照{PENALTY_LAW_MINOR}不予行政处罚，责令改正",
        ),
        _tier(
            "mitigated",
            "主动退还消费者差价、消除影响，涉及商品或者服务价值 1000 元以下的",
            "fine",
            "减轻处罚，处 1 万元以上 5 万元以下罚款",
            10000,
            50000,
        ),
        _tier(
            "lenient",
            "涉及商品或者服务 10 种以下，持续时间不超过 7 日的",
            "fine",
            "处 5 万元以上 15 万元以下罚款",
            50000,
            150000,
        ),
        _tier(
            "general",
            "涉及商品或者服务 10 种以上，或者持续时间超过 7 日的",
            "fine",
            "处 15 万元以上 35 万元以下罚款",
            150000,
            350000,
        ),
        _tier(
            "severe",
            "在重大节假日、促销活动或者突发事件期间实施，以老年人为主要对象，"
            "或者造成恶劣社会影响的",
            "fine",
            "处 35 万元以上 50 万元以下罚款；情节严重的，责令停业整顿或者吊销营业执照",
            350000,
            500000,
        ),
    ),
    _offence(
        "不按规定明码标价",
        "《中华人民共和国价格法》第十三条第一款：经营者销售、收购商品和提供服务，"
        "应当按照政府价格主管部门的规定明码标价。",
        "《中华人民共和国价格法》第四十二条：经营者违反明码标价规定的，责令改正，"
        "没收违法所得，可以并处五千元以下的罚款。",
        5000,
        _tier(
            "none",
            "首次被发现，未造成危害后果，并在责令改正期限内改正的",
            "none",
            "不予行政处罚，责令改正",
        ),
        _tier(
            "lenient",
            "未标价商品或者服务占比 20% 以下，经责令后及时改正的",
            "fine",
            "没收违法所得，并处 200 元以上 1500 元以下罚款",
            200,
            1500,
        ),
        _tier(
            "general",
            "未标价商品或者服务占比 20% 以上 50% 以下，或者标价内容不全的",
            "fine",
            "没收违法所得，并处 1500 元以上 3500 元以下罚款",
            1500,
            3500,
        ),
        _tier(
            "severe",
            "未标价商品或者服务占比 50% 以上，或者两年内因同一违法行为受过处罚的",
            "fine",
            "没收违法所得，并处 3500 元以上 5000 元以下罚款",
            3500,
            5000,
        ),
    ),
]

MARKET_FIRST_OFFENCES = [
    _exemption(
        "未将营业执照置于住所或者主要经营场所醒目位置",
        "《中华人民共和国市场主体登记管理条例》第三十六条、第四十八条",
        "首次被发现，经责令改正后在规定期限内改正的",
    ),
    _exemption(
        "不按规定明码标价",
        "《中华人民共和国价格法》第十三条、第四十二条",
        "首次被发现，没有造成危害后果，并在责令改正期限内改正的",
    ),
    _exemption(
        "发布的广告中使用“国家级”“最高级”“最佳”等用语",
        "《中华人民共和国广告法》第九条第（三）项、第五十七条",
        "首次违法，广告发布时间不超过 7 日、传播范围小，社会影响轻微，并在责令改正期限内改正的",
    ),
]

MARKET_MINOR_OFFENCES = [
    _exemption(
        "食品标签存在不影响食品安全且不会对消费者造成误导的瑕疵",
        f"{FOOD_LAW}第一百二十五条第二款",
        "经责令改正后及时改正的，不予处罚；拒不改正的，处二千元以下罚款",
    ),
    _exemption(
        "经营超过保质期的食品，数量极少且尚未售出",
        f"{FOOD_LAW}第三十四条；{PENALTY_LAW_MINOR}",
        "首次被发现，货值金额 50 元以下，当场下架销毁，没有造成危害后果的",
    ),
    _exemption(
        "商品价格标示错误",
        f"《中华人民共和国价格法》第十四条；{PENALTY_LAW_MINOR}",
        "首次发生，按较低价格结算或者主动退还差价，没有造成消费者损失的",
    ),
]

ENFORCEMENT_OFFENCES = [
    _offence(
        "未经批准擅自设置大型户外广告",
        f"{CITY_APPEARANCE}第十一条：大型户外广告的设置必须征得城市人民政府市容环境卫生"
        "行政主管部门同意后，按照有关规定办理审批手续。",
        f"{CITY_APPEARANCE}第三十六条第（一）项：责令停止违法行为，限期清理、拆除或者"
        f"采取其他补救措施，并可处以罚款；罚款幅度依照{PROVINCIAL_APPEARANCE}第四十二条，"
        "处一千元以上一万元以下罚款。",
        10000,
        _tier(
            "none",
            "首次被发现，设施面积 2 平方米以下，在责令期限内自行拆除的",
            "none",
            "不予行政处罚，责令限期拆除",
        ),
        _tier(
            "lenient",
            "设施面积 10 平方米以下，在责令期限内自行拆除的",
            "fine",
            "责令拆除，处 1000 元以上 3000 元以下罚款",
            1000,
            3000,
        ),
        _tier(
            "general",
            "设施面积 10 平方米以上 50 平方米以下，或者逾期 10 日内拆除的",
            "fine",
            "责令拆除，处 3000 元以上 7000 元以下罚款",
            3000,
            7000,
        ),
        _tier(
            "severe",
            "设施面积 50 平方米以上，设置在主干道、广场或者历史文化街区，存在安全隐患，"
            "或者拒不拆除的",
            "fine",
            "责令拆除，处 7000 元以上 1 万元以下罚款；拒不拆除的依法强制拆除",
            7000,
            10000,
        ),
    ),
    _offence(
        "工程施工单位擅自倾倒、抛撒或者堆放建筑垃圾",
        f"{SOLID_WASTE_LAW}第六十三条：工程施工单位不得擅自倾倒、抛撒或者堆放工程施工"
        "过程中产生的建筑垃圾。",
        f"{SOLID_WASTE_LAW}第一百一十一条第一款第（四）项、第二款：责令改正，"
        "处十万元以上一百万元以下的罚款，没收违法所得；情节严重的，"
        "可以报经有批准权的人民政府批准，责令停业或者关闭。",
        1000000,
        _tier(
            "mitigated",
            "倾倒量 5 立方米以下，当日主动清运并恢复原状，符合《中华人民共和国行政处罚法》"
            "第三十二条规定的",
            "fine",
            "减轻处罚，处 2 万元以上 10 万元以下罚款",
            20000,
            100000,
        ),
        _tier(
            "lenient",
            "倾倒量 5 立方米以上 50 立方米以下，在责令期限内清理完毕的",
            "fine",
            "处 10 万元以上 30 万元以下罚款",
            100000,
            300000,
        ),
        _tier(
            "general",
            "倾倒量 50 立方米以上 200 立方米以下，或者倾倒在农田、林地的",
            "fine",
            "处 30 万元以上 70 万元以下罚款",
            300000,
            700000,
        ),
        _tier(
            "severe",
            "倾倒量 200 立方米以上，倾倒在河道、饮用水水源保护区，拒不清理，或者一年内再次实施的",
            "fine",
            "处 70 万元以上 100 万元以下罚款；情节严重的，报请责令停业或者关闭",
            700000,
            1000000,
        ),
    ),
    _offence(
        "擅自占用街道两侧和公共场地经营、堆放物料（占道经营）",
        f"{CITY_APPEARANCE}第十四条：任何单位和个人都不得在街道两侧和公共场地堆放物料，"
        "搭建建筑物、构筑物或者其他设施。",
        f"{CITY_APPEARANCE}第三十六条第（二）项；{PROVINCIAL_APPEARANCE}第四十三条："
        "责令限期改正，处五十元以上五千元以下罚款。",
        5000,
        _tier(
            "none",
            "首次被发现，经劝导当即自行改正的",
            "none",
            "不予行政处罚，进行劝导教育",
        ),
        _tier(
            "lenient",
            "流动摊贩占用面积 2 平方米以下，经责令后改正的",
            "fine",
            "处 50 元以上 200 元以下罚款",
            50,
            200,
        ),
        _tier(
            "general",
            "占用面积 2 平方米以上 10 平方米以下，或者临街店铺超出门窗外墙经营的",
            "fine",
            "处 200 元以上 2000 元以下罚款",
            200,
            2000,
        ),
        _tier(
            "severe",
            "占用面积 10 平方米以上，占用盲道、消防通道，妨碍交通，或者拒不改正的",
            "fine",
            "处 2000 元以上 5000 元以下罚款，依法暂扣经营工具",
            2000,
            5000,
        ),
    ),
    _offence(
        "个人随意倾倒、抛撒、堆放或者焚烧生活垃圾",
        f"{SOLID_WASTE_LAW}第四十九条：任何单位和个人都应当依法在指定的地点分类投放"
        "生活垃圾。禁止随意倾倒、抛撒、堆放或者焚烧生活垃圾。",
        f"{SOLID_WASTE_LAW}第一百一十一条第一款第（一）项、第二款：个人有该项行为的，"
        "处一百元以上五百元以下的罚款。",
        500,
        _tier(
            "none",
            "首次被发现，数量较少，当场清理的",
            "none",
            "不予行政处罚，进行宣传教育",
        ),
        _tier(
            "lenient",
            "经劝阻后及时清理，数量较少的",
            "fine",
            "处 100 元以上 200 元以下罚款",
            100,
            200,
        ),
        _tier(
            "general",
            "经劝阻后仍不清理，或者数量较大的",
            "fine",
            "处 200 元以上 350 元以下罚款",
            200,
            350,
        ),
        _tier(
            "severe",
            "焚烧生活垃圾，倾倒在河道、水源地，或者一年内再次实施的",
            "fine",
            "处 350 元以上 500 元以下罚款",
            350,
            500,
        ),
    ),
    _offence(
        "施工工地未采取有效防尘降尘措施",
        "《中华人民共和国大气污染防治法》第六十九条第三款：施工单位应当在施工工地设置硬质"
        "围挡，并采取覆盖、分段作业、择时施工、洒水抑尘、冲洗地面和车辆等有效防尘降尘措施。",
        "《中华人民共和国大气污染防治法》第一百一十五条第一款第（一）项：责令改正，"
        "处一万元以上十万元以下的罚款；拒不改正的，责令停工整治。",
        100000,
        _tier(
            "lenient",
            "局部裸土未覆盖或者围挡局部破损，面积较小，接到通知后立即整改的",
            "fine",
            "处 1 万元以上 3 万元以下罚款",
            10000,
            30000,
        ),
        _tier(
            "general",
            "未设置车辆冲洗设施，或者裸土覆盖、洒水抑尘措施普遍未落实的",
            "fine",
            "处 3 万元以上 7 万元以下罚款",
            30000,
            70000,
        ),
        _tier(
            "severe",
            "在重污染天气预警期间违反规定，拒不整改，或者一年内被查处两次以上的",
            "fine",
            "处 7 万元以上 10 万元以下罚款；拒不改正的，责令停工整治",
            70000,
            100000,
        ),
    ),
]

ENFORCEMENT_FIRST_OFFENCES = [
    _exemption(
        "擅自占用街道两侧和公共场地经营",
        f"{CITY_APPEARANCE}第十四条、第三十六条",
        "首次被发现，经劝导当即自行改正的",
    ),
    _exemption(
        "户外广告设施破损、污浊未及时维修",
        f"{CITY_APPEARANCE}第十一条",
        "首次被发现，在责令期限内维修或者拆除，没有造成安全事故的",
    ),
    _exemption(
        "未经批准擅自设置小型户外广告",
        f"{CITY_APPEARANCE}第十一条、第三十六条",
        "首次被发现，设施面积 2 平方米以下，在责令期限内自行拆除的",
    ),
]

ENFORCEMENT_MINOR_OFFENCES = [
    _exemption(
        "个人随意丢弃少量生活垃圾",
        f"{SOLID_WASTE_LAW}第四十九条；{PENALTY_LAW_MINOR}",
        "数量较少，当场清理，没有造成危害后果的",
    ),
    _exemption(
        "施工工地围挡局部破损或者裸土覆盖不到位",
        f"《中华人民共和国大气污染防治法》第六十九条；{PENALTY_LAW_MINOR}",
        "面积较小，接到通知后 2 小时内整改完毕，没有造成扬尘污染的",
    ),
]

PENALTY_STANDARDS = [
    {
        "slug": "shichang-jianguan-chufa-cailiang-jizhun",
        "title": "示例县市场监督管理局行政处罚裁量基准（登记、食品安全、价格）",
        "department": MARKET,
        "document_number": "示市监发〔2025〕31号",
        "topic": Topic.MARKET,
        "date_written": date(2025, 9, 5),
        "keywords": "行政处罚, 裁量基准, 食品安全, 明码标价, 价格欺诈, 首违不罚",
        "summary": (
            "市场主体登记、食品经营和价格领域常见违法行为的裁量档次，以及首违不罚、轻微免罚清单。"
        ),
        "introduction": _rich(
            """
            本基准依据《中华人民共和国行政处罚法》和《市场监管总局关于规范市场监督管理
            行政处罚裁量权的指导意见》制定，适用于县市场监督管理局及其市场监管所实施的
            行政处罚。

            - 每项违法行为按违法情节和危害后果划分为三至五个档次，每档明确适用情形和处罚标准。
            - 符合首违不罚、轻微免罚清单情形的，不予行政处罚，但应当责令改正并进行教育。
            - 同一档次内，综合考虑违法所得、货值金额和改正情况确定具体罚款数额。
            - 作出处罚决定时，应当在决定书中写明适用的档次和理由。
            """
        ),
        "offences": MARKET_OFFENCES,
        "first": MARKET_FIRST_OFFENCES,
        "minor": MARKET_MINOR_OFFENCES,
    },
    {
        "slug": "zonghe-zhifa-chufa-cailiang-jizhun",
        "title": "示例县综合行政执法局行政处罚裁量基准（市容环卫、建筑垃圾、扬尘）",
        "department": ENFORCEMENT,
        "document_number": "示综执发〔2026〕5号",
        "topic": Topic.CONSTRUCTION,
        "date_written": date(2026, 4, 10),
        "keywords": "综合行政执法, 裁量基准, 户外广告, 建筑垃圾, 占道经营, 扬尘",
        "summary": (
            "户外广告、建筑垃圾、占道经营、生活垃圾和施工扬尘等违法行为的裁量档次，"
            "以及首违不罚、轻微免罚清单。"
        ),
        "introduction": _rich(
            """
            本基准适用于县综合行政执法局及各乡镇综合行政执法队。罚款数额在法定幅度内，
            按“从轻档取下限至下三分之一、一般档取中间、从重档取上三分之一至上限”的原则确定。

            能够当场改正的，责令当场改正；不能当场改正的，责令限期改正。
            推行“首违不罚、轻微免罚”，坚持处罚与教育相结合，杜绝以罚代管。
            """
        ),
        "offences": ENFORCEMENT_OFFENCES,
        "first": ENFORCEMENT_FIRST_OFFENCES,
        "minor": ENFORCEMENT_MINOR_OFFENCES,
    },
]


# -- service procedures (办事指南) -----------------------------------------------------------------

REAL_ESTATE_FEE_NAMES = [
    "不动产登记费（住宅类）",
    "不动产登记费（非住宅类）",
    "不动产权属证书工本费",
]

PROCEDURES = [
    {
        "slug": "getihu-sheli-dengji",
        "title": "个体工商户设立登记",
        "department": MARKET,
        "topic": Topic.MARKET,
        "date_written": date(2025, 3, 12),
        "keywords": "个体工商户, 设立登记, 营业执照, 全程网办",
        "summary": "在本县从事个体经营的公民申请个体工商户设立登记、领取营业执照，可全程网上办理。",
        "item_type": ServiceItemType.LICENSING,
        "legal_basis": [
            "《中华人民共和国市场主体登记管理条例》第三条：市场主体应当依照本条例办理登记。"
            "未经登记，不得以市场主体名义从事经营活动。",
            "《中华人民共和国市场主体登记管理条例》第十九条：登记机关对申请材料齐全、"
            "符合法定形式的予以确认并当场登记；不能当场登记的，应当在 3 个工作日内予以登记。",
            "《中华人民共和国市场主体登记管理条例实施细则》（国家市场监督管理总局令第52号）"
            "关于个体工商户登记的规定。",
        ],
        "conditions": [
            "申请人为有经营能力的自然人；以家庭成员共同经营的，以主持经营者为经营者。",
            "有固定的经营场所，经营场所不属于违法建筑，符合安全、环保等要求。",
            "经营范围不属于法律、行政法规禁止的项目；属于许可经营项目的，"
            "取得营业执照后凭许可证件开展经营。",
            "使用名称的，名称符合个体工商户名称登记管理的规定。",
        ],
        "materials": [
            Material(
                "个体工商户登记（备案）申请书",
                ORIGINAL,
                notes="网上办理时在线填写并电子签名；窗口提供空白申请书",
            ),
            Material(
                "经营者身份证件",
                BOTH,
                notes="现场核验居民身份证原件、留存复印件；网上办理通过人脸识别核验",
            ),
            Material(
                "经营场所使用证明",
                COPY,
                notes="自有房屋提交不动产权证书；租赁房屋提交租赁合同和出租方产权证明",
            ),
            Material(
                "家庭成员关系证明",
                COPY,
                required=False,
                notes="以家庭经营形式登记的，提交户口簿或者结婚证",
            ),
            Material(
                "委托代理人的委托书及身份证件",
                BOTH,
                required=False,
                notes="委托他人代办时提交",
            ),
        ],
        "steps": [
            Step(
                "受理",
                "商事登记窗口",
                IMMEDIATE,
                "核对申请材料，材料齐全、符合法定形式的当场受理；"
                "材料不全的，一次性告知需要补正的全部内容。",
            ),
            Step(
                "审核登记",
                "登记审核岗",
                IMMEDIATE,
                "对申请材料进行形式审查，符合条件的当场登记；情形复杂不能当场登记的，"
                "在 3 个工作日内登记。",
            ),
            Step(
                "发照",
                "商事登记窗口",
                IMMEDIATE,
                "当场核发营业执照正、副本，同步生成电子营业执照；也可选择免费邮寄。",
            ),
        ],
        "statutory": 3,
        "promised": IMMEDIATE,
        "fees": [],
        "location": f"{CENTRE}一楼 A 区商事登记窗口（3–6 号）；各乡镇便民服务中心可代收代办",
        "hours": WEEKDAYS,
        "online_url": ONLINE + "gtgsh-sldj",
        "visits": 0,
        "phone": "0571-86020301",
    },
    {
        "slug": "shipin-jingying-xuke",
        "title": "食品经营许可（新办）",
        "department": MARKET,
        "topic": Topic.MARKET,
        "date_written": date(2025, 4, 2),
        "keywords": "食品经营许可, 餐饮服务, 食品销售, 告知承诺",
        "summary": (
            "从事食品销售、餐饮服务的经营者申请食品经营许可证；仅销售预包装食品的办理备案即可。"
        ),
        "item_type": ServiceItemType.LICENSING,
        "legal_basis": [
            f"{FOOD_LAW}第三十五条第一款：国家对食品生产经营实行许可制度。从事食品生产、"
            "食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，"
            "不需要取得许可。",
            "《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）"
            "关于许可申请、受理、审查、决定和发证的规定。",
        ],
        "conditions": [
            "已取得营业执照或者其他主体资格证明文件。",
            "具有与经营的食品品种、数量相适应的食品原料处理和加工、销售、贮存等场所，"
            "并与有毒、有害场所以及其他污染源保持规定的距离。",
            "具有相应的消毒、更衣、洗手、采光、照明、通风、冷冻冷藏、防尘、防蝇、防鼠、"
            "防虫、洗涤以及处理废水、存放垃圾和废弃物的设备或者设施。",
            "配备食品安全管理人员，建立保证食品安全的规章制度。",
            "设备布局和工艺流程合理，防止待加工食品与直接入口食品、原料与成品交叉污染。",
        ],
        "materials": [
            Material("食品经营许可申请书", ORIGINAL, notes="网上申请时在线填报"),
            Material(
                "营业执照或者其他主体资格证明文件",
                COPY,
                notes="已通过部门数据共享获取的，免于提交",
            ),
            Material(
                "经营场所平面布局图、设备布局图和操作流程",
                ORIGINAL,
                notes="餐饮服务须标明加工操作区域和设备位置",
            ),
            Material("保证食品安全的规章制度目录清单", ORIGINAL),
            Material(
                "食品安全管理人员名单及从业人员健康证明",
                COPY,
                notes="从事接触直接入口食品工作的人员须持有效健康证明",
            ),
            Material("委托书及受托人身份证件", BOTH, required=False, notes="委托他人办理时提交"),
        ],
        "steps": [
            Step(
                "受理",
                "市场监管窗口",
                IMMEDIATE,
                "材料齐全、符合法定形式的当场受理并出具受理通知书。",
            ),
            Step(
                "审查与现场核查",
                "食品许可审查岗",
                "3 个工作日",
                "审查申请材料；需要现场核查的，由 2 名以上核查人员到经营场所核查。"
                "选择告知承诺方式的，先发证后核查。",
            ),
            Step(
                "作出决定",
                "许可科负责人",
                "1 个工作日",
                "作出准予或者不予许可的决定；不予许可的，书面说明理由，"
                "并告知申请行政复议或者提起行政诉讼的权利。",
            ),
            Step(
                "发证",
                "市场监管窗口",
                IMMEDIATE,
                "核发食品经营许可证，电子证书与纸质证书同等有效。",
            ),
        ],
        "statutory": 10,
        "promised": 5,
        "fees": [],
        "location": f"{CENTRE}一楼 A 区市场监管窗口（7–8 号）",
        "hours": WEEKDAYS,
        "online_url": ONLINE + "spjy-xk",
        "visits": 1,
        "phone": "0571-86020302",
    },
    {
        "slug": "jianshe-gongcheng-guihua-xuke",
        "title": "建设工程规划许可证核发",
        "department": NATURAL_RESOURCES,
        "topic": Topic.CONSTRUCTION,
        "date_written": date(2025, 6, 18),
        "keywords": "建设工程规划许可证, 工程建设项目审批, 并联审批, 城乡规划",
        "summary": (
            "在县城和镇规划区内进行建筑物、构筑物、道路、管线等工程建设的，申请建设工程规划许可证。"
        ),
        "item_type": ServiceItemType.LICENSING,
        "legal_basis": [
            "《中华人民共和国城乡规划法》第四十条第一款：在城市、镇规划区内进行建筑物、构筑物、"
            "道路、管线和其他工程建设的，建设单位或者个人应当向城市、县人民政府城乡规划主管部门"
            "申请办理建设工程规划许可证。",
            "《中华人民共和国城乡规划法》第四十条第二款：申请办理建设工程规划许可证，应当提交"
            "使用土地的有关证明文件、建设工程设计方案等材料。",
            "《国务院办公厅关于全面开展工程建设项目审批"
            "制度改革的实施意见》（国办发〔2019〕11号）。",
        ],
        "conditions": [
            "建设项目位于县城或者镇规划区内，已依法取得国有建设用地使用权。",
            "建设工程设计方案符合控制性详细规划和规划条件确定的用地性质、容积率、"
            "建筑密度、绿地率、建筑高度等指标。",
            "规划条件要求编制修建性详细规划的，修建性详细规划已经审定。",
            "设计方案已按规定进行批前公示，公示期满无异议或者异议已经处理。",
        ],
        "materials": [
            Material("建设工程规划许可证申请表", ORIGINAL),
            Material(
                "使用土地的有关证明文件",
                COPY,
                notes="不动产权证书、国有建设用地使用权出让合同或者划拨决定书",
            ),
            Material(
                "建设工程设计方案（总平面图、各层平面图、立面图、剖面图）",
                ORIGINAL,
                copies=2,
                notes="加盖设计单位出图章，并提交 CAD 电子文件",
            ),
            Material(
                "经审定的修建性详细规划", ORIGINAL, required=False, notes="规划条件要求编制的提交"
            ),
            Material("批前公示情况说明", ORIGINAL),
            Material("授权委托书及受托人身份证件", BOTH, required=False, notes="委托代理时提交"),
        ],
        "steps": [
            Step(
                "一窗受理",
                "工程建设项目审批综合窗口",
                IMMEDIATE,
                "统一收取材料，同时推送县住房和城乡建设局、县交通运输局并联审查。",
            ),
            Step(
                "方案审查",
                "规划审查岗",
                "5 个工作日",
                "审查设计方案的各项规划指标；并联部门在同一时限内出具审查意见。",
            ),
            Step(
                "审批决定", "局分管负责人", "2 个工作日", "综合各方意见作出准予或者不予许可的决定。"
            ),
            Step(
                "发证公开",
                "工程建设项目审批综合窗口",
                "1 个工作日",
                "核发建设工程规划许可证，并在县政府门户网站公开许可结果。",
            ),
        ],
        "statutory": 20,
        "promised": 8,
        "fees": [],
        "parallel": [HOUSING, TRANSPORT],
        "location": f"{CENTRE}二楼 D 区工程建设项目审批综合窗口（32–35 号）",
        "hours": WEEKDAYS,
        "online_url": ONLINE + "jsgc-ghxk",
        "visits": 1,
        "phone": "0571-86020401",
    },
    {
        "slug": "budongchan-shouci-dengji",
        "title": "不动产首次登记（国有建设用地使用权及房屋所有权）",
        "department": NATURAL_RESOURCES,
        "topic": Topic.LAND,
        "date_written": date(2025, 5, 8),
        "keywords": "不动产登记, 首次登记, 房屋所有权, 不动产权证书",
        "summary": "新建房屋竣工验收后，建设单位申请国有建设用地使用权及房屋所有权首次登记。",
        "item_type": ServiceItemType.CONFIRMATION,
        "legal_basis": [
            "《中华人民共和国民法典》第二百零九条第一款：不动产物权的设立、变更、转让和消灭，"
            "经依法登记，发生效力；未经登记，不发生效力，但是法律另有规定的除外。",
            "《不动产登记暂行条例》第二十条：不动产登记机构应当自受理登记申请之日起"
            " 30 个工作日内办结不动产登记手续，法律另有规定的除外。",
            "《不动产登记暂行条例实施细则》（国土资源部令第63号）关于房屋所有权首次登记的规定。",
        ],
        "conditions": [
            "房屋已竣工并通过规划核实和竣工验收，所在宗地的国有建设用地使用权已经登记。",
            "申请人为房屋的合法建造人，权属来源清楚、界址清晰、面积准确。",
            "不动产未被依法查封，不存在权属争议。",
        ],
        "materials": [
            Material("不动产登记申请书", ORIGINAL),
            Material(
                "申请人身份证明",
                COPY,
                notes="营业执照和法定代表人身份证明；委托办理的另附授权委托书",
            ),
            Material("不动产权证书（国有建设用地使用权）", ORIGINAL),
            Material("建设工程规划核实确认书", COPY),
            Material("竣工验收备案证明", COPY),
            Material("房产测绘成果报告", ORIGINAL),
            Material(
                "建筑区划内业主共有的道路、绿地、物业服务用房等材料",
                ORIGINAL,
                required=False,
                notes="建筑物区分所有的提交",
            ),
        ],
        "steps": [
            Step("受理", "不动产登记综合受理窗口", IMMEDIATE, "查验身份和材料，当场出具受理凭证。"),
            Step("审核", "登记审核岗", "3 个工作日", "查验权属来源和测绘成果，必要时实地查看。"),
            Step("登簿", "登簿岗", "1 个工作日", "将登记事项记载于不动产登记簿。"),
            Step(
                "缮证发证",
                "发证窗口",
                "1 个工作日",
                "缮制不动产权证书；可选择免费邮寄或自助机领取。",
            ),
        ],
        "statutory": 30,
        "promised": 5,
        "fees": REAL_ESTATE_FEE_NAMES,
        "location": f"{CENTRE}一楼 B 区不动产登记窗口（9–18 号）",
        "hours": WEEKDAYS_AND_SATURDAY,
        "online_url": ONLINE + "bdc-scdj",
        "visits": 1,
        "phone": "0571-86020402",
    },
    {
        "slug": "budongchan-zhuanyi-dengji",
        "title": "不动产转移登记（存量房买卖）",
        "department": NATURAL_RESOURCES,
        "topic": Topic.LAND,
        "date_written": date(2025, 5, 8),
        "keywords": "不动产登记, 转移登记, 二手房, 一窗受理, 带押过户",
        "summary": (
            "买卖存量房（二手房）的双方申请房屋所有权转移登记；"
            "交易、缴税、登记“一窗受理”，1 个工作日办结。"
        ),
        "item_type": ServiceItemType.CONFIRMATION,
        "legal_basis": [
            "《中华人民共和国民法典》第二百一十四条：不动产物权的设立、变更、转让和消灭，"
            "依照法律规定应当登记的，自记载于不动产登记簿时发生效力。",
            "《不动产登记暂行条例》第十四条：因买卖、设定抵押权等申请不动产登记的，"
            "应当由当事人双方共同申请。",
            "《不动产登记暂行条例》第二十条：不动产登记机构应当自受理登记申请之日起"
            " 30 个工作日内办结不动产登记手续。",
        ],
        "conditions": [
            "买卖双方已签订存量房买卖合同并完成网签备案。",
            "房屋已办理不动产登记，未被查封、无异议登记；设有抵押的，已注销抵押或者抵押权人"
            "同意转让（可办理“带押过户”）。",
            "已按规定缴纳相关税费。",
            "买卖双方共同申请，或者委托代理人申请。",
        ],
        "materials": [
            Material("不动产登记申请书", ORIGINAL),
            Material(
                "买卖双方身份证明",
                BOTH,
                notes="居民身份证；未成年人另附户口簿和监护人身份证明",
            ),
            Material("不动产权证书", ORIGINAL, notes="原证书由登记机构收回"),
            Material("存量房买卖合同（网签合同）", ORIGINAL),
            Material(
                "完税凭证",
                ELECTRONIC,
                notes="通过部门数据共享获取，申请人无需提交纸质凭证",
            ),
            Material("婚姻状况证明", COPY, required=False, notes="需要确定房屋共有人时提交"),
            Material(
                "抵押权人同意转让的书面材料",
                ORIGINAL,
                required=False,
                notes="房屋设有抵押且未注销的提交",
            ),
        ],
        "steps": [
            Step(
                "一窗受理",
                "不动产登记综合受理窗口",
                IMMEDIATE,
                "交易、税务、登记材料一次收取，买卖双方现场签字确认，信息同步推送各环节。",
            ),
            Step(
                "核税缴税",
                "税务窗口",
                IMMEDIATE,
                "税务部门核定税额，申请人通过扫码或者银行卡缴纳。",
            ),
            Step("审核登簿", "登记审核岗", "1 个工作日", "审核通过后记载于不动产登记簿。"),
            Step("发证", "发证窗口", IMMEDIATE, "核发不动产权证书，可选择免费邮寄送达。"),
        ],
        "statutory": 30,
        "promised": 1,
        "fees": REAL_ESTATE_FEE_NAMES,
        "parallel": [HOUSING],
        "location": f"{CENTRE}一楼 B 区不动产登记窗口（9–18 号）",
        "hours": WEEKDAYS_AND_SATURDAY,
        "online_url": ONLINE + "bdc-zydj",
        "visits": 1,
        "phone": "0571-86020402",
    },
    {
        "slug": "shehui-baozhangka-shenling",
        "title": "社会保障卡申领",
        "department": HUMAN_RESOURCES,
        "topic": Topic.LABOUR,
        "date_written": date(2025, 2, 24),
        "keywords": "社会保障卡, 社保卡, 即时制卡, 电子社保卡",
        "summary": (
            "参保人员和本县城乡居民申领第三代社会保障卡；窗口即时制卡，也可网上申领邮寄到家。"
        ),
        "item_type": ServiceItemType.PUBLIC_SERVICE,
        "legal_basis": [
            "《中华人民共和国社会保险法》第五十八条第三款：国家建立全国统一的个人社会保障号码。"
            "个人社会保障号码为公民身份号码。",
            "《社会保障卡管理办法》（人力资源社会保障部印发）"
            "关于社会保障卡申领、发放和使用的规定。",
        ],
        "conditions": [
            "在本县参加社会保险的人员，或者户籍在本县的城乡居民。",
            "未持有有效的全国统一标准社会保障卡，或者原卡到期、损坏、遗失需要换领、补领。",
            "本人申请；未成年人由监护人代为申请。首次申领、到期换领和补领均不收费。",
        ],
        "materials": [
            Material("居民身份证", ORIGINAL, notes="16 周岁以下未成年人可凭户口簿申领"),
            Material("近期免冠彩色证件照", ELECTRONIC, notes="窗口现场免费拍照采集，无需自带照片"),
            Material("监护人身份证件", ORIGINAL, required=False, notes="未成年人申领时提交"),
            Material(
                "代办人身份证件及授权委托书",
                ORIGINAL,
                required=False,
                notes="他人代办时提交，委托书可在窗口现场填写",
            ),
        ],
        "steps": [
            Step("受理与信息采集", "社保卡服务窗口", IMMEDIATE, "核验身份，采集照片和手机号码。"),
            Step(
                "即时制卡",
                "制卡岗",
                IMMEDIATE,
                "约 10 分钟制成社会保障卡，同步开通金融账户，可一并签发电子社保卡。",
            ),
            Step(
                "领卡启用", "社保卡服务窗口", IMMEDIATE, "本人设置密码并启用；网上申领的邮寄送达。"
            ),
        ],
        "statutory": 20,
        "promised": IMMEDIATE,
        "fees": [],
        "location": (
            f"{CENTRE}二楼 C 区社保卡服务窗口（19–20 号）；"
            "各乡镇便民服务中心和合作银行网点可即时制卡"
        ),
        "hours": WEEKDAYS_AND_SATURDAY,
        "online_url": ONLINE + "sbk-sl",
        "visits": 0,
        "phone": "0571-86020601",
    },
    {
        "slug": "chengxiang-jumin-yibao-canbao-dengji",
        "title": "城乡居民基本医疗保险参保登记",
        "department": MEDICAL_SECURITY,
        "topic": Topic.HEALTH,
        "date_written": date(2025, 8, 20),
        "keywords": "城乡居民医保, 医疗保险, 参保登记, 新生儿参保",
        "summary": (
            "未参加职工医保的城乡居民、学生和新生儿办理城乡居民基本医疗保险参保登记，即时办结。"
        ),
        "item_type": ServiceItemType.PUBLIC_SERVICE,
        "legal_basis": [
            "《中华人民共和国社会保险法》第二十五条第一款："
            "国家建立和完善城镇居民基本医疗保险制度。",
            "《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）。",
            "《全国医疗保障经办政务服务事项清单》（国家医疗保障局印发）“参保登记”事项。",
        ],
        "conditions": [
            "本县户籍或者持有本县居住证，且未参加职工基本医疗保险的城乡居民。",
            "包括农村居民、城镇非从业居民、中小学生、婴幼儿和在本县就读的大中专学生。",
            "新生儿出生 90 日内参保缴费的，自出生之日起享受医保待遇。",
        ],
        "materials": [
            Material("居民身份证或者户口簿", ORIGINAL),
            Material("出生医学证明", ORIGINAL, required=False, notes="新生儿尚未落户时提交"),
            Material("居住证", ORIGINAL, required=False, notes="非本县户籍居民提交"),
            Material(
                "资助参保身份证明",
                COPY,
                required=False,
                notes="特困人员、低保对象等已由民政部门数据推送的，免于提交",
            ),
        ],
        "steps": [
            Step(
                "申请", "医保经办窗口", IMMEDIATE, "到窗口申请，或者通过手机医保服务平台在线申请。"
            ),
            Step("信息核验", "参保登记岗", IMMEDIATE, "核验身份和参保状态，防止重复参保。"),
            Step("登记确认", "参保登记岗", IMMEDIATE, "完成参保登记，告知缴费方式和待遇享受时间。"),
        ],
        "statutory": IMMEDIATE,
        "promised": IMMEDIATE,
        "fees": [],
        "location": f"{CENTRE}二楼 C 区医保窗口（25–28 号）；乡镇便民服务中心和村（社区）代办点",
        "hours": WEEKDAYS_AND_SATURDAY,
        "online_url": ONLINE + "cxjm-yb-cbdj",
        "visits": 0,
        "phone": "0571-86020701",
    },
    {
        "slug": "zuidi-shenghuo-baozhang-shenhe-queren",
        "title": "最低生活保障审核确认",
        "department": CIVIL_AFFAIRS,
        "topic": Topic.CIVIL,
        "date_written": date(2025, 6, 3),
        "keywords": "最低生活保障, 低保, 社会救助, 家庭经济状况核对",
        "summary": (
            "家庭人均收入低于本县低保标准且财产状况符合规定的，申请最低生活保障，按月领取保障金。"
        ),
        "item_type": ServiceItemType.BENEFIT,
        "legal_basis": [
            "《社会救助暂行办法》第九条：国家对共同生活的家庭成员人均收入低于当地最低生活保障"
            "标准，且符合当地最低生活保障家庭财产状况规定的家庭，给予最低生活保障。",
            "《社会救助暂行办法》第十一条：申请最低生活保障，由共同生活的家庭成员向户籍所在地的"
            "乡镇人民政府、街道办事处提出书面申请。",
            "《最低生活保障审核确认办法》（民发〔2021〕57号）。",
            "《示例县城乡居民最低生活保障实施细则》（示民发〔2025〕17号）。",
        ],
        "conditions": [
            "申请人具有本县户籍，共同生活的家庭成员月人均收入低于本县最低生活保障标准"
            "（2025 年起城乡统一为每人每月 1050 元）。",
            "家庭财产状况符合规定：无非营运机动车（残疾人功能性补偿代步车除外），"
            "不拥有两套以上住房，家庭金融资产人均不超过 24 个月的低保标准。",
            "以家庭为单位申请；重病、重残人员可以按规定单独提出申请。",
        ],
        "materials": [
            Material(
                "最低生活保障申请书",
                ORIGINAL,
                notes="可下载样表填写，也可由窗口工作人员协助填写",
                template="subsistence_form",
            ),
            Material("家庭成员居民身份证、户口簿", BOTH),
            Material(
                "家庭经济状况核对授权书",
                ORIGINAL,
                notes="共同生活的家庭成员均须签字，授权查询收入、存款、房产、车辆等信息",
            ),
            Material("家庭成员收入情况声明及相关证明", ORIGINAL, notes="务工收入可由本人如实申报"),
            Material(
                "残疾人证、疾病诊断证明等", COPY, required=False, notes="有重病、重残成员的提交"
            ),
            Material(
                "婚姻状况证明", COPY, required=False, notes="离婚的提交离婚证和离婚协议或者判决书"
            ),
        ],
        "steps": [
            Step(
                "申请受理",
                "乡镇（街道）社会救助窗口",
                IMMEDIATE,
                "当场受理；申请人行动不便的，可以委托村（居）民委员会代为提出申请。",
            ),
            Step(
                "家庭经济状况调查",
                "乡镇（街道）社会救助经办人员",
                "10 个工作日",
                "入户调查、邻里访问，同时通过县居民家庭经济状况核对平台开展信息核对。",
            ),
            Step(
                "审核公示",
                "乡镇（街道）社会救助岗",
                "7 日",
                "提出审核意见，在申请人所在村（居）务公开栏公示 7 日。",
            ),
            Step(
                "审核确认",
                "县民政局社会救助科",
                "5 个工作日",
                "确认给予低保并核定保障金额；不符合条件的，书面告知理由。",
            ),
            Step(
                "资金发放",
                "县民政局",
                "次月起按月发放",
                "通过申请人社会保障卡金融账户按月足额发放，不收取任何费用。",
            ),
        ],
        "statutory": 30,
        "promised": 20,
        "fees": [],
        "location": (
            "户籍所在地乡镇人民政府（街道办事处）"
            f"社会救助窗口；{CENTRE}二楼 C 区民政综合窗口（29 号）"
        ),
        "hours": WEEKDAYS,
        "online_url": ONLINE + "dibao-shqr",
        "visits": 1,
        "phone": "0571-86020801",
    },
    {
        "slug": "gonggong-zulin-zhufang-shenqing",
        "title": "公共租赁住房保障资格申请",
        "department": HOUSING,
        "topic": Topic.CONSTRUCTION,
        "date_written": date(2025, 9, 10),
        "keywords": "公共租赁住房, 公租房, 住房保障, 并联审批",
        "summary": (
            "城镇中低收入住房困难家庭、新就业无房职工和外来务工人员申请公共租赁住房保障资格。"
        ),
        "item_type": ServiceItemType.CONFIRMATION,
        "legal_basis": [
            "《公共租赁住房管理办法》（住房和城乡建设部令第11号）第七条：申请公共租赁住房，"
            "应当在本地无住房或者住房面积低于规定标准，收入、财产低于规定标准；申请人为外来"
            "务工人员的，在本地稳定就业达到规定年限。",
            "《公共租赁住房管理办法》关于申请审核、公示和轮候的规定。",
            "《示例县公共租赁住房保障实施办法》（示建发〔2025〕26号）。",
        ],
        "conditions": [
            "本县城镇户籍家庭：在县城无自有住房或者人均住房建筑面积低于 15 平方米，"
            "家庭人均年可支配收入低于上年度县城镇居民人均可支配收入的 70%。",
            "新就业无房职工：在本县就业并连续缴纳社会保险满 6 个月，本人及配偶在本县无自有住房。",
            "外来务工人员：在本县稳定就业满 1 年并连续缴纳社会保险满 12 个月，"
            "本人及配偶在本县无自有住房。",
            "家庭成员名下无价值超过 15 万元的非营运车辆，申请前 3 年内无住房转让记录。",
        ],
        "materials": [
            Material(
                "示例县公共租赁住房申请表",
                ORIGINAL,
                notes="申请人和共同申请人签字",
                template="public_rental_form",
            ),
            Material("申请人及共同申请家庭成员身份证、户口簿", BOTH),
            Material("婚姻状况证明", COPY),
            Material(
                "收入证明",
                ORIGINAL,
                notes="单位出具的近 12 个月工资收入证明；灵活就业人员如实申报",
            ),
            Material(
                "劳动合同",
                COPY,
                required=False,
                notes="新就业职工和外来务工人员提交；社保缴纳记录由部门共享获取",
            ),
            Material("家庭经济状况核对授权书", ORIGINAL),
        ],
        "steps": [
            Step("受理", "住房保障窗口", IMMEDIATE, "核对材料，当场受理并告知审核进度查询方式。"),
            Step(
                "联审核查",
                "县住建局住房保障科",
                "7 个工作日",
                "县民政局核对收入和财产，县自然资源和规划局查询不动产，县公安局核查户籍和车辆，"
                "三个部门同步进行。",
            ),
            Step(
                "公示",
                "县住建局住房保障科",
                "5 个工作日",
                "在县政府门户网站和申请人所在社区公示，接受群众监督。",
            ),
            Step(
                "资格确认与轮候登记",
                "县住建局",
                "3 个工作日",
                "公示无异议的确认保障资格，登记为轮候对象并告知轮候序号。",
            ),
            Step(
                "配租",
                "县住房保障服务中心",
                "按房源情况",
                "按轮候顺序或者公开摇号配租，签订租赁合同。",
            ),
        ],
        "statutory": 20,
        "promised": 15,
        "fees": [],
        "parallel": [CIVIL_AFFAIRS, NATURAL_RESOURCES, POLICE],
        "location": f"{CENTRE}二楼 C 区住房保障窗口（31 号）",
        "hours": WEEKDAYS,
        "online_url": ONLINE + "gzf-sq",
        "visits": 1,
        "phone": "0571-86020501",
    },
    {
        "slug": "jiashizheng-qiman-huanzheng",
        "title": "机动车驾驶证期满换证",
        "department": POLICE,
        "topic": Topic.SECURITY,
        "date_written": date(2025, 10, 15),
        "keywords": "机动车驾驶证, 期满换证, 交管12123, 车驾管",
        "summary": (
            "驾驶证有效期满前 90 日内申请换发新证；也可通过“交管12123”在线申请，新证邮寄到家。"
        ),
        "item_type": ServiceItemType.LICENSING,
        "legal_basis": [
            "《中华人民共和国道路交通安全法》第十九条第一款："
            "驾驶机动车，应当依法取得机动车驾驶证。",
            "《中华人民共和国道路交通安全法实施条例》第二十六条：机动车驾驶人在机动车驾驶证的"
            " 6 年有效期内，每个记分周期均未达到 12 分的，换发 10 年有效期的机动车驾驶证；"
            "在 10 年有效期内，每个记分周期均未达到 12 分的，换发长期有效的机动车驾驶证。",
            "《机动车驾驶证申领和使用规定》（公安部令第162号）：机动车驾驶人应当于机动车驾驶证"
            "有效期满前九十日内申请换证。",
        ],
        "conditions": [
            "机动车驾驶证有效期满前 90 日内申请；有效期届满后 1 年以内仍可申请。",
            "身体条件符合申请相应准驾车型的规定。",
            "驾驶证未被吊销、注销，交通违法行为和交通事故已处理完毕。",
        ],
        "materials": [
            Material("机动车驾驶证申请表", ORIGINAL, notes="窗口或者自助服务机填写"),
            Material("居民身份证", ORIGINAL),
            Material("机动车驾驶证", ORIGINAL, notes="旧证由车辆管理所收回"),
            Material(
                "机动车驾驶人身体条件证明",
                ELECTRONIC,
                notes="县人民医院等体检机构联网上传，无需提交纸质证明",
            ),
            Material("本人近期白底免冠彩色照片", ELECTRONIC, notes="体检时由体检机构采集上传"),
        ],
        "steps": [
            Step("受理", "车驾管业务窗口", IMMEDIATE, "核验身份和驾驶证，受理换证申请。"),
            Step("审核", "车驾管审核岗", IMMEDIATE, "核查身体条件证明和违法、事故处理情况。"),
            Step("制证发证", "制证岗", IMMEDIATE, "当场制发新证；网上申请的邮寄送达。"),
        ],
        "statutory": 1,
        "promised": IMMEDIATE,
        "fees": ["机动车驾驶证工本费"],
        "location": f"{CENTRE}一楼 F 区公安车驾管窗口（46–48 号）；县公安局交警大队车辆管理所",
        "hours": WEEKDAYS_AND_SATURDAY,
        "online_url": ONLINE + "jsz-qmhz",
        "visits": 0,
        "phone": "0571-86020901",
    },
    {
        "slug": "daolu-huowu-yunshu-jingying-xuke",
        "title": "道路货物运输经营许可",
        "department": TRANSPORT,
        "topic": Topic.INDUSTRY,
        "date_written": date(2025, 7, 22),
        "keywords": "道路运输经营许可, 普通货物运输, 道路运输证",
        "summary": (
            "使用总质量 4500 千克以上普通货运车辆从事道路货物运输经营的，申请道路运输经营许可。"
        ),
        "item_type": ServiceItemType.LICENSING,
        "legal_basis": [
            "《中华人民共和国道路运输条例》第二十一条：申请从事货运经营的，应当有与其经营业务"
            "相适应并经检测合格的车辆，有符合规定条件的驾驶人员，有健全的安全生产管理制度。",
            "《中华人民共和国道路运输条例》第二十四条：申请从事危险货物运输经营以外的货运经营的，"
            "向县级人民政府交通运输主管部门提出申请。",
            "《道路货物运输及站场管理规定》：使用总质量 4500 千克及以下普通货运车辆从事普通货物"
            "运输经营的，无需申请道路运输经营许可。",
        ],
        "conditions": [
            "有与经营业务相适应并经检测合格的车辆（总质量 4500 千克以上的普通货运车辆）。",
            "驾驶人员取得相应的机动车驾驶证，年龄不超过 60 周岁，取得道路货物运输从业资格证。",
            "有健全的安全生产管理制度，包括安全生产责任制度、操作规程、监督检查制度"
            "和驾驶员、车辆安全管理制度。",
        ],
        "materials": [
            Material("道路货物运输经营申请表", ORIGINAL),
            Material("负责人和经办人身份证明及委托书", BOTH),
            Material(
                "机动车行驶证和车辆技术等级评定结论",
                COPY,
                notes="尚未购置车辆的，可提交拟投入车辆承诺书",
            ),
            Material("聘用或者拟聘用驾驶员的驾驶证、从业资格证", COPY),
            Material("安全生产管理制度文本", ORIGINAL),
        ],
        "steps": [
            Step("受理", "交通运输窗口", IMMEDIATE, "材料齐全的当场受理。"),
            Step("审查", "道路运输管理岗", "3 个工作日", "审查车辆、驾驶人员和安全生产管理制度。"),
            Step(
                "作出决定",
                "局分管负责人",
                "1 个工作日",
                "准予许可的核发道路运输经营许可证；不予许可的，书面说明理由。",
            ),
            Step(
                "配发道路运输证", "交通运输窗口", IMMEDIATE, "车辆到位后，为每辆车配发道路运输证。"
            ),
        ],
        "statutory": 20,
        "promised": 5,
        "fees": [],
        "location": f"{CENTRE}三楼 E 区交通运输窗口（39–40 号）",
        "hours": WEEKDAYS,
        "online_url": ONLINE + "dlhy-jyxk",
        "visits": 1,
        "phone": "0571-86021001",
    },
    {
        "slug": "yishi-zhiye-zhuce",
        "title": "医师执业注册",
        "department": HEALTH,
        "topic": Topic.HEALTH,
        "date_written": date(2025, 11, 6),
        "keywords": "医师执业注册, 医师执业证书, 电子化注册",
        "summary": (
            "取得医师资格、拟在本县医疗卫生机构执业的医师申请执业注册，通过电子化注册系统办理。"
        ),
        "item_type": ServiceItemType.LICENSING,
        "legal_basis": [
            "《中华人民共和国医师法》第十三条：国家实行医师执业注册制度。取得医师资格的，"
            "可以向所在地县级以上地方人民政府卫生健康主管部门申请注册；卫生健康主管部门应当"
            "自受理申请之日起二十个工作日内准予注册，出具医师执业证书。",
            "《医师执业注册管理办法》（国家卫生和计划生育委员会令第13号）。",
        ],
        "conditions": [
            "已取得医师资格证书。",
            "拟执业的医疗卫生机构在本县，申请的执业类别、执业范围与聘用机构相符。",
            "不具有《中华人民共和国医师法》规定的不予注册情形。",
        ],
        "materials": [
            Material("医师执业注册申请审核表", ORIGINAL, notes="在国家医师电子化注册系统在线填写"),
            Material("近 6 个月内白底免冠正面半身照片", ELECTRONIC),
            Material("医疗卫生机构拟聘用证明", ORIGINAL),
            Material("近 6 个月内的健康体检证明", ORIGINAL),
            Material("医师资格证书", BOTH),
            Material(
                "培训考核合格证明",
                ORIGINAL,
                required=False,
                notes="取得医师资格后 2 年内未注册的提交",
            ),
        ],
        "steps": [
            Step(
                "网上申请与受理",
                "卫生健康窗口",
                IMMEDIATE,
                "个人或者医疗卫生机构集体在线提交，窗口在线受理。",
            ),
            Step("审核", "医政医管岗", "2 个工作日", "核对资格信息、聘用证明和体检证明。"),
            Step(
                "准予注册",
                "局分管负责人",
                "1 个工作日",
                "注册信息录入国家医师管理信息平台，生成电子医师执业证书。",
            ),
        ],
        "statutory": 20,
        "promised": 3,
        "fees": [],
        "location": f"{CENTRE}三楼 E 区卫生健康窗口（41 号）",
        "hours": WEEKDAYS,
        "online_url": ONLINE + "ys-zyzc",
        "visits": 0,
        "phone": "0571-86021101",
    },
    {
        "slug": "huwai-guanggao-sheshi-shezhi-shenpi",
        "title": "户外广告设施设置审批",
        "department": ENFORCEMENT,
        "topic": Topic.CONSTRUCTION,
        "date_written": date(2026, 1, 9),
        "keywords": "户外广告, 大型户外广告, 设置审批, 市容",
        "summary": (
            "在县城规划区内设置大型户外广告设施的，申请设置审批；设置前须符合户外广告设置专项规划。"
        ),
        "item_type": ServiceItemType.LICENSING,
        "legal_basis": [
            f"{CITY_APPEARANCE}第十一条：大型户外广告的设置必须征得城市人民政府市容环境卫生"
            "行政主管部门同意后，按照有关规定办理审批手续。",
            "《中华人民共和国广告法》第四十一条第一款：县级以上地方人民政府应当组织有关部门"
            "加强对利用户外场所、空间、设施等发布户外广告的监督管理，制定户外广告设置规划"
            "和安全要求。",
            "《示例县县城户外广告设置专项规划（2024—2030年）》。",
        ],
        "conditions": [
            "设置地点符合县城户外广告设置专项规划，不在国家机关、文物保护单位、学校周边等"
            "禁止设置区域，不遮挡交通信号和交通标志。",
            "设施结构安全；大型户外广告设施须由有资质的设计单位出具结构安全计算书。",
            "设置期限一般不超过 3 年，期满需要继续设置的重新申请。",
        ],
        "materials": [
            Material("户外广告设施设置申请表", ORIGINAL),
            Material("营业执照或者申请人身份证明", COPY),
            Material(
                "设置场地使用权证明",
                COPY,
                notes="在建筑物上设置的，提交产权人同意书或者租赁合同",
            ),
            Material("设计效果图、平面位置图及尺寸、材质说明", ORIGINAL, copies=2),
            Material(
                "结构安全计算书",
                ORIGINAL,
                required=False,
                notes="大型户外广告设施提交",
            ),
        ],
        "steps": [
            Step("受理", "综合执法窗口", IMMEDIATE, "材料齐全的当场受理。"),
            Step("现场踏勘", "市容管理岗", "2 个工作日", "到设置地点核实位置、尺寸和周边环境。"),
            Step("审查决定", "局分管负责人", "2 个工作日", "作出准予或者不予设置的决定。"),
            Step("送达", "综合执法窗口", "1 个工作日", "送达决定书，可选择邮寄或者网上下载。"),
        ],
        "statutory": 20,
        "promised": 5,
        "fees": [],
        "location": f"{CENTRE}三楼 E 区综合执法窗口（43 号）",
        "hours": WEEKDAYS,
        "online_url": ONLINE + "hwgg-szsp",
        "visits": 1,
        "phone": "0571-86021201",
    },
    {
        "slug": "wushui-pairu-paishui-guanwang-xuke",
        "title": "城镇污水排入排水管网许可",
        "department": HOUSING,
        "topic": Topic.CONSTRUCTION,
        "date_written": date(2025, 12, 2),
        "keywords": "排水许可, 污水排入排水管网, 排水户, 餐饮",
        "summary": (
            "从事工业、建筑、餐饮、医疗等活动的排水户向城镇排水设施排放污水的，申请排水许可证。"
        ),
        "item_type": ServiceItemType.LICENSING,
        "legal_basis": [
            "《城镇排水与污水处理条例》第二十一条第一款：从事工业、建筑、餐饮、医疗等活动的"
            "企业事业单位、个体工商户向城镇排水设施排放污水的，应当向城镇排水主管部门申请领取"
            "污水排入排水管网许可证。",
            "《城镇污水排入排水管网许可管理办法》（住房和城乡建设部令第21号）。",
        ],
        "conditions": [
            "排放口的设置符合城镇排水与污水处理规划的要求。",
            "按照国家有关规定建设相应的预处理设施和水质、水量检测设施。",
            "排放的污水符合国家或者地方规定的排放标准。",
            "餐饮排水户已设置隔油设施；施工作业排水的，已建设临时排水设施。",
        ],
        "materials": [
            Material("排水许可申请表", ORIGINAL),
            Material(
                "排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明",
                ORIGINAL,
            ),
            Material(
                "预处理设施的有关材料", COPY, required=False, notes="按规定须建设预处理设施的提交"
            ),
            Material("排水隐蔽工程竣工报告", COPY, required=False, notes="新建排水设施的提交"),
            Material(
                "排放污水水质检测报告",
                ORIGINAL,
                notes="由有资质的检测机构出具；餐饮、洗车等小型排水户可以书面承诺代替",
            ),
        ],
        "steps": [
            Step("受理", "住建窗口", IMMEDIATE, "材料齐全的当场受理。"),
            Step("现场核查", "排水管理岗", "3 个工作日", "核查排水设施、检测井和排放口。"),
            Step("审批决定", "局分管负责人", "1 个工作日", "作出准予或者不予许可的决定。"),
            Step("发证", "住建窗口", IMMEDIATE, "核发排水许可证，有效期 5 年。"),
        ],
        "statutory": 15,
        "promised": 5,
        "fees": [],
        "location": f"{CENTRE}二楼 D 区住建窗口（36 号）",
        "hours": WEEKDAYS,
        "online_url": ONLINE + "psxk",
        "visits": 1,
        "phone": "0571-86020502",
    },
    {
        "slug": "qiye-touzi-xiangmu-beian",
        "title": "企业投资项目备案",
        "department": DEVELOPMENT,
        "topic": Topic.ECONOMY,
        "date_written": date(2026, 2, 26),
        "keywords": "企业投资项目, 项目备案, 投资项目在线审批监管平台, 项目代码",
        "summary": (
            "企业投资建设不属于核准目录的项目，开工前通过在线平台告知备案信息，即时完成备案。"
        ),
        "item_type": ServiceItemType.OTHER,
        "legal_basis": [
            "《企业投资项目核准和备案管理条例》第三条：对关系国家安全、涉及全国重大生产力布局、"
            "战略性资源开发和重大公共利益等项目实行核准管理；对前款规定以外的项目，实行备案管理。",
            "《企业投资项目核准和备案管理条例》第十三条：实行备案管理的项目，企业应当在开工建设前"
            "通过在线平台将项目信息告知备案机关；备案机关收到全部信息即为备案。",
        ],
        "conditions": [
            "项目不属于《政府核准的投资项目目录》范围，不属于产业政策禁止投资建设的项目。",
            "项目使用企业自有资金或者其他非政府投资资金建设。",
            "项目建设地点在本县行政区域内。",
        ],
        "materials": [
            Material("项目备案信息表", ELECTRONIC, notes="在投资项目在线审批监管平台填报"),
            Material("企业营业执照", ELECTRONIC, notes="在线平台自动获取，无需上传"),
            Material("项目符合产业政策的声明", ELECTRONIC, notes="在线签署"),
        ],
        "steps": [
            Step(
                "在线填报", "申请企业", IMMEDIATE, "登录投资项目在线审批监管平台如实填报项目信息。"
            ),
            Step("信息确认", "投资项目备案岗", IMMEDIATE, "信息齐全即完成备案并生成项目代码。"),
            Step("备案证明", "投资项目备案岗", IMMEDIATE, "企业可自行下载打印项目备案证明。"),
        ],
        "statutory": IMMEDIATE,
        "promised": IMMEDIATE,
        "fees": [],
        "location": f"{CENTRE}二楼 D 区投资项目代办窗口（37 号），提供免费帮办代办",
        "hours": WEEKDAYS,
        "online_url": ONLINE + "tzxm-ba",
        "visits": 0,
        "phone": "0571-86020201",
    },
    {
        "slug": "qiye-kaiban-yijianshi",
        "title": "企业开办“一件事”",
        "department": SERVICE_OFFICE,
        "topic": Topic.COMMERCE,
        "date_written": date(2026, 3, 16),
        "keywords": "企业开办, 高效办成一件事, 一窗通办, 并联审批, 印章刻制",
        "summary": (
            "营业执照、印章刻制、发票申领、社保医保登记和银"
            "行预约开户一次申请、并联办理，1 个工作日办结。"
        ),
        "item_type": ServiceItemType.PUBLIC_SERVICE,
        "legal_basis": [
            "《中华人民共和国市场主体登记管理条例》第十九条：对申请材料齐全、符合法定形式的"
            "予以确认并当场登记；不能当场登记的，应当在 3 个工作日内予以登记。",
            "《优化营商环境条例》关于压减企业开办时间、推行“一网通办”的规定。",
            "《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》"
            "（国发〔2024〕3号）。",
        ],
        "conditions": [
            "申请在本县设立有限责任公司、个人独资企业或者合伙企业。",
            "企业名称已通过自主申报，住所（经营场所）真实有效。",
            "需要同步办理的印章刻制、发票申领、社保和医保登记、银行预约开户事项在申请时一并勾选。",
        ],
        "materials": [
            Material(
                "企业开办“一件事”申请表（含设立登记申请书）",
                ELECTRONIC,
                notes="在线一表填报，同一信息只填一次",
            ),
            Material("公司章程或者合伙协议", ORIGINAL, notes="可使用标准化章程模板"),
            Material("法定代表人、股东或者出资人身份证明", ELECTRONIC, notes="在线实名认证"),
            Material("住所（经营场所）使用证明", COPY),
            Material("经办人身份证明", ORIGINAL, required=False, notes="委托经办人办理时提交"),
        ],
        "steps": [
            Step(
                "一表申报",
                "企业开办专区窗口",
                IMMEDIATE,
                "网上或者窗口一次提交，材料同步推送各部门。",
            ),
            Step(
                "并联审核",
                "县市场监管局、县公安局、县人力社保局、县医保局",
                "0.5 个工作日",
                "登记、印章备案、社保和医保登记同步审核，税务部门同步办理发票申领。",
            ),
            Step(
                "集成发放",
                "企业开办专区窗口",
                "0.5 个工作日",
                "一次领取营业执照、首套印章和税务数字证书；可选择免费邮寄。",
            ),
        ],
        "statutory": 3,
        "promised": 1,
        "fees": [],
        "parallel": [MARKET, POLICE, HUMAN_RESOURCES, MEDICAL_SECURITY],
        "location": f"{CENTRE}一楼 A 区企业开办专区（1–2 号窗口）",
        "hours": WEEKDAYS_AND_SATURDAY,
        "online_url": ONLINE + "qykb-yjs",
        "visits": 0,
        "phone": "0571-86021301",
    },
]


# -- policy documents (政策文件、通知公告、规划计划、工作报告、政策解读) ---------------------------
# Listed so that a document comes before anything that points at it: a replacement before the
# document it supersedes, a document before its interpretation.

EFFICIENCY_OPINION = """
    各乡镇人民政府，县政府各部门、各直属单位：

    为进一步转变机关作风、提高行政效能、优化营商环境，让群众和企业办事更省心、更顺心，
    经县人民政府同意，现就进一步加强全县机关效能建设提出如下实施意见。

    ## 一、加强教育引导，激发干部履职尽责的内在动力

    机关和机关干部是效能建设的主体。抓好人的建设和管理，是提升效能的基础。

    （一）抓好效能教育。把干部追责问责和处理的有关规定纳入各部门理论学习和新入职人员培训，
    每季度选树效能建设正面典型，剖析反面案例，广泛开展“效能型机关”创建，
    引导干部增强责任意识、效率意识和为民意识，珍惜集体荣誉。

    （二）提升履职本领。各部门每年至少组织两次与本部门业务相关的政策法规和专业知识培训，
    定期开展业务研讨交流，不断提高干部的政策水平、履职能力和依法行政能力。

    （三）健全考核激励机制。一是实行效能考核“月考核、月通报”。县效能办每月对各部门的
    窗口服务、投诉办理、明查暗访和政务公开等情况进行考核，结果在县政府门户网站“月通报”
    栏目公布，并计入部门和个人年度考核。二是实行“一票否决”。因效能问题对工作造成
    严重影响的，当年个人评优评先、晋职晋级一律实行一票否决。三是实行绩效与待遇挂钩。
    探索将工作绩效与收入分配挂钩的办法，防止“干多干少一个样”。

    ## 二、规范行政行为，持续优化发展环境

    规范行政行为，是提高办事效率和政府公信力、密切干群关系、减少违规违纪问题的关键。

    （一）深化行政审批制度改革。全面开展行政审批事项清权核权，规范权力运行流程；
    最大限度精简审批环节，推行“一窗受理、并联审批、限时办结”，由牵头部门统一受理、
    相关部门同步审查；对重大项目审批开辟绿色通道，实行全程帮办代办。

    （二）提升政务服务中心运行水平。落实“两集中、两到位”，即部门审批职能向一个科室集中、
    审批科室向政务服务中心集中，进驻事项到位、审批授权到位。整合行政审批、
    公共资源交易和政府采购等功能，建设集中统一的政务服务中心，运行经费纳入县级财政预算。
    对各部门事项进驻、办件运行和窗口人员遵章守纪情况实行每月全县通报，通报结果
    与部门年度目标考核挂钩。

    （三）规范行政处罚自由裁量权。县政府出台行政处罚裁量基准管理办法，各执法部门全面梳理
    法律、法规、规章中有裁量幅度的处罚条款，优先规范适用频繁、幅度较大的事项。
    每项违法行为按情节和后果划分为三至五档，逐档写明适用情形、处罚种类和标准，
    参考近年来同类案件的处罚水平确定数额；符合法定从轻、减轻或者不予处罚情形的，
    一般按下限处罚；能够当场改正的责令当场改正，不能当场改正的责令限期改正；
    推行“首违不罚、轻微免罚”；对事实、性质、情节和危害程度基本相同的违法行为，
    做到同案同罚。在法律允许的范围内，通过适用简易程序、“一审一核”等方式简化执法程序、
    缩短执法时限。推行处罚报备制度，严禁不出示执法证件实施检查、不按规定程序和权限检查、
    未经批准查封财物或者扣留账册等行为，杜绝以罚代管、以罚代教。

    （四）深化政务公开。推行重大行政决策公示制度，决策前向社会公开征求意见；
    把办事流程、收费项目和标准等群众关心的内容作为公开重点，逐步扩大公开范围和层次；
    加强县政府门户网站建设，创新公开方式，确保权力运行全过程依法及时公开。

    （五）加强部门协作。每半年由县政府办公室牵头组织工作组，对制度之间、政策之间、
    部门之间和县乡之间不协调的问题进行排查清理，及时扫清发展障碍；对重大项目明确
    牵头领导和牵头单位，实行联合办公、会商研判，推动项目尽快落地。

    ## 三、健全责任体系，严格责任追究

    责任追究是推动效能建设的有力抓手，要充分发挥其督促作用。

    （一）明晰岗位责任。按照权责对等的原则，梳理领导岗位、中层岗位和一般岗位三个层级的
    责任清单，做到每个岗位职责清楚、权责一致，避免权责错位。

    （二）完善追责问责制度。针对不同层级的责任主体，综合运用纪律、组织和经济等处理手段，
    增强制度刚性；明确问责情形，应当问责的一个不漏，不应当问责的不随意扩大，
    形成科学、严密、规范、透明的问责制度体系。

    （三）抓好制度执行。坚持有令必行、有禁必止。每半年召开一次责任追究执行情况座谈会，
    邀请人大代表、政协委员、企业、群众、媒体和专家等各界代表，听取对责任追究执行情况的
    意见和建议，及时改进工作、完善制度，防止问责畸轻畸重、有错不究。

    ## 四、加强三个层面的监管，集中整治群众反映强烈的问题

    （一）加强对窗口服务和执法岗位的监管。对直接面向群众和企业的服务、执法岗位
    实行常态化明查暗访，重点整治“门难进、脸难看、事难办”，办事“门槛多、手续繁、节奏慢”，
    以及“乱收费、乱罚款、乱摊派、乱拉赞助、吃拿卡要”等问题。

    （二）加强对决策执行和重大项目的监管。对上级决策部署的落实情况和重大项目的引进、
    建设情况实行跟踪督查，重点整治“政令不畅、执行不力、中梗阻”，以及不在状态、
    大局观念淡薄、只说不做、阳奉阴违等问题。

    （三）加强对文风会风的监管。定期对各部门发文和会议情况进行清理调查，
    重点整治热衷开大会、开长会，滥发文件、乱发文件等问题。

    群众和企业发现上述问题，可以通过县政府门户网站“投诉与建议”栏目或者拨打 12345 热线反映。
    投诉在 1 个工作日内受理并转交承办部门，承办部门应当在 15 个工作日内答复，
    办理结果纳入月度效能考核。

    本意见自印发之日起施行。

    示例县人民政府办公室

    2026 年 3 月 18 日
"""

EFFICIENCY_INTERPRETATION = """
    ## 一、为什么出台这份实施意见？

    近年来，我县持续推进“放管服”改革，但群众反映的窗口服务态度不好、办事环节多、
    执法尺度不一等问题仍未根本解决。为把机关效能建设抓在日常、落到具体岗位，
    县政府办公室在广泛征求各部门、企业和群众代表意见的基础上，制定了这份实施意见。

    ## 二、主要内容有哪些？

    实施意见从四个方面提出了具体措施：

    - 教育引导：开展效能教育和业务培训，实行效能考核“月考核、月通报”，对造成严重影响的
      效能问题实行评优评先、晋职晋级“一票否决”。
    - 规范行政行为：推行并联审批和重大项目绿色通道，规范政务服务中心运行，
      行政处罚按三至五档裁量并推行首违不罚、轻微免罚，公开办事流程和收费标准。
    - 责任追究：建立领导、中层、一般岗位三级责任清单，每半年召开一次由各界代表参加的
      责任追究执行情况座谈会。
    - 集中整治：对窗口和执法岗位明查暗访，对决策执行跟踪督查，对文风会风定期清理。

    ## 三、群众能从中得到什么？

    一是办事更快。并联审批让多个部门同时审查，不再“一个窗口一个窗口地跑”。
    二是处罚更公平。同样的违法情形适用同样的档次，首次轻微违法并及时改正的不予处罚。
    三是监督更方便。各部门每月的效能考核结果和投诉办理情况在“月通报”栏目公开，
    群众可以随时查看，也可以通过“投诉与建议”栏目或 12345 热线反映问题。

    ## 四、“一票否决”针对什么情形？

    主要针对因推诿扯皮、失职失责、违规收费罚款等效能问题，造成群众利益受到严重损害、
    被上级通报或者造成恶劣社会影响的情形。一经认定，当事人当年不得评优评先、
    不得晋职晋级，所在部门当年不得评为先进单位。

    ## 五、解读机关及联系方式

    解读机关：示例县人民政府办公室

    联系电话：0571-86010001
"""

PENALTY_MEASURES = """
    各乡镇人民政府，县政府各部门：

    《示例县行政处罚裁量基准管理办法》已经县人民政府第 36 次常务会议审议通过，现印发给你们，
    请认真贯彻执行。

    ## 示例县行政处罚裁量基准管理办法

    第一条 为规范行政处罚裁量权的行使，保障法律、法规、规章正确实施，维护公民、法人和
    其他组织的合法权益，根据《中华人民共和国行政处罚法》等规定，结合本县实际，制定本办法。

    第二条 本办法所称行政处罚裁量基准，是指行政执法部门结合执法实际，对法律、法规、规章
    规定的行政处罚裁量幅度进行细化、量化而形成的具体执行标准。

    第三条 行政执法部门应当对本部门实施的有裁量幅度的行政处罚事项全部制定裁量基准，
    优先规范适用频繁、裁量幅度较大的事项。

    第四条 裁量基准按照违法行为的事实、性质、情节和社会危害程度，划分为不予处罚、
    减轻处罚、从轻处罚、一般处罚、从重处罚中的三至五个档次，每一档次明确适用情形、
    处罚种类和处罚标准。罚款数额不得超过法定上限。

    第五条 行政执法部门应当编制首违不罚清单和轻微违法免罚清单，向社会公布。
    当事人有违法行为但符合清单情形的，不予行政处罚，依法责令改正并进行教育。

    第六条 对事实、性质、情节和社会危害程度基本相同的违法行为，应当适用相同的裁量档次，
    给予基本相同的行政处罚。

    第七条 行政执法部门作出行政处罚决定，应当在决定书中说明适用的裁量档次和理由。
    作出较大数额罚款的，应当在作出决定后 5 个工作日内报县司法局备案。

    第八条 裁量基准由制定部门在县政府门户网站“政府信息公开”栏目公开，
    法律依据发生变化的，应当在 30 日内修订。

    第九条 县司法局负责对裁量基准的制定和执行情况进行监督检查，检查结果纳入法治政府建设考核
    和月度效能考核。

    第十条 行政执法人员不按裁量基准实施处罚、造成不良影响的，依法依规追究责任。

    第十一条 本办法自 2025 年 8 月 1 日起施行。
"""

SUBSISTENCE_RULES = """
    ## 第一章 总则

    第一条 为规范城乡居民最低生活保障工作，保障困难群众基本生活，根据《社会救助暂行办法》
    和《最低生活保障审核确认办法》，结合本县实际，制定本细则。

    第二条 最低生活保障坚持应保尽保、公平公正、动态管理、统筹兼顾的原则，
    实行属地管理，由乡镇人民政府（街道办事处）负责受理和审核，县民政局负责确认。

    ## 第二章 保障对象和标准

    第三条 共同生活的家庭成员月人均收入低于本县最低生活保障标准，且家庭财产状况符合规定的
    本县户籍家庭，可以申请最低生活保障。

    第四条 自 2025 年 7 月 1 日起，本县城乡最低生活保障标准统一为每人每月 1050 元。
    保障标准由县民政局会同县财政局根据居民人均消费支出变化，每年调整一次，报县政府批准后公布。

    第五条 最低生活保障金按照家庭月人均收入与保障标准的差额发放。对家庭中的老年人、
    未成年人、重度残疾人和重病患者，按照保障标准的 20% 增发保障金。

    ## 第三章 家庭经济状况认定

    第六条 家庭收入包括工资性收入、经营净收入、财产净收入和转移净收入。
    优抚对象享受的抚恤金、补助金，奖励性补助，以及政府发放的各类社会救助款物不计入家庭收入。

    第七条 有下列情形之一的，一般不予认定为低保家庭：拥有两套以上住房的；
    拥有非营运机动车的（残疾人功能性补偿代步车除外）；家庭金融资产人均超过 24 个月保障标准的。

    ## 第四章 申请、审核和确认

    第八条 申请人向户籍所在地乡镇人民政府（街道办事处）提出书面申请，也可以通过
    县政务服务网在线申请。

    第九条 乡镇人民政府（街道办事处）应当自受理之日起 10 个工作日内完成家庭经济状况调查，
    审核意见在村（居）务公开栏公示 7 日。县民政局应当在收到审核意见后 5 个工作日内作出确认决定。
    审核确认工作应当自受理之日起 30 个工作日内完成。

    ## 第五章 动态管理和监督

    第十条 乡镇人民政府（街道办事处）对特困、重残家庭每年核查一次，对其他低保家庭每半年核查一次，
    根据家庭情况变化及时增发、减发或者停发保障金。

    第十一条 低保对象名单在村（居）务公开栏长期公布，但不公开身份证号码、银行账号等个人隐私信息。
    对低保工作有意见的，可以拨打 12345 热线或者县民政局监督电话 0571-86010008 反映。

    第十二条 本细则自 2025 年 7 月 1 日起施行。
"""

SUBSISTENCE_INTERPRETATION = """
    ## 一、低保标准是多少？

    自 2025 年 7 月 1 日起，我县城乡低保标准统一为每人每月 1050 元，城乡不再分别设定。

    ## 二、哪些家庭可以申请？

    同时满足三个条件：一是本县户籍；二是共同生活的家庭成员月人均收入低于 1050 元；
    三是家庭财产状况符合规定，如没有两套以上住房、没有非营运机动车、
    人均金融资产不超过 25200 元（24 个月的保障标准）。

    ## 三、保障金怎么算？

    按“差额补助”计算：保障金 = （1050 元 − 家庭月人均收入）× 家庭人数。
    家庭中有老年人、未成年人、重度残疾人或者重病患者的，每人每月再增发 210 元。

    例如：三口之家月总收入 1800 元，人均 600 元，家中有一名 70 岁老人，
    每月可领取（1050 − 600）× 3 + 210 = 1560 元。

    ## 四、到哪里申请？多久办好？

    到户籍所在地乡镇人民政府（街道办事处）社会救助窗口或者县政务服务中心民政窗口申请，
    也可以在县政务服务网在线申请。从受理到确认不超过 30 个工作日，确认后次月起按月发放。

    ## 五、哪些收入不计入家庭收入？

    优抚对象的抚恤金和补助金、见义勇为等奖励性补助、政府发放的各类社会救助款物等，
    都不计入家庭收入。

    解读机关：示例县民政局　联系电话：0571-86010008
"""

PUBLIC_RENTAL_MEASURES = """
    第一条 为完善住房保障体系，解决城镇中低收入住房困难家庭、新就业无房职工和
    外来务工人员的住房困难，根据《公共租赁住房管理办法》，制定本办法。

    第二条 县住房和城乡建设局负责全县公共租赁住房的建设、分配和运营管理，
    县民政局、县自然资源和规划局、县公安局等部门按照职责做好收入核对、不动产查询和
    户籍车辆核查工作。

    第三条 申请条件：本县城镇户籍家庭在县城无自有住房或者人均住房建筑面积低于 15 平方米，
    家庭人均年可支配收入低于上年度县城镇居民人均可支配收入的 70%；
    新就业无房职工在本县连续缴纳社会保险满 6 个月；外来务工人员在本县稳定就业满 1 年
    并连续缴纳社会保险满 12 个月。

    第四条 申请实行“一窗受理、并联审查”。县住房和城乡建设局受理后，将申请信息同时推送
    有关部门核查，核查结果在 7 个工作日内反馈。符合条件的在县政府门户网站公示 5 个工作日。

    第五条 公共租赁住房租金按照同地段市场租金的 60% 确定；城镇最低生活保障家庭和
    分散供养特困人员按照市场租金的 10% 收取。

    第六条 租赁合同期限一般为 3 年。合同期满需要续租的，应当在期满前 3 个月提出申请，
    经审核仍符合条件的可以续租。

    第七条 承租人转借、转租或者擅自调换所承租的公共租赁住房，改变用途，
    或者无正当理由连续 6 个月以上闲置的，解除租赁合同，收回住房，5 年内不得再次申请。

    第八条 本办法自 2025 年 10 月 1 日起施行。
"""

WINDOW_RULES_2025 = """
    第一条 为加强县政务服务中心窗口工作人员管理，提升服务质量，制定本办法。

    第二条 进驻部门应当选派政治素质好、业务熟练的在编人员到窗口工作，
    窗口工作人员在中心工作期间一般不少于 2 年。

    第三条 窗口工作人员应当佩证上岗、文明用语，实行首问负责、一次性告知和限时办结制度。

    第四条 窗口工作人员请假 1 日以内的由窗口负责人批准，1 日以上的报中心管理办公室备案，
    并由所在部门安排人员顶岗。

    第五条 中心管理办公室每季度对窗口工作人员进行考评，考评结果通报进驻部门。

    第六条 本办法自 2025 年 3 月 1 日起施行。
"""

WINDOW_RULES_2026 = """
    第一条 为加强县政务服务中心窗口工作人员管理，落实《关于进一步加强机关效能建设的实施意见》，
    推行“无差别受理”，提升服务质量和效率，制定本办法。

    第二条 进驻部门应当选派政治素质好、业务熟练的人员到窗口工作，窗口工作人员
    在中心工作期间一般不少于 2 年，调整时应当提前 15 日报中心管理办公室备案并完成交接培训。

    第三条 窗口工作人员应当佩证上岗、文明用语，实行首问负责、一次性告知、
    限时办结和“好差评”制度，不得出现“门难进、脸难看、事难办”等问题。

    第四条 综合受理窗口实行“无差别受理”，工作人员应当掌握所受理事项的办事指南，
    对材料齐全的当场受理，对材料不全的一次性书面告知需要补正的全部内容。

    第五条 窗口工作人员请假半日以上的报中心管理办公室备案，所在部门应当安排人员顶岗，
    不得出现窗口空岗。

    第六条 中心管理办公室每月对窗口办件量、按时办结率、群众评价和明查暗访情况进行考评，
    考评结果纳入县月度效能考核并在“月通报”栏目公开。

    第七条 窗口工作人员受到有效投诉或者在明查暗访中被通报批评的，取消当年评优资格；
    情节严重的，商请所在部门调离窗口岗位。

    第八条 本办法自 2026 年 5 月 1 日起施行。2025 年印发的
    《示例县政务服务中心窗口工作人员管理办法》同时废止。
"""

DISCLOSURE_REPORT_2025 = """
    本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于
    印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制。报告所列数据的统计期限
    为 2025 年 1 月 1 日至 2025 年 12 月 31 日。

    ## 一、总体情况

    2025 年，我县以群众关切为导向，围绕办事服务、收费、执法和重大决策深化主动公开。
    全年在县政府门户网站主动公开政府信息 3286 条，其中政策文件 142 件、政策解读 96 篇、
    办事指南 1175 项；完成全部 1175 项政务服务事项办事指南要素标准化，
    公开行政事业性收费目录清单和 14 个执法部门的行政处罚裁量基准。

    ## 二、主动公开政府信息情况

    - 制发规章和行政规范性文件：本年制发规范性文件 11 件，废止 4 件，现行有效 87 件。
    - 行政许可：本年处理决定 18642 件。
    - 行政处罚：本年处理决定 2317 件；行政强制 126 件。
    - 行政事业性收费：本年收费金额 3852.6 万元。

    ## 三、收到和处理政府信息公开申请情况

    本年新收政府信息公开申请 214 件，上年结转 6 件。其中自然人申请 181 件，
    法人或者其他组织申请 33 件。本年办结 215 件：予以公开 98 件，部分公开 27 件，
    不予公开 11 件，无法提供 52 件，不予处理 9 件，其他处理 18 件；结转下年度继续办理 5 件。
    全部申请均在法定期限内答复。

    ## 四、政府信息公开行政复议、行政诉讼情况

    因政府信息公开工作被申请行政复议 7 件，其中维持 5 件、纠正 1 件、其他结果 1 件；
    被提起行政诉讼 3 件，其中维持 2 件、尚未审结 1 件。

    ## 五、存在的主要问题及改进情况

    一是部分部门政策解读形式单一，图解、问答等群众易懂的形式偏少；
    二是个别乡镇办事指南更新不及时，与实际办理要求不一致。
    2026 年，我县将推行政策文件与解读同步起草、同步审签、同步发布，
    建立办事指南季度核对机制，并将公开质量纳入月度效能考核。

    ## 六、其他需要报告的事项

    本年度依据《政府信息公开信息处理费管理办法》收取信息处理费 0 元。
    全年召开重大行政决策听证会 3 次，邀请公众代表列席县政府常务会议 8 人次。
"""

RULE_OF_LAW_REPORT_2025 = """
    ## 一、2025 年法治政府建设主要成效

    （一）依法全面履行政府职能。动态调整县级政务服务事项目录，公布行政许可事项清单 286 项；
    推行“高效办成一件事”，企业开办、不动产登记等 16 个“一件事”实现一次申请、并联办理，
    企业开办时间压缩至 1 个工作日。

    （二）严格规范公正文明执法。出台《示例县行政处罚裁量基准管理办法》，
    14 个执法部门公布裁量基准和首违不罚、轻微免罚清单，全年对 412 件首次轻微违法行为不予处罚。
    行政执法“三项制度”落实率 100%。

    （三）推进重大行政决策科学民主合法。县城供水价格调整等 5 项重大行政决策全部履行
    公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序，公开征求意见期均不少于 30 日。

    （四）强化行政权力制约和监督。主动接受人大监督和政协民主监督，办理人大代表建议 127 件、
    政协提案 139 件，办复率 100%；全年办理政府信息公开申请 215 件，全部按期答复。

    ## 二、存在的不足

    一是基层执法队伍专业化水平有待提高；二是部分行政规范性文件清理不够及时；
    三是乡镇合法性审查力量仍然薄弱。

    ## 三、2026 年工作打算

    深化“综合查一次”，减少对企业的重复检查；开展行政规范性文件全面清理；
    为每个乡镇配备专职法律顾问；把执法质量纳入月度效能考核，实行月通报。
"""

DISCLOSURE_PLAN_2026 = """
    各乡镇人民政府，县政府各部门：

    为做好 2026 年政务公开工作，现提出以下工作要点。

    ## 一、围绕办事服务做好公开

    全面核对政务服务事项办事指南，确保设定依据、申请材料、办理流程、时限、收费和
    办理地点等要素准确完整，办事指南与窗口实际办理要求一致。每季度开展一次抽查，
    抽查结果纳入月度效能考核。

    ## 二、围绕收费和执法做好公开

    及时更新行政事业性收费目录清单和政府定价收费目录，标准调整后 5 个工作日内公开变更情况；
    各执法部门法律依据变化后 30 日内修订并公开行政处罚裁量基准。

    ## 三、围绕重大决策做好公开

    重大行政决策事项目录于 3 月底前公布；决策草案公开征求意见期不少于 30 日，
    意见采纳情况及理由在决策作出后 15 个工作日内公开。

    ## 四、做好政策解读和回应关切

    坚持政策文件与解读“同步起草、同步审签、同步发布”，多采用图解、问答和案例等形式；
    对群众集中反映的问题，在“投诉与建议”栏目及时回应。

    ## 五、加强公开平台和制度建设

    推进政府信息公开目录统一索引号管理，支持按类型、部门、主题和年度查询和下载；
    每月公开各部门效能考核“月通报”；依申请公开严格执行 20 个工作日的法定答复期限。

    ## 六、强化保障

    各部门要明确分管领导和工作人员，政务公开工作纳入年度综合考核，
    县政府办公室每季度通报工作进展。
"""

LIVELIHOOD_PLAN_2026 = """
    各乡镇人民政府，县政府各部门：

    经县十八届人大六次会议票决，2026 年县政府办好以下 10 件民生实事，现将实施计划印发如下。

    - 新建、改扩建公办幼儿园 3 所，新增学位 540 个。牵头单位：县教育局。
    - 完成 12 个老旧小区改造，惠及居民 3100 户，同步加装电梯 20 台。牵头单位：县住房和城乡建设局。
    - 建设农村供水规模化工程 2 处，新增受益人口 2.6 万人。牵头单位：县住房和城乡建设局。
    - 新增城区公共停车泊位 800 个、新能源汽车充电桩 300 个。牵头单位：县综合行政执法局。
    - 为全县 65 周岁以上老年人免费开展健康体检，体检率达到 75% 以上。牵头单位：县卫生健康局。
    - 新建村（社区）老年食堂 15 家。牵头单位：县民政局。
    - 城乡居民医保财政补助标准提高至每人每年 720 元。牵头单位：县医疗保障局。
    - 新增城镇就业 3500 人，开展职业技能培训 6000 人次。牵头单位：县人力资源和社会保障局。
    - 改造提升农村公路 60 公里，新增城乡公交线路 4 条。牵头单位：县交通运输局。
    - 开展食品安全“你点我检”抽检 1000 批次以上。牵头单位：县市场监督管理局。

    各牵头单位要制定实施方案，明确时间节点，每月 5 日前报送进展情况；
    县政府办公室每季度在门户网站公开实事项目推进情况，接受群众监督。
"""

MEDICAL_INSURANCE_NOTICE = """
    根据省医疗保障局、省财政厅有关规定，现将 2027 年度城乡居民基本医疗保险集中参保缴费事项通告如下。

    ## 一、参保对象

    本县户籍或者持有本县居住证、未参加职工基本医疗保险的城乡居民，包括中小学生、婴幼儿
    和在本县就读的大中专学生。

    ## 二、缴费标准和时间

    2027 年度个人缴费标准为每人 420 元。集中缴费期为 2026 年 9 月 1 日至 12 月 31 日，
    在集中缴费期内缴费的，自 2027 年 1 月 1 日起享受待遇。

    ## 三、资助参保

    特困人员个人缴费部分全额资助；低保对象、防止返贫监测对象按规定给予定额资助。
    资助对象名单由民政等部门推送，无需本人申请。

    ## 四、缴费方式

    - 手机缴费：通过“国家医保服务平台”App、县税务部门公众号或者合作银行手机银行缴纳。
    - 现场缴费：到乡镇便民服务中心、村（社区）代办点或者合作银行网点缴纳。

    ## 五、温馨提示

    医保部门不会通过电话、短信要求您向个人账户转账缴费，请谨防诈骗。
    咨询电话：0571-86020701；监督电话：12345。
"""

SPRING_FESTIVAL_NOTICE = """
    根据国务院办公厅关于 2026 年部分节假日安排的通知，
    现将县政务服务中心春节期间窗口服务安排公告如下。

    - 2 月 14 日（星期六）正常上班，各窗口全天开放。
    - 2 月 15 日（星期日）至 2 月 23 日（星期一）放假，窗口暂停现场服务。
    - 2 月 24 日（星期二）起恢复正常办公；2 月 28 日（星期六）正常上班。

    放假期间，可以通过县政务服务网和“示政通”移动端在线申请，所有申请在节后 1 个工作日内受理。
    不动产登记、社保卡补换等急需办理的事项，可以拨打 12345 热线预约，工作人员将提供预约服务。

    节后第一周为办件高峰，建议错峰前往，或者通过网上办理减少排队时间。
"""

FOOD_CHECK_NOTICE = """
    为回应群众对食品安全的关切，县市场监督管理局 2026 年继续开展食品安全“你点我检”活动，
    现将有关事项公告如下。

    ## 一、活动时间

    2026 年 5 月 15 日至 11 月 30 日。

    ## 二、参与方式

    群众可以通过县政府门户网站“投诉与建议”栏目、12345 热线或者到各市场监管所，
    提出希望抽检的食品品种、检测项目和购买地点。

    ## 三、抽检安排

    县市场监督管理局每月汇总群众意见，按照得票多少和风险高低确定抽检品种，
    重点关注校园周边、农贸市场、网络订餐和节令食品。全年抽检不少于 1000 批次。

    ## 四、结果公开

    抽检结果每月在县政府门户网站公布。对不合格食品，依法责令下架、召回，
    并按照行政处罚裁量基准查处；对首次发现且情节轻微、及时改正的，按照轻微免罚清单处理。
"""

POLICY_DOCUMENTS = [
    {
        "slug": "jiguan-xiaoneng-jianshe-shishi-yijian",
        "title": "示例县人民政府办公室关于进一步加强机关效能建设的实施意见",
        "kind": DocumentKind.POLICY,
        "department": GOV_OFFICE,
        "document_number": "示政办发〔2026〕15号",
        "topic": Topic.GENERAL,
        "date_written": date(2026, 3, 18),
        "keywords": "机关效能建设, 月通报, 一票否决, 并联审批, 首违不罚, 追责问责, 明查暗访",
        "summary": (
            "从教育引导、规范行政行为、健全责任体系、加强三个层面监管四个方面，"
            "部署全县机关效能建设，实行效能考核月考核月通报和一票否决。"
        ),
        "body": EFFICIENCY_OPINION,
        "attachments": ["efficiency_scoring"],
    },
    {
        "slug": "jiguan-xiaoneng-jianshe-shishi-yijian-jiedu",
        "title": "《关于进一步加强机关效能建设的实施意见》政策解读",
        "kind": DocumentKind.INTERPRETATION,
        "department": GOV_OFFICE,
        "topic": Topic.GENERAL,
        "date_written": date(2026, 3, 20),
        "keywords": "政策解读, 机关效能建设, 一票否决, 月通报",
        "summary": "用问答的方式解读实施意见的出台背景、主要内容、群众获益和“一票否决”的适用情形。",
        "body": EFFICIENCY_INTERPRETATION,
        "interpretation_of": "jiguan-xiaoneng-jianshe-shishi-yijian",
    },
    {
        "slug": "xingzheng-chufa-cailiang-jizhun-guanli-banfa",
        "title": "示例县人民政府关于印发示例县行政处罚裁量基准管理办法的通知",
        "kind": DocumentKind.POLICY,
        "department": GOV_OFFICE,
        "document_number": "示政发〔2025〕21号",
        "topic": Topic.SECURITY,
        "date_written": date(2025, 7, 15),
        "keywords": "行政处罚, 裁量基准, 首违不罚, 轻微免罚, 同案同罚",
        "summary": "规定行政处罚裁量基准的制定、分档、公开、备案和监督，推行首违不罚和轻微免罚。",
        "body": PENALTY_MEASURES,
    },
    {
        "slug": "dibao-shishi-xize",
        "title": "示例县城乡居民最低生活保障实施细则",
        "kind": DocumentKind.POLICY,
        "department": CIVIL_AFFAIRS,
        "document_number": "示民发〔2025〕17号",
        "topic": Topic.CIVIL,
        "date_written": date(2025, 5, 20),
        "keywords": "最低生活保障, 低保标准, 社会救助, 家庭经济状况",
        "summary": (
            "明确本县低保对象、标准（每人每月 1050 元）、家庭经济状况认定、审核确认程序和动态管理。"
        ),
        "body": SUBSISTENCE_RULES,
        "attachments": ["subsistence_form"],
    },
    {
        "slug": "dibao-shishi-xize-jiedu",
        "title": "《示例县城乡居民最低生活保障实施细则》政策问答",
        "kind": DocumentKind.INTERPRETATION,
        "department": CIVIL_AFFAIRS,
        "topic": Topic.CIVIL,
        "date_written": date(2025, 5, 26),
        "keywords": "政策解读, 低保, 保障金计算",
        "summary": "低保标准、申请条件、保障金计算方法和申请途径的通俗解读，附计算示例。",
        "body": SUBSISTENCE_INTERPRETATION,
        "interpretation_of": "dibao-shishi-xize",
    },
    {
        "slug": "gonggong-zulin-zhufang-baozhang-shishi-banfa",
        "title": "示例县公共租赁住房保障实施办法",
        "kind": DocumentKind.POLICY,
        "department": HOUSING,
        "document_number": "示建发〔2025〕26号",
        "topic": Topic.CONSTRUCTION,
        "date_written": date(2025, 8, 28),
        "keywords": "公共租赁住房, 住房保障, 租金标准, 并联审查",
        "summary": "规定公共租赁住房的申请条件、并联审查、租金标准、合同期限和退出管理。",
        "body": PUBLIC_RENTAL_MEASURES,
        "attachments": ["public_rental_form"],
    },
    {
        "slug": "zhengwu-fuwu-zhongxin-chuangkou-guanli-banfa-2026",
        "title": "示例县政务服务中心窗口工作人员管理办法（2026年修订）",
        "kind": DocumentKind.POLICY,
        "department": SERVICE_OFFICE,
        "document_number": "示政服发〔2026〕2号",
        "topic": Topic.LABOUR,
        "date_written": date(2026, 4, 8),
        "keywords": "政务服务中心, 窗口管理, 无差别受理, 好差评",
        "summary": "修订后的窗口工作人员管理办法：推行无差别受理，月度考评纳入效能考核并公开。",
        "body": WINDOW_RULES_2026,
    },
    {
        "slug": "zhengwu-fuwu-zhongxin-chuangkou-guanli-banfa-2025",
        "title": "示例县政务服务中心窗口工作人员管理办法",
        "kind": DocumentKind.POLICY,
        "department": SERVICE_OFFICE,
        "document_number": "示政服发〔2025〕1号",
        "topic": Topic.LABOUR,
        "date_written": date(2025, 2, 10),
        "keywords": "政务服务中心, 窗口管理",
        "summary": "2025 年印发的窗口工作人员管理办法，已于 2026 年修订。",
        "body": WINDOW_RULES_2025,
        "validity": Validity.AMENDED,
        "superseded_by": "zhengwu-fuwu-zhongxin-chuangkou-guanli-banfa-2026",
    },
    {
        "slug": "zhengfu-xinxi-gongkai-niandu-baogao-2025",
        "title": "示例县人民政府2025年政府信息公开工作年度报告",
        "kind": DocumentKind.REPORT,
        "department": GOV_OFFICE,
        "topic": Topic.GENERAL,
        "date_written": date(2026, 1, 20),
        "keywords": "政府信息公开, 年度报告, 依申请公开, 主动公开",
        "summary": "2025 年主动公开、依申请公开、行政复议和行政诉讼情况，存在的问题及改进措施。",
        "body": DISCLOSURE_REPORT_2025,
    },
    {
        "slug": "fazhi-zhengfu-jianshe-qingkuang-baogao-2025",
        "title": "示例县人民政府关于2025年法治政府建设情况的报告",
        "kind": DocumentKind.REPORT,
        "department": GOV_OFFICE,
        "topic": Topic.SECURITY,
        "date_written": date(2026, 2, 10),
        "keywords": "法治政府建设, 年度报告, 行政执法, 重大行政决策",
        "summary": (
            "2025 年依法履职、规范执法、重大行政决策和权力监督情况，存在的不足和 2026 年打算。"
        ),
        "body": RULE_OF_LAW_REPORT_2025,
    },
    {
        "slug": "zhengwu-gongkai-gongzuo-yaodian-2026",
        "title": "示例县2026年政务公开工作要点",
        "kind": DocumentKind.PLAN,
        "department": GOV_OFFICE,
        "document_number": "示政办发〔2026〕6号",
        "topic": Topic.GENERAL,
        "date_written": date(2026, 3, 5),
        "keywords": "政务公开, 工作要点, 办事指南, 政策解读",
        "summary": (
            "围绕办事服务、收费和执法、重大决策、政策解读和平台建设部署 2026 年政务公开工作。"
        ),
        "body": DISCLOSURE_PLAN_2026,
    },
    {
        "slug": "minsheng-shishi-xiangmu-jihua-2026",
        "title": "示例县2026年民生实事项目实施计划",
        "kind": DocumentKind.PLAN,
        "department": GOV_OFFICE,
        "document_number": "示政发〔2026〕3号",
        "topic": Topic.ECONOMY,
        "date_written": date(2026, 2, 6),
        "keywords": "民生实事, 实施计划, 老旧小区改造, 公共停车",
        "summary": "2026 年县政府办好的 10 件民生实事、牵头单位和进展公开安排。",
        "body": LIVELIHOOD_PLAN_2026,
    },
    {
        "slug": "chengxiang-jumin-yibao-jiaofei-tonggao-2027",
        "title": "关于做好2027年度城乡居民基本医疗保险集中参保缴费工作的通告",
        "kind": DocumentKind.NOTICE,
        "department": MEDICAL_SECURITY,
        "document_number": "示医保发〔2026〕9号",
        "topic": Topic.HEALTH,
        "date_written": date(2026, 8, 25),
        "keywords": "城乡居民医保, 参保缴费, 缴费标准, 资助参保",
        "summary": (
            "2027 年度城乡居民医保个人缴费标准为每人 420 元，"
            "集中缴费期为 2026 年 9 月 1 日至 12 月 31 日。"
        ),
        "body": MEDICAL_INSURANCE_NOTICE,
    },
    {
        "slug": "chunjie-chuangkou-fuwu-anpai-2026",
        "title": "示例县政务服务中心关于2026年春节假期窗口服务安排的公告",
        "kind": DocumentKind.NOTICE,
        "department": SERVICE_OFFICE,
        "topic": Topic.GENERAL,
        "date_written": date(2026, 2, 6),
        "keywords": "春节, 窗口服务, 放假安排, 网上办理",
        "summary": "2026 年春节 2 月 15 日至 23 日窗口暂停现场服务，2 月 14 日、28 日正常上班。",
        "body": SPRING_FESTIVAL_NOTICE,
    },
    {
        "slug": "shipin-anquan-ni-dian-wo-jian-2026",
        "title": "示例县市场监督管理局关于开展2026年食品安全“你点我检”活动的公告",
        "kind": DocumentKind.NOTICE,
        "department": MARKET,
        "topic": Topic.MARKET,
        "date_written": date(2026, 5, 12),
        "keywords": "食品安全, 你点我检, 抽检, 结果公开",
        "summary": "群众点单、市场监管部门抽检、结果每月公开：2026 年食品安全“你点我检”活动安排。",
        "body": FOOD_CHECK_NOTICE,
    },
]


# -- builders --------------------------------------------------------------------------------------


def load(home):
    """Create the 示例县 disclosure catalogue and its content under `home`; safe to run again."""
    departments = _departments()
    index = _catalogue(home)
    documents = {key: _document(*spec) for key, spec in DOCUMENTS.items()}
    schedules = [_fee_schedule(index, data, departments) for data in FEE_SCHEDULES]
    fee_items = {item.name: item for item in FeeItem.objects.filter(page__in=schedules)}
    for data in PENALTY_STANDARDS:
        _penalty_standard(index, data, departments)
    for data in PROCEDURES:
        _procedure(index, data, departments, fee_items, documents)
    for data in POLICY_DOCUMENTS:
        _policy_document(index, data, departments, documents)
    from . import demo_powers  # here: demo_powers reuses this module's tables and helpers

    demo_powers.load(home)


def _departments():
    """The kernel demo's departments by code; they must exist (portal's demo runs first)."""
    return {code: Department.objects.get(code=code) for code in DEPARTMENT_CODES}


def _catalogue(home):
    """The singleton catalogue page at /disclosure/, created and published if missing."""
    index = DisclosureIndexPage.objects.first()
    if index is None:
        index = DisclosureIndexPageFactory(
            parent=home, live=False, introduction=CATALOGUE_INTRODUCTION
        )
        index = publish(index)
    return index


def _child(index, slug):
    page = index.get_children().filter(slug=slug).first()
    return page.specific if page else None


def _metadata(data, departments):
    """The disclosure metadata every page of the demo carries."""
    return {
        "title": data["title"],
        "slug": data["slug"],
        "summary": data["summary"],
        "issuing_department": departments[data["department"]],
        "document_number": data.get("document_number", ""),
        "topic": data["topic"],
        "date_written": data["date_written"],
        "keywords": data["keywords"],
    }


def _validated(row):
    """Save a child row after the checks an editor's form would run."""
    row.full_clean()
    row.save()
    return row


def _publish(page):
    """Validate the draft as an editor's save would, then publish it through a revision."""
    page.full_clean()
    return publish(page)


def _document(title, filename, text):
    """A small text document in the library, found by title or created."""
    model = get_document_model()
    document = model.objects.filter(title=title).first()
    if document is None:
        content = text.encode("utf-8")
        document = model(
            title=title,
            file=ContentFile(content, name=filename),
            file_size=len(content),
            file_hash=hash_filelike(BytesIO(content)),
        )
        document.full_clean()
        document.save()
    return document


def _fee_schedule(index, data, departments):
    """A fee schedule with its items; items missing by name are added and the schedule
    republished, so that the public change log records them."""
    page = _child(index, data["slug"])
    if page is None:
        page = FeeSchedulePageFactory(
            parent=index,
            published=False,
            items=[],
            introduction=data["introduction"],
            **_metadata(data, departments),
        )
    existing = set(FeeItem.objects.filter(page=page).values_list("name", flat=True))
    missing = [item for item in data["items"] if item["name"] not in existing]
    for order, item in enumerate(missing, start=len(existing)):
        fields = dict(item)
        fields["charging_department"] = departments[fields.pop("department")]
        _validated(FeeItemFactory.build(page=page, sort_order=order, **fields))
    if missing:
        page = _publish(page)
    return page


def _penalty_standard(index, data, departments):
    if _child(index, data["slug"]) is not None:
        return
    page = PenaltyDiscretionPageFactory(
        parent=index,
        published=False,
        introduction=data["introduction"],
        offences=data["offences"],
        first_offence_exemptions=data["first"],
        minor_offence_exemptions=data["minor"],
        **_metadata(data, departments),
    )
    # StreamField content is checked by its blocks (tier count, order, fines within the legal
    # maximum) only in forms, so run the same block validation here.
    stored = type(page).objects.get(pk=page.pk)
    for name in ("offences", "first_offence_exemptions", "minor_offence_exemptions"):
        page._meta.get_field(name).stream_block.clean(getattr(stored, name))
    _publish(page)


def _limit(value):
    """(days, immediate) of a time limit given as a number of working days or IMMEDIATE."""
    return (None, True) if value == IMMEDIATE else (value, False)


def _procedure(index, data, departments, fee_items, documents):
    if _child(index, data["slug"]) is not None:
        return
    statutory_days, statutory_immediate = _limit(data["statutory"])
    promised_days, promised_immediate = _limit(data["promised"])
    page = ServiceProcedurePageFactory(
        parent=index,
        published=False,
        materials=[],
        steps=[],
        item_type=data["item_type"],
        legal_basis=_list(data["legal_basis"]),
        acceptance_conditions=_list(data["conditions"], ordered=True),
        statutory_days=statutory_days,
        statutory_immediate=statutory_immediate,
        promised_days=promised_days,
        promised_immediate=promised_immediate,
        free_of_charge=not data["fees"],
        location=data["location"],
        office_hours=data["hours"],
        online_url=data.get("online_url", ""),
        visits_required=data["visits"],
        consultation_phone=data["phone"],
        supervision_phone=SUPERVISION_PHONE,
        **_metadata(data, departments),
    )
    for order, material in enumerate(data["materials"]):
        _validated(
            ApplicationMaterialFactory.build(
                page=page,
                sort_order=order,
                name=material.name,
                form=material.form,
                copies=material.copies,
                required=material.required,
                notes=material.notes,
                template_document=documents[material.template] if material.template else None,
            )
        )
    for order, step in enumerate(data["steps"]):
        _validated(
            ProcedureStepFactory.build(
                page=page,
                sort_order=order,
                name=step.name,
                responsible_post=step.post,
                time_limit=step.time_limit,
                description=step.description,
            )
        )
    page.parallel_departments.set([departments[code] for code in data.get("parallel", [])])
    page.fee_items.set([fee_items[name] for name in data["fees"]])
    _publish(page)


def _policy_document(index, data, departments, documents):
    if _child(index, data["slug"]) is not None:
        return
    page = PolicyDocumentPageFactory(
        parent=index,
        published=False,
        kind=data["kind"],
        body=_rich(data["body"]),
        validity=data.get("validity", Validity.VALID),
        superseded_by=_child(index, data["superseded_by"]) if "superseded_by" in data else None,
        interpretation_of=(
            _child(index, data["interpretation_of"]) if "interpretation_of" in data else None
        ),
        **_metadata(data, departments),
    )
    for order, key in enumerate(data.get("attachments", [])):
        _validated(DisclosureAttachment(page=page, document=documents[key], sort_order=order))
    _publish(page)
