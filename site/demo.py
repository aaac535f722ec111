"""Demo content of the kernel: the fictional 示例县, its departments and site settings.

`load_demo` calls `load(home)` of every installed app that has a `demo` module, in the order of
INSTALLED_APPS, then `finish(home)` here, so that the kernel never imports an app.
"""

from .factories import DepartmentFactory, portal_settings

COUNTY = "示例县"

DEPARTMENTS = [
    # (name, short name, code, leader title, phone)
    ("示例县人民政府办公室", "县府办", "11331001", "主任", "0571-86010001"),
    ("示例县发展和改革局", "县发改局", "11331002", "局长", "0571-86010002"),
    ("示例县市场监督管理局", "县市场监管局", "11331003", "局长", "0571-86010003"),
    ("示例县自然资源和规划局", "县自然资源局", "11331004", "局长", "0571-86010004"),
    ("示例县住房和城乡建设局", "县住建局", "11331005", "局长", "0571-86010005"),
    ("示例县人力资源和社会保障局", "县人力社保局", "11331006", "局长", "0571-86010006"),
    ("示例县医疗保障局", "县医保局", "11331007", "局长", "0571-86010007"),
    ("示例县民政局", "县民政局", "11331008", "局长", "0571-86010008"),
    ("示例县公安局", "县公安局", "11331009", "局长", "0571-86010009"),
    ("示例县交通运输局", "县交通局", "11331010", "局长", "0571-86010010"),
    ("示例县卫生健康局", "县卫健局", "11331011", "局长", "0571-86010011"),
    ("示例县综合行政执法局", "县综合执法局", "11331012", "局长", "0571-86010012"),
    ("示例县政务服务管理办公室", "县政务服务办", "11331013", "主任", "0571-86010013"),
]

SETTINGS = {
    "county_name": COUNTY,
    "site_name": "政务公开",
    "host_organisation": "示例县人民政府办公室",
    "hotline": "12345",
    "contact_address": "示例县城关镇人民路 1 号县行政中心",
    "contact_phone": "0571-86010001",
    "contact_email": "zwgk@example.gov.cn",
    "website_code": "3310220001",
    "icp_number": "示ICP备20260001号",
    "police_record_number": "示公网安备 33102202000001号",
    "complaint_accept_days": 1,
    "complaint_reply_days": 15,
}

# Entry points on the home page, each shown once the section page with that slug exists.
ENTRY_POINTS = [
    ("办事服务", "办事指南、收费标准、处罚裁量基准", "disclosure"),
    ("政务公开", "政府信息公开目录与政策文件", "disclosure"),
    ("重大决策", "决策公示、征求意见与采纳情况", "decisions"),
    ("投诉与建议", "投诉、查询办理进度与评价", "complaints"),
    ("月通报", "各部门月度效能通报", "bulletins"),
]


def load(home):
    """Departments (by code, idempotent) and the site settings of 示例县."""
    for order, (name, short, code, leader, phone) in enumerate(DEPARTMENTS, start=1):
        DepartmentFactory(
            name=name,
            short_name=short,
            code=code,
            leader_title=leader,
            phone=phone,
            email=f"office{code[-2:]}@example.gov.cn",
            sort_order=order * 10,
        )
    portal_settings(**SETTINGS)
    if not home.intro:
        home.intro = (
            "<p>公开透明、便民高效。在这里查找办事指南、阅读政策文件、"
            "参与重大决策、投诉与建议。</p>"
        )
        home.save_revision().publish()


def finish(home):
    """Point the home page's entry points at the sections that exist now."""
    sections = {page.slug: page for page in home.get_children().live()}
    entry_points = [
        (
            "entry_point",
            {"title": title, "description": description, "page": sections[slug], "url": ""},
        )
        for title, description, slug in ENTRY_POINTS
        if slug in sections
    ]
    current = [(block.block_type, block.value["title"]) for block in home.entry_points]
    wanted = [("entry_point", value["title"]) for _, value in entry_points]
    if current != wanted:
        home.entry_points = entry_points
        home.save_revision().publish()
