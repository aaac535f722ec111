"""Demo 错敏词 list: common wrong wordings of government texts, with the form to use instead.

Loaded by `manage.py load_demo`; safe to run again (words are matched on the word itself, and a
word an administrator has edited keeps the administrator's version).
"""

from .wording import SensitiveWord

# (word, replacement, note)
WORDS = [
    # The country's and central organs' names, wrongly written.
    ("中华人民共合国", "中华人民共和国", "国名错字。"),
    ("中华人名共和国", "中华人民共和国", "国名错字。"),
    ("中国人民共和国", "中华人民共和国", "国名错误。"),
    ("国务院办公庁", "国务院办公厅", "机构名称错字（“庁”为日文字形）。"),
    ("国务院办公室", "国务院办公厅", "机构名称错误：国务院的办事机构是“国务院办公厅”。"),
    (
        "全国人大常委员会",
        "全国人大常委会",
        "机构简称错误：应为“全国人大常委会”或全称“全国人民代表大会常务委员会”。",
    ),
    ("全国人民代表大会常委会", "全国人民代表大会常务委员会", "全称与简称混用。"),
    ("中共中央国务院", "中共中央、国务院", "两个机关联合发文时中间加顿号。"),
    # Leaders' titles: a wrong title in a government text is a serious error.
    ("国家主度", "国家主席", "领导职务名称错字，须逐字核对。"),
    ("国务院总里", "国务院总理", "领导职务名称错字，须逐字核对。"),
    ("国务院付总理", "国务院副总理", "领导职务名称错字（“付”应为“副”）。"),
    ("付县长", "副县长", "职务名称错字（“付”应为“副”）。"),
    ("付局长", "副局长", "职务名称错字（“付”应为“副”）。"),
    ("付主任", "副主任", "职务名称错字（“付”应为“副”）。"),
    ("县委付书记", "县委副书记", "职务名称错字（“付”应为“副”）。"),
    # Agencies renamed in the 2018 institutional reform.
    (
        "国土资源局",
        "自然资源局",
        "2018 年机构改革后为“自然资源和规划局”或“自然资源局”，以本县机构名称为准。",
    ),
    ("工商局", "市场监督管理局", "2018 年机构改革后工商、质监、食药监职责并入市场监督管理局。"),
    ("工商行政管理局", "市场监督管理局", "2018 年机构改革后并入市场监督管理局。"),
    ("质监局", "市场监督管理局", "2018 年机构改革后并入市场监督管理局。"),
    ("质量技术监督局", "市场监督管理局", "2018 年机构改革后并入市场监督管理局。"),
    ("食药监局", "市场监督管理局", "2018 年机构改革后并入市场监督管理局。"),
    ("食品药品监督管理局", "市场监督管理局", "县级食品药品监管职责已并入市场监督管理局。"),
    (
        "卫计委",
        "卫生健康委员会",
        "2018 年机构改革后为“卫生健康委员会”（简称“卫健委”）或卫生健康局。",
    ),
    ("卫生和计划生育委员会", "卫生健康委员会", "2018 年机构改革后更名。"),
    ("环保局", "生态环境局", "2018 年机构改革后为“生态环境局”（县级多为市生态环境局分局）。"),
    ("安监局", "应急管理局", "2018 年机构改革后安全生产监管职责并入应急管理局。"),
    # Common wrong characters and usage (per 《现代汉语词典》 and the GB/T 9704 practice).
    ("截止目前", "截至目前", "表示“到某时为止”用“截至”；“截止”用于“截止日期”“报名截止”等。"),
    ("截止到", "截至", "“截止到”是赘余写法，表示“到某时为止”用“截至”。"),
    (
        "截止",
        "截至",
        "表示“到某时为止”（如“截止 10 月底”）应为“截至”；“截止日期”中的用法无误，审核确认即可。",
    ),
    ("帐号", "账号", "按《第一批异形词整理表》及通用规范，“账号”“账户”用“账”。"),
    ("帐户", "账户", "与财物、记账有关用“账”。"),
    ("做为", "作为", "“作为”不写作“做为”。"),
    ("其它", "其他", "规范用法统一用“其他”（《现代汉语词典》第 7 版以“其他”为推荐词形）。"),
    ("按装", "安装", "错别字。"),
    ("即使生效", "即时生效", "表示“立即”用“即时”。"),
    (
        "办事指引",
        "办事指南",
        "本站统一使用“办事指南”（国务院办公厅政务服务事项办事指南要素规范）。",
    ),
]


def load(home):
    """The demo list; existing words are left as an administrator may have edited them."""
    existing = set(SensitiveWord.objects.values_list("word", flat=True))
    SensitiveWord.objects.bulk_create(
        SensitiveWord(word=word, replacement=replacement, note=note)
        for word, replacement, note in WORDS
        if word not in existing
    )
    SensitiveWord.list_changed()
