"""A small county site to measure search quality on: service procedures and policy documents of
示例县, written the way county pages are, and the queries people type with the page each must
find in the top three.

The pages are real page types (disclosure's service procedures and policy documents), created and
published through their factories, so they are indexed exactly as in production.
"""

DEPARTMENTS = {
    "office": ("示例县人民政府办公室", "县府办", "11331001"),
    "development": ("示例县发展和改革局", "县发改局", "11331002"),
    "market": ("示例县市场监督管理局", "县市场监管局", "11331003"),
    "land": ("示例县自然资源和规划局", "县自然资源局", "11331004"),
    "housing": ("示例县住房和城乡建设局", "县住建局", "11331005"),
    "labour": ("示例县人力资源和社会保障局", "县人力社保局", "11331006"),
    "insurance": ("示例县医疗保障局", "县医保局", "11331007"),
    "civil": ("示例县民政局", "县民政局", "11331008"),
    "police": ("示例县公安局", "县公安局", "11331009"),
    "transport": ("示例县交通运输局", "县交通局", "11331010"),
    "health": ("示例县卫生健康局", "县卫健局", "11331011"),
    "enforcement": ("示例县综合行政执法局", "县综合执法局", "11331012"),
    "service": ("示例县政务服务管理办公室", "县政务服务办", "11331013"),
}

