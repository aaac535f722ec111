"""Mask personal data in text that is published: names, phone numbers, ID-card numbers, vehicle
plates, e-mail addresses and street addresses.

Citizens write numbers in many forms: full-width digits (１３８…), Chinese numerals
(一三八〇〇…), separators inside (138－0013 8000, 138.0013.8000), area codes in brackets
((0571)86012345) and e-mail addresses spelt name(at)host. Contact data is therefore found in a
normalised copy of the text (NFKC, Chinese numerals as digits, separators between digits
allowed) and masked in the original text: every character of the copy remembers which
characters of the original it came from, so a match in the copy names the span to replace."""

import re
import unicodedata

# Characters that people put between the digits of one number.
SEPARATORS = frozenset(" -.·_()\u2010\u2011\u2012\u2013\u2014\u2212\u30fb")
# Digits read out one by one: 一三八〇〇一三八〇〇〇, 幺三八…, and the financial forms.
CHINESE_DIGITS = {
    **dict.fromkeys("〇○零", "0"),
    **dict.fromkeys("一壹幺", "1"),
    **dict.fromkeys("二贰", "2"),
    **dict.fromkeys("三叁", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆", "6"),
    **dict.fromkeys("七柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖", "9"),
}
# name(at)host, name [at] host, name @ host, host(dot)com: the spellings that dodge a naive filter.
SPELT_AT = re.compile(r"\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s*@\s*", re.IGNORECASE)
SPELT_DOT = re.compile(r"\s*[(\[{<]\s*dot\s*[)\]}>]\s*", re.IGNORECASE)

# Patterns for the digits of one number once its separators are removed.
ID_CARD = re.compile(
    r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9X]"
)
# First-generation cards: fifteen digits, the birth date without the century.
ID_CARD_15 = re.compile(r"[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}")
MOBILE = re.compile(r"(?:86)?(1[3-9]\d)\d{4}(\d{4})")
# Area codes: 010 and 02x have three digits, the others four.
LANDLINE = re.compile(r"(0(?:[12]\d|[3-9]\d{2}))\d{7,8}")
EMAIL = re.compile(
    r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
)

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


def normalise(text):
    """(normalised text, origin): the text with NFKC applied, Chinese numerals and other
    decimal digits as ASCII digits and spelt-out @ and dots as symbols; origin[i] is the
    (start, end) in `text` that character i of the normalised text came from."""
    chars = []
    for index, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char):
            if folded in CHINESE_DIGITS:
                folded = CHINESE_DIGITS[folded]
            elif not folded.isascii() and unicodedata.decimal(folded, None) is not None:
                folded = str(unicodedata.decimal(folded))
            chars.append((folded, index, index + 1))
    for pattern, symbol in ((SPELT_AT, "@"), (SPELT_DOT, ".")):
        flat = "".join(char for char, _start, _end in chars)
        for match in reversed(list(pattern.finditer(flat))):
            if match.group(0) == symbol:
                continue
            start, end = match.span()
            chars[start:end] = [(symbol, chars[start][1], chars[end - 1][2])]
    return "".join(char for char, _s, _e in chars), [(s, e) for _c, s, e in chars]


def _number_runs(text):
    """The runs of digits in normalised `text` that may be one number written with separators:
    yields (digits, positions, breaks, after_letter). positions[i] is where digit i stands in
    `text`; a number starts and ends at a break (the run's edges or a separator); a final X
    (ID-card check digit) counts as a digit; after_letter: the run follows a Latin letter."""
    length, i = len(text), 0
    while i < length:
        if not text[i].isdigit() or not text[i].isascii():
            i += 1
            continue
        begin = i
        digits, positions, breaks = [], [], {0}
        while True:
            digits.append(text[i])
            positions.append(i)
            j = i + 1
            while j < length and j - i <= 3 and text[j] in SEPARATORS:
                j += 1
            if j < length and text[j].isascii() and text[j].isdigit():
                if j > i + 1:
                    breaks.add(len(digits))
                i = j
                continue
            if (
                j < length
                and text[j] in "Xx"
                and not (j + 1 < length and text[j + 1].isascii() and text[j + 1].isalnum())
            ):
                digits.append("X")
                positions.append(j)
                i = j + 1
            else:
                i += 1
            break
        after_letter = begin > 0 and text[begin - 1].isascii() and text[begin - 1].isalpha()
        yield "".join(digits), positions, breaks | {len(digits)}, after_letter


def _mask_number(digits, *, after_letter):
    """The masked form of `digits` if they are a whole ID-card, mobile or landline number."""
    if not after_letter:
        if len(digits) == 18 and ID_CARD.fullmatch(digits):
            return digits[:6] + "*" * 12
        if len(digits) == 15 and ID_CARD_15.fullmatch(digits):
            return digits[:6] + "*" * 9
    if match := MOBILE.fullmatch(digits):
        return f"{match.group(1)}****{match.group(2)}"
    if match := LANDLINE.fullmatch(digits):
        return f"{match.group(1)}-****"
    return None


def _contact_spans(text):
    """(start, end, replacement) in the original `text` for each e-mail address, ID-card,
    mobile and landline number, however it is written; non-overlapping, in order."""
    flat, origin = normalise(text)
    found = []
    for match in EMAIL.finditer(flat):
        found.append((match.start(), match.end(), f"{match.group(1)}***@{match.group(2)}"))
    taken = [(start, end) for start, end, _r in found]
    for digits, positions, breaks, after_letter in _number_runs(flat):
        # 第一13800138000: a switch between 一二三 and 123 in the original also ends a number.
        chinese = [text[origin[position][0]] in CHINESE_DIGITS for position in positions]
        breaks |= {k for k in range(1, len(digits)) if chinese[k] != chinese[k - 1]}
        bounds = sorted(breaks)
        index = 0
        while index < len(bounds) - 1:
            start = bounds[index]
            # The longest number that starts here and ends at a break wins.
            for stop in reversed(bounds[index + 1 :]):
                masked = _mask_number(digits[start:stop], after_letter=after_letter and start == 0)
                if masked is None:
                    continue
                first, last = positions[start], positions[stop - 1] + 1
                if first > 0 and flat[first - 1] == "(" and LANDLINE.fullmatch(digits[start:stop]):
                    first -= 1
                if first > 0 and flat[first - 1] == "+" and digits[start:stop].startswith("86"):
                    first -= 1
                if not any(first < end and begin < last for begin, end in taken):
                    found.append((first, last, masked))
                index = bounds.index(stop) - 1
                break
            index += 1
    return sorted((origin[first][0], origin[last - 1][1], masked) for first, last, masked in found)


def mask_contact_data(text):
    """`text` with e-mail addresses, ID-card, mobile and landline numbers masked, in any of the
    forms people write them (full-width, Chinese numerals, separators, (at))."""
    if not text:
        return text or ""
    pieces, done = [], 0
    for start, end, masked in _contact_spans(text):
        if start < done:
            continue
        pieces += [text[done:start], masked]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def deidentify(text, *, names=()):
    """`text` with personal data masked; `names` are people known to be mentioned (the
    complainant, a named official), masked wherever they appear."""
    if not text:
        return text or ""
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        text = text.replace(name, mask_name(name))
    text = mask_contact_data(text)
    text = PLATE.sub(lambda m: f"{m.group(1)}{m.group(2)}*****", text)
    text = STREET_NUMBER.sub(lambda m: f"{m.group(1)}**号", text)
    text = BUILDING_ROOM.sub("**室", text)
    text = INTRODUCED_NAME.sub(lambda m: m.group(1) + mask_name(m.group(2)), text)
    return text
