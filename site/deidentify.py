"""Mask personal data in text that is published: names, phone numbers, ID-card numbers, vehicle
plates, e-mail addresses and street addresses."""

import re

ID_CARD = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}\d{2}\d{2}\d{3}[0-9Xx](?![0-9A-Za-z])"
)
MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)")
LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[- ]?(\d{7,8})(?!\d)")
EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
PLATE = re.compile(
    r"([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])"
    r"\s?([A-HJ-NP-Z])[·• ]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]"
)
# A house number after a road, street, lane, village or community name, with any building,
# unit and room that follow: 人民路 128 号 3 幢 2 单元 501 室.
STREET_NUMBER = re.compile(
    r"(路|街|巷|弄|大道|村|社区|小区|公寓|花园|大厦)\s*"
    r"(?:\d+|[一二三四五六七八九十百]+)\s*(?:号|弄|组)"
    r"(?:\s*(?:\d+|[一二三四五六七八九十]+)\s*(?:幢|栋|号楼|楼))?"
    r"(?:\s*\d+\s*单元)?(?:\s*\d+\s*(?:室|号房))?"
)
BUILDING_ROOM = re.compile(r"\d+\s*(?:幢|栋|号楼)\s*(?:\d+\s*单元\s*)?\d+\s*室")
# Self-introductions: 我叫张三 / 本人王小明 / 姓名：李四.
INTRODUCED_NAME = re.compile(r"(我叫|我是|本人|姓名[:：]?\s*)([\u4e00-\u9fff]{2,3})")


def mask_name(name):
    """张三 → 张某, 欧阳娜娜 → 欧某某某: the family name stays, the rest becomes 某."""
    name = name.strip()
    if not name:
        return name
    return name[0] + "某" * (len(name) - 1)


def deidentify(text, *, names=()):
    """`text` with personal data masked; `names` are people known to be mentioned (the
    complainant, a named official), masked wherever they appear."""
    if not text:
        return text or ""
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        text = text.replace(name, mask_name(name))
    text = ID_CARD.sub(lambda m: m.group(0)[:6] + "*" * 12, text)
    text = EMAIL.sub(lambda m: f"{m.group(1)}***@{m.group(2)}", text)
    text = MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    text = LANDLINE.sub(lambda m: f"{m.group(1)}-****", text)
    text = PLATE.sub(lambda m: f"{m.group(1)}{m.group(2)}*****", text)
    text = STREET_NUMBER.sub(lambda m: f"{m.group(1)}**号", text)
    text = BUILDING_ROOM.sub("**室", text)
    text = INTRODUCED_NAME.sub(lambda m: m.group(1) + mask_name(m.group(2)), text)
    return text