# (key, kind, department, title, summary, text): kind "procedure" is a service procedure whose
# text is its acceptance conditions; "document" is a policy document whose text is its body.
PAGES = [
    (
        "business",
        "procedure",
        "market",
        "个体工商户营业执照办理指南",
        "个体工商户设立、变更、注销登记，当场办结，免费领取营业执照。",
        "有经营能力的公民从事工商业经营，可以申请登记为个体工商户。申请人持身份证、经营场所证明办理，"
        "材料齐全的当场发放营业执照，全程不收费。",
    ),
    (
        "food",
        "procedure",
        "market",
        "食品经营许可办事指南",
        "从事食品销售和餐饮服务，应当取得食品经营许可证。",
        "申请食品经营许可，应当具有与经营的食品品种、数量相适应的经营场所和设备设施，"
        "有专职或者兼职的食品安全管理人员和保证食品安全的规章制度。",
    ),
    (
        "realestate",
        "procedure",
        "land",
        "不动产登记办事指南",
        "房屋、土地等不动产的首次登记、转移登记、变更登记和抵押登记。",
        "申请人持身份证明、不动产权属来源材料和原不动产权证书办理。抵押登记需提交主债权合同和抵押合同，"
        "一般登记五个工作日内办结，颁发不动产权证书或者不动产登记证明。",
    ),
    (
        "sscard",
        "procedure",
        "labour",
        "社会保障卡申领办事指南",
        "首次申领、补领、换领第三代社会保障卡。",
        "参保人员持居民身份证到社保经办窗口或者合作银行网点申领社会保障卡，"
        "可以即时制卡，用于就医结算、待遇领取和身份凭证。",
    ),
    (
        "medical",
        "procedure",
        "insurance",
        "城乡居民基本医疗保险参保登记",
        "未参加职工医保的城乡居民，按年度参加居民医疗保险。",
        "城乡居民每年九月至十二月集中缴纳下一年度基本医疗保险费，新生儿、退役军人等可以随时参保，"
        "参保后享受门诊和住院报销待遇。",
    ),
    (
        "rental",
        "procedure",
        "housing",
        "公共租赁住房申请办事指南",
        "城镇中等偏下收入住房困难家庭、新就业无房职工申请公共租赁住房。",
        "申请家庭人均住房建筑面积低于十五平方米，家庭收入符合本县规定标准。经审核、公示、轮候后配租，"
        "租金按照市场租金的一定比例确定。",
    ),
    (
        "welfare",
        "procedure",
        "civil",
        "最低生活保障申请审批",
        "家庭人均收入低于当地最低生活保障标准的困难家庭，可以申请低保。",
        "申请人向户籍所在地乡镇人民政府提出书面申请，经家庭经济状况核对、入户调查、民主评议和公示，"
        "由县民政局审批，按月发放最低生活保障金。",
    ),
    (
        "planning",
        "procedure",
        "land",
        "建设工程规划许可证核发",
        "在规划区内新建、扩建、改建建筑物和构筑物，应当申请建设工程规划许可证。",
        "建设单位提交建设工程设计方案、土地权属证明和规划条件，经审查符合控制性详细规划的，"
        "核发建设工程规划许可证。",
    ),
    (
        "construction",
        "procedure",
        "housing",
        "建筑工程施工许可证核发",
        "工程投资额三十万元以上的建筑工程开工前，建设单位应当申请施工许可证。",
        "已经办理用地批准手续和建设工程规划许可证，施工场地已经具备施工条件，"
        "已经确定施工企业并落实安全施工措施的，核发建筑工程施工许可证。",
    ),
    (
        "idcard",
        "procedure",
        "police",
        "居民身份证办理指南",
        "首次申领、换领、补领居民身份证，可以异地办理。",
        "申请人到户籍所在地或者居住地公安机关户政窗口现场采集人像和指纹信息，"
        "六十个工作日内发证，可以选择邮寄送达。",
    ),
    (
        "driving",
        "procedure",
        "police",
        "机动车驾驶证换证办事指南",
        "驾驶证有效期满换证、信息变化换证和损毁换证。",
        "驾驶人在驾驶证有效期满前九十日内申请换证，提交身份证明和体检证明，"
        "可以在车管所或者交通安全综合服务站办理。",
    ),
    (
        "fund",
        "procedure",
        "housing",
        "住房公积金提取办事指南",
        "购房、租房、退休等情形提取住房公积金。",
        "职工购买、建造、翻建自住住房，或者租房自住、离休退休的，可以申请提取住房公积金账户余额，"
        "资金转入本人银行账户。",
    ),
    (
        "destitute",
        "procedure",
        "civil",
        "特困人员救助供养申请",
        "无劳动能力、无生活来源、无法定赡养抚养义务人的老年人、残疾人和未成年人。",
        "特困人员可以选择在当地供养服务机构集中供养，或者在家分散供养，由乡镇人民政府受理，"
        "县民政局审核确认。",
    ),
    (
        "disability",
        "procedure",
        "civil",
        "残疾人证办理指南",
        "第三代智能化残疾人证的申领、换领和迁移。",
        "申请人持户口簿、居民身份证和近期照片，到指定医院进行残疾评定，经评定符合标准的，"
        "发放残疾人证，享受相关补贴政策。",
    ),
    (
        "birth",
        "procedure",
        "health",
        "出生医学证明办理指南",
        "新生儿出生后首次签发、补发出生医学证明。",
        "出生医学证明由助产机构签发，是新生儿申报户口的重要凭证，父母持身份证明到出生医院办理，"
        "遗失的可以申请补发。",
    ),
    (
        "unemployment",
        "procedure",
        "labour",
        "失业保险金申领办事指南",
        "非因本人意愿中断就业的失业人员申领失业保险金。",
        "失业前用人单位和本人已经缴纳失业保险费满一年，并已进行失业登记、有求职要求的，"
        "可以按月领取失业保险金，领取期间可以参加职业培训。",
    ),
    (
        "dog",
        "procedure",
        "police",
        "养犬登记办事指南",
        "城区饲养犬只应当办理养犬登记并取得犬牌。",
        "养犬人持犬只狂犬病免疫证明和本人身份证件到公安机关办理养犬登记，"
        "每户限养一只，烈性犬禁止饲养。",
    ),
    (
        "transport",
        "procedure",
        "transport",
        "道路运输经营许可办事指南",
        "从事道路旅客运输和货物运输经营的许可。",
        "申请人应当有与其经营业务相适应并经检测合格的车辆，有符合规定条件的驾驶人员，"
        "有健全的安全生产管理制度。",
    ),
    (
        "taxidriver",
        "procedure",
        "transport",
        "网络预约出租汽车驾驶员证申请",
        "从事网约车服务的驾驶员应当取得网络预约出租汽车驾驶员证。",
        "申请人取得相应准驾车型机动车驾驶证并具有三年以上驾驶经历，无交通肇事犯罪记录，"
        "经全国统一考试合格后发证。",
    ),
    (
        "pension",
        "procedure",
        "labour",
        "城乡居民养老保险参保登记",
        "年满十六周岁、不在校、未参加职工养老保险的城乡居民参加居民养老保险。",
        "参保人自主选择缴费档次，按年缴费，政府给予缴费补贴，年满六十周岁按月领取基础养老金。",
    ),
    (
        "aid",
        "procedure",
        "insurance",
        "医疗救助申请办事指南",
        "低保对象、特困人员等困难群众的医疗费用救助。",
        "困难群众住院医疗费用经基本医疗保险、大病保险报销后，个人负担的合规费用按比例给予医疗救助，"
        "实行一站式结算。",
    ),
    (
        "hukou",
        "procedure",
        "police",
        "户口迁移办事指南",
        "投靠、购房、就业落户等户口迁入和迁出。",
        "申请人持居民户口簿、居民身份证和迁入地落户证明材料，到迁入地派出所户籍窗口办理，"
        "实行户口迁移一站式办理。",
    ),
    (
        "project",
        "procedure",
        "development",
        "企业投资项目备案办事指南",
        "不涉及国家安全、不在核准目录内的企业投资项目实行备案管理。",
        "企业通过投资项目在线审批监管平台如实填报项目信息，备案机关收到全部信息即为备案，"
        "备案不设前置条件。",
    ),
    (
        "gas",
        "procedure",
        "housing",
        "燃气经营许可办事指南",
        "从事管道燃气和瓶装燃气经营，应当取得燃气经营许可证。",
        "申请人应当有符合国家标准的燃气气源和燃气设施，有固定的经营场所、完善的安全管理制度"
        "和健全的经营方案。",
    ),
    (
        "education",
        "document",
        "office",
        "关于进一步加强中小学生教育引导工作的通知",
        "各乡镇人民政府、县政府各部门：为加强教育引导，现就有关事项通知如下。",
        "各学校要把思想品德教育引导贯穿教育教学全过程，加强家校协同，关注学生心理健康，"
        "做好课后服务和安全管理工作。",
    ),
    (
        "premium",
        "document",
        "insurance",
        "示例县2026年度城乡居民医疗保险缴费标准的通知",
        "2026年度城乡居民基本医疗保险个人缴费标准为每人每年400元。",
        "城乡居民医保个人缴费标准每人每年400元，财政补助标准不低于每人每年670元，"
        "缴费期为2025年9月1日至12月31日。",
    ),
    (
        "welfarestandard",
        "document",
        "civil",
        "关于调整最低生活保障标准的通知",
        "自2026年1月1日起，城乡最低生活保障标准统一调整为每人每月1100元。",
        "各乡镇要按照新标准及时调整低保金发放，做好最低生活保障对象动态管理，确保应保尽保。",
    ),
    (
        "ebike",
        "document",
        "police",
        "示例县电动自行车管理办法",
        "电动自行车实行登记上牌制度，驾驶人应当佩戴安全头盔。",
        "电动自行车所有人应当在购买之日起十五日内办理登记，领取号牌和行驶证，禁止违规停放和充电。",
    ),
    (
        "business_env",
        "document",
        "development",
        "关于持续优化营商环境的若干措施",
        "围绕企业开办、工程建设项目审批、获得信贷等方面优化营商环境。",
        "企业开办全程网上办理，一日办结；工程建设项目审批实行并联审批，"
        "推行告知承诺制，降低制度性交易成本。",
    ),
    (
        "spatial",
        "document",
        "land",
        "示例县国土空间总体规划（2021—2035年）公示",
        "示例县国土空间总体规划草案公示，征求社会公众意见。",
        "规划划定耕地和永久基本农田、生态保护红线、城镇开发边界三条控制线，"
        "公示期三十日，公众可以书面提出意见。",
    ),
    (
        "winter",
        "document",
        "office",
        "关于做好冬季安全生产工作的通知",
        "做好冬季防火、防寒、防冻和道路交通安全工作。",
        "各部门要开展安全隐患排查，落实安全生产责任制，加强值班值守，遇有突发情况及时报告。",
    ),
    (
        "renovation",
        "document",
        "housing",
        "示例县老旧小区改造实施方案",
        "2026年改造老旧小区二十个，涉及居民三千余户。",
        "改造内容包括供水、排水、供气等基础设施更新，加装电梯和无障碍设施，"
        "完善小区养老托育和停车设施。",
    ),
    (
        "garbage",
        "document",
        "enforcement",
        "关于开展农村生活垃圾分类工作的通知",
        "在全县行政村推行生活垃圾分类。",
        "各村要配齐分类收集容器，建立户分类、村收集、镇转运、县处理的工作机制，定期开展评比。",
    ),
    (
        "bridge",
        "document",
        "transport",
        "示例县桥梁安全隐患排查整治方案",
        "对全县公路桥梁开展安全隐患排查和分类整治。",
        "重点检查危旧桥梁的承载能力、限载标志和防撞设施，发现隐患立即设置警示并限期整治。",
    ),
    (
        "report",
        "document",
        "office",
        "示例县2025年政府信息公开工作年度报告",
        "本报告依据《中华人民共和国政府信息公开条例》编制。",
        "2025年全县主动公开政府信息一万余条，受理政府信息公开申请八十件，"
        "全部按期答复，未发生行政复议和诉讼。",
    ),
    (
        "onething",
        "document",
        "service",
        "关于公布高效办成一件事重点事项清单的通知",
        "公布新生儿出生、开办餐饮店等高效办成“一件事”重点事项清单。",
        "通过一次告知、一表申请、一套材料、一窗受理、一网办理，实现关联事项集成办理。",
    ),
    (
        "foodcheck",
        "document",
        "market",
        "示例县2026年第三季度食品安全抽检结果公告",
        "本季度共抽检食品三百批次，合格率百分之九十八点七。",
        "不合格食品涉及农药残留超标和微生物污染，县市场监管局已依法对相关经营者立案调查。",
    ),
    (
        "vaccine",
        "document",
        "health",
        "示例县疫苗接种服务指南",
        "儿童免疫规划疫苗和成人非免疫规划疫苗的接种地点和时间。",
        "儿童按照免疫程序接种免疫规划疫苗，接种前请携带预防接种证，接种后留观三十分钟。",
    ),
    (
        "compensation",
        "document",
        "land",
        "关于公布征收土地补偿安置标准的公告",
        "公布全县征收农用地区片综合地价和地上附着物补偿标准。",
        "被征收土地的农村集体经济组织成员按照规定纳入社会保障，住宅按照先补偿后搬迁的原则安置。",
    ),
    (
        "hotline",
        "document",
        "service",
        "示例县12345政务服务热线运行管理规则",
        "规范12345热线受理、转办、督办和回访工作。",
        "热线七乘二十四小时受理群众诉求，一般诉求五个工作日内办结，承办单位应当及时答复群众。",
    ),
    (
        "ridehail",
        "document",
        "transport",
        "示例县网约车经营服务管理实施细则",
        "规范网约车平台、车辆和驾驶员的经营服务。",
        "网约车平台公司应当取得经营许可，车辆应当取得网络预约出租汽车运输证，"
        "驾驶员应当取得驾驶员证。",
    ),
    (
        "rent",
        "document",
        "housing",
        "关于调整公租房租金标准的通知",
        "公租房租金标准按照同地段市场租金的百分之七十确定。",
        "承租家庭按月缴纳租金，符合条件的低保家庭可以申请租金减免，新标准自2026年7月1日起执行。",
    ),
]

