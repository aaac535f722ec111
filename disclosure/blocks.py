"""StreamField blocks of the disclosure pages: offences with their discretion tiers."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from portal.formatting import amount

MIN_TIERS, MAX_TIERS = 3, 5

TIER_LEVELS = [
    ("none", _("不予处罚")),
    ("mitigated", _("减轻处罚")),
    ("lenient", _("从轻处罚")),
    ("general", _("一般处罚")),
    ("severe", _("从重处罚")),
]
TIER_ORDER = [value for value, _label in TIER_LEVELS]

PENALTY_KINDS = [
    ("none", _("不予处罚")),
    ("warning", _("警告")),
    ("criticism", _("通报批评")),
    ("fine", _("罚款")),
    ("confiscation", _("没收违法所得、没收非法财物")),
    ("suspension", _("暂扣许可证件、降低资质等级")),
    ("revocation", _("吊销许可证件")),
    ("restriction", _("限制开展生产经营活动、责令停产停业")),
    ("detention", _("行政拘留")),
]


class TierStructValue(blocks.StructValue):
    def level_label(self):
        return dict(TIER_LEVELS).get(self.get("level"), "")

    def penalty_kind_label(self):
        return dict(PENALTY_KINDS).get(self.get("penalty_kind"), "")

    def fine_label(self):
        low, high = self.get("fine_min"), self.get("fine_max")
        if low is None and high is None:
            return ""
        if low is not None and high is not None and low != high:
            return f"{amount(low)}–{amount(high)} 元"
        return f"{amount(high if low is None else low)} 元"


class DiscretionTierBlock(blocks.StructBlock):
    """One tier (档) of an offence: its circumstances and the penalty for them."""

    level = blocks.ChoiceBlock(choices=TIER_LEVELS, label=_("裁量档次"))
    circumstances = blocks.TextBlock(label=_("适用情形"), max_length=1000)
    penalty_kind = blocks.ChoiceBlock(choices=PENALTY_KINDS, label=_("处罚种类"))
    fine_min = blocks.DecimalBlock(label=_("罚款下限（元）"), required=False, min_value=0)
    fine_max = blocks.DecimalBlock(label=_("罚款上限（元）"), required=False, min_value=0)
    penalty = blocks.TextBlock(
        label=_("处罚标准"),
        max_length=500,
        help_text=_("例如：给予警告，并处 5000 元以上 1 万元以下罚款"),
    )

    class Meta:
        icon = "list-ol"
        label = _("裁量档次")
        value_class = TierStructValue
        template = "disclosure/blocks/discretion_tier_block.html"


class OffenceBlock(blocks.StructBlock):
    """One offence (违法行为) with the clause it breaks, the penalty clause and 3–5 tiers."""

    name = blocks.CharBlock(label=_("违法行为"), max_length=200)
    violated_clause = blocks.TextBlock(label=_("违反条款"), max_length=1000)
    penalty_clause = blocks.TextBlock(label=_("处罚依据"), max_length=1000)
    legal_maximum = blocks.DecimalBlock(
        label=_("法定罚款上限（元）"),
        required=False,
        min_value=0,
        help_text=_(
            "法律规定的最高罚款额；各档罚款不得超过此数。无罚款，或罚款按货值倍数、"
            "工程造价比例计算时不填，并在各档“处罚标准”中写明计算方法。"
        ),
    )
    tiers = blocks.ListBlock(DiscretionTierBlock(), label=_("裁量档次"))

    class Meta:
        icon = "warning"
        label = _("违法行为")
        template = "disclosure/blocks/offence_block.html"
        preview_value = {
            "name": "未按规定公示食品经营许可证",
            "violated_clause": "《食品经营许可和备案管理办法》第三十九条",
            "penalty_clause": "《食品经营许可和备案管理办法》第五十七条",
            "legal_maximum": Decimal("3000"),
            "tiers": [],
        }

    def clean(self, value):
        value = super().clean(value)
        tiers = list(value.get("tiers") or [])
        list_errors = []
        tier_errors = {}
        if not MIN_TIERS <= len(tiers) <= MAX_TIERS:
            list_errors.append(
                ValidationError(
                    _("裁量档次须为 %(min)d 至 %(max)d 个，现有 %(count)d 个。")
                    % {"min": MIN_TIERS, "max": MAX_TIERS, "count": len(tiers)}
                )
            )
        levels = [tier.get("level") for tier in tiers]
        if len(set(levels)) != len(levels):
            list_errors.append(ValidationError(_("同一档次不能重复出现。")))
        elif levels != sorted(levels, key=TIER_ORDER.index):
            list_errors.append(ValidationError(_("请按从轻到重的顺序排列档次。")))
        maximum = value.get("legal_maximum")
        for index, tier in enumerate(tiers):
            low, high = tier.get("fine_min"), tier.get("fine_max")
            errors = {}
            if low is not None and high is not None and low > high:
                errors["fine_max"] = ValidationError(_("罚款上限不能低于下限。"))
            if maximum is not None:
                for name, fine in (("fine_min", low), ("fine_max", high)):
                    if fine is not None and fine > maximum:
                        errors[name] = ValidationError(
                            _("罚款不能超过法定上限 %(max)s 元。") % {"max": amount(maximum)}
                        )
            # A fine set as a multiple of the goods' value or a share of the project cost has
            # no legal maximum in yuan: it is described in words in 处罚标准 instead.
            if (
                tier.get("penalty_kind") == "fine"
                and maximum is not None
                and low is None
                and high is None
            ):
                errors["fine_max"] = ValidationError(_("处罚种类为罚款时须填写罚款金额。"))
            if errors:
                tier_errors[index] = StructBlockValidationError(block_errors=errors)
        if list_errors or tier_errors:
            raise StructBlockValidationError(
                block_errors={
                    "tiers": ListBlockValidationError(
                        block_errors=tier_errors, non_block_errors=ErrorList(list_errors)
                    )
                }
            )
        return value


class ExemptionBlock(blocks.StructBlock):
    """An entry of the first-offence or minor-offence exemption list."""

    name = blocks.CharBlock(label=_("违法行为"), max_length=200)
    clause = blocks.TextBlock(label=_("法律依据"), max_length=1000)
    conditions = blocks.TextBlock(label=_("适用条件"), max_length=1000)

    class Meta:
        icon = "tick"
        label = _("免罚事项")
        template = "disclosure/blocks/exemption_block.html"
        preview_value = {
            "name": "未按规定悬挂营业执照",
            "clause": "《市场主体登记管理条例》第四十八条",
            "conditions": "首次被发现，且在责令改正期限内改正的",
        }
