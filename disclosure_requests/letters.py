"""The reply letter (政府信息公开申请答复告知书): its wording and legal basis per statutory kind
(政府信息公开条例, 2019), with the applicant's remedies and their time limits."""

from django.utils.translation import gettext_lazy as _

from .models import Outcome, Reason

# What the letter says the office decided, per outcome.
DECISIONS = {
    Outcome.DISCLOSED: _("经审查，您申请获取的政府信息属于可以公开的信息，现予以提供。"),
    Outcome.PARTIAL: _(
        "经审查，您申请获取的政府信息中含有不应当公开的内容，本机关对可以公开的部分予以提供，"
        "对不予公开的部分说明理由。"
    ),
    Outcome.WITHHELD: _("经审查，您申请获取的政府信息依法不予公开。"),
    Outcome.UNAVAILABLE: _("经审查，本机关无法提供您申请获取的政府信息。"),
    Outcome.NOT_PROCESSED: _("经审查，本机关对您的申请不予处理。"),
    Outcome.OTHER: _("本机关对您的申请作如下处理。"),
}

# The articles each decision rests on.
LEGAL_BASIS = {
    Outcome.DISCLOSED: _("《中华人民共和国政府信息公开条例》第三十六条第（二）项"),
    Outcome.PARTIAL: _("《中华人民共和国政府信息公开条例》第三十七条"),
    Reason.STATE_SECRET: _("《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项"),
    Reason.LAW_FORBIDS: _("《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项"),
    Reason.SECURITY_STABILITY: _(
        "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项"
    ),
    Reason.THIRD_PARTY_RIGHTS: _(
        "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项"
    ),
    Reason.INTERNAL_AFFAIRS: _(
        "《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项"
    ),
    Reason.PROCESS_INFORMATION: _(
        "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项"
    ),
    Reason.ENFORCEMENT_FILE: _(
        "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项"
    ),
    Reason.QUERY_MATTER: _("《中华人民共和国政府信息公开条例》第三十六条第（七）项"),
    Reason.NOT_HELD: _("《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项"),
    Reason.NEEDS_CREATING: _("《中华人民共和国政府信息公开条例》第三十八条"),
    Reason.STILL_UNCLEAR: _("《中华人民共和国政府信息公开条例》第二十九条、第三十条"),
    Reason.PETITION: _("《中华人民共和国政府信息公开条例》第三十九条第一款"),
    Reason.REPEATED: _("《中华人民共和国政府信息公开条例》第三十六条第（六）项"),
    Reason.PUBLICATION: _("《中华人民共和国政府信息公开条例》第三十九条第二款"),
    Reason.MASS_REPEATED: _("《中华人民共和国政府信息公开条例》第三十五条"),
    Reason.CONFIRM_OBTAINED: _("《中华人民共和国政府信息公开条例》第三十九条第二款"),
    Reason.NOT_CORRECTED: _("《中华人民共和国政府信息公开条例》第三十条"),
    Reason.NOT_PAID: _(
        "《中华人民共和国政府信息公开条例》第四十二条、"
        "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
    ),
    Reason.OTHER: _("《中华人民共和国政府信息公开条例》"),
}

REMEDIES = _(
    "如对本答复不服，可以在收到本告知书之日起六十日内依法向县人民政府申请行政复议"
    "（《中华人民共和国行政复议法》第二十条），或者在收到本告知书之日起六个月内依法向"
    "人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）；也可以向上一级"
    "行政机关或者政府信息公开工作主管部门投诉、举报（条例第五十一条）。"
)


def legal_basis(req):
    return LEGAL_BASIS.get(req.reason) if req.reason else LEGAL_BASIS.get(req.outcome, "")


def letter(req):
    """The letter as (title, paragraphs): the same text on the page and in the PDF."""
    received = f"{req.received_on:%Y年%m月%d日}" if req.received_on else ""
    paragraphs = [
        _("%(name)s：") % {"name": req.name},
        _(
            "本机关于 %(day)s 收到您提出的政府信息公开申请（申请编号 %(number)s），"
            "申请获取：%(what)s"
        )
        % {"day": received, "number": req.tracking_number, "what": req.description},
        DECISIONS[req.outcome],
    ]
    if req.reason:
        paragraphs.append(_("具体情形：%(reason)s。") % {"reason": req.get_reason_display()})
    if req.reply_text:
        paragraphs.append(req.reply_text)
    paragraphs.append(_("依据：%(basis)s。") % {"basis": legal_basis(req)})
    if req.fee_amount and req.fee_paid_on:
        paragraphs.append(
            _("已收取信息处理费 %(amount)s 元。") % {"amount": f"{req.fee_amount:.2f}"}
        )
    paragraphs.append(REMEDIES)
    concluded = f"{req.concluded_on:%Y年%m月%d日}" if req.concluded_on else ""
    paragraphs.append(f"{req.department.name}　{concluded}")
    return _("政府信息公开申请答复告知书"), [str(p) for p in paragraphs]