# Keywords of some pages (a citizen's own names for them), so that pinyin, initials and typos are
# also measured on terms that are in no title.
KEYWORDS = {
    "business": "个体户, 营业执照, 个体经营",
    "realestate": "房产证, 不动产权证书, 过户",
    "sscard": "社保卡",
    "hukou": "落户, 迁户口",
    "dog": "犬牌, 狗证",
    "idcard": "身份证",
    "birth": "出生证",
    "disability": "残疾证",
    "unemployment": "失业金",
    "vaccine": "打疫苗, 预防接种",
    "hotline": "市民热线",
    "ebike": "电动车上牌, 头盔",
    "garbage": "垃圾分类",
    "dilapidated": "农村危房改造, 补助资金",
}

# Pages whose titles say nothing of what they are about, or split it with a space.
PAGES += [
    (
        "dilapidated",
        "document",
        "housing",
        "示例县人民政府公告（2026年第3号）",
        "现将有关事项公告如下。",
        "2026年对全县农村危房改造对象发放补助资金，每户补助二万元，由乡镇人民政府组织验收。",
    ),
    (
        "parking",
        "document",
        "development",
        "城区公共停车场 收费标准",
        "城区公共停车场实行分时段计费。",
        "白天首小时三元，之后每小时二元；夜间每次五元；新能源汽车首两小时免费。",
    ),
]

# (query, key of the page that must be in the top three, category)
QUERIES = [
    ("教育", "education", "2 characters"),
    ("桥梁", "bridge", "2 characters"),
    ("燃气", "gas", "2 characters"),
    ("户口", "hukou", "2 characters"),
    ("备案", "project", "2 characters"),
    ("垃圾", "garbage", "2 characters"),
    ("疫苗", "vaccine", "2 characters"),
    ("热线", "hotline", "2 characters"),
    ("不动产", "realestate", "3-5 characters"),
    ("营商环境", "business_env", "3-5 characters"),
    ("施工许可", "construction", "3-5 characters"),
    ("公积金", "fund", "3-5 characters"),
    ("出生医学证明", "birth", "3-5 characters"),
    ("老旧小区", "renovation", "3-5 characters"),
    ("食品经营许可", "food", "3-5 characters"),
    ("失业保险金", "unemployment", "3-5 characters"),
    ("工商户", "business", "crossing words"),
    ("规划许可", "planning", "crossing words"),
    ("生活垃圾", "garbage", "crossing words"),
    ("驾驶证换", "driving", "crossing words"),
    ("空间总体", "spatial", "crossing words"),
    ("安置标准", "compensation", "crossing words"),
    ("不动产 抵押", "realestate", "several words"),
    ("公租房 租金", "rent", "several words"),
    ("医保 缴费", "premium", "several words"),
    ("驾驶证 换证", "driving", "several words"),
    ("食品 抽检", "foodcheck", "several words"),
    ('"最低生活保障标准"', "welfarestandard", "phrase"),
    ('"政府信息公开"', "report", "phrase"),
    ("“一件事”", "onething", "phrase"),
    ('"国土空间"', "spatial", "phrase"),
    ("budongchan", "realestate", "pinyin"),
    ("yingyezhizhao", "business", "pinyin"),
    ("gongjijin", "fund", "pinyin"),
    ("yiliaojiuzhu", "aid", "pinyin"),
    ("hukou", "hukou", "pinyin"),
    ("bdc", "realestate", "initials"),
    ("yyzz", "business", "initials"),
    ("gjj", "fund", "initials"),
    ("wyc", "ridehail", "initials"),
    ("gzf", "rent", "initials"),
    ("shehuibaozhangka", "sscard", "pinyin"),
    ("yanglaobaoxian", "pension", "pinyin"),
    ("shigongxuke", "construction", "pinyin"),
    ("jiashizheng", "driving", "pinyin"),
    ("guohu", "realestate", "pinyin"),
    ("gouzheng", "dog", "pinyin"),
    ("shiminrexian", "hotline", "pinyin"),
    ("canjizheng", "disability", "pinyin"),
    ("shiyejin", "unemployment", "pinyin"),
    ("dayimiao", "vaccine", "pinyin"),
    ("luohu", "hukou", "pinyin"),
    ("weifanggaizao", "dilapidated", "pinyin"),
    ("gonggongtingchechangshoufei", "parking", "pinyin"),
    ("gth", "business", "initials"),
    ("smrx", "hotline", "initials"),
    ("csz", "birth", "initials"),
    ("ddc", "ebike", "initials"),
    ("ljfl", "garbage", "initials"),
    ("sfz", "idcard", "initials"),
    ("gjjtq", "fund", "initials"),
    ("wfgz", "dilapidated", "initials"),
    ("ggtccsf", "parking", "initials"),
    ("不动产登纪", "realestate", "homophone typo"),
    ("营业执招", "business", "homophone typo"),
    ("公基金", "fund", "homophone typo"),
    ("低饱", "welfare", "homophone typo"),
    ("残急人证", "disability", "homophone typo"),
    ("燃汽", "gas", "homophone typo"),
    ("户级窗口", "hukou", "homophone typo"),
    ("狂犬病免役", "dog", "homophone typo"),
    ("并连审批", "business_env", "homophone typo"),
    ("告之承诺", "business_env", "homophone typo"),
    ("残疾评订", "disability", "homophone typo"),
    ("缴费档刺", "pension", "homophone typo"),
    ("留观三十分种", "vaccine", "homophone typo"),
    ("抵压登记", "realestate", "homophone typo"),
    ("公积金题取", "fund", "homophone typo"),
    ("危房改照", "dilapidated", "homophone typo"),
    ("医保", "medical", "abbreviation"),
    ("社保卡", "sscard", "abbreviation"),
    ("公租房", "rental", "abbreviation"),
    ("低保", "welfare", "abbreviation"),
    ("营业执照", "business", "abbreviation"),
    ("网约车", "taxidriver", "abbreviation"),
    ("房产证", "realestate", "abbreviation"),
    ("犬", "dog", "single character"),
    ("桥", "bridge", "single character"),
    ("疫", "vaccine", "single character"),
    ("燃", "gas", "single character"),
]


def build_corpus(home):
    """Create and publish the corpus under a disclosure catalogue; {key: page}."""
    from disclosure.factories import (
        DisclosureIndexPageFactory,
        PolicyDocumentPageFactory,
        ServiceProcedurePageFactory,
    )
    from portal.factories import DepartmentFactory

    departments = {
        key: DepartmentFactory(name=name, short_name=short, code=code)
        for key, (name, short, code) in DEPARTMENTS.items()
    }
    catalogue = DisclosureIndexPageFactory(parent=home)
    pages = {}
    for key, kind, department, title, summary, text in PAGES:
        common = {
            "parent": catalogue,
            "title": title,
            "slug": key.replace("_", "-"),
            "summary": summary,
            "issuing_department": departments[department],
            "keywords": KEYWORDS.get(key, ""),
        }
        if kind == "procedure":
            page = ServiceProcedurePageFactory(**common, acceptance_conditions=f"<p>{text}</p>")
        else:
            page = PolicyDocumentPageFactory(**common, body=f"<p>{text}</p>")
        pages[key] = page
    return pages
