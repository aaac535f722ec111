"""Template tags that show feedback records on disclosure pages: disclosure never imports
feedback, so a power item's page reaches its accountability cases through this tag."""

from django import template

from ..selectors import public_case_rows, public_cases

register = template.Library()


@register.simple_tag
def power_accountability_cases(page):
    """The decided cases examined under the power, in their public (de-identified) columns, each
    with the 追责情形 it was decided under."""
    cases = list(public_cases().filter(power_item=page).select_related("power_trigger"))
    rows = public_case_rows(cases)
    for row, case in zip(rows, cases, strict=True):
        row["trigger"] = str(case.power_trigger) if case.power_trigger_id else ""
        row["trigger_id"] = case.power_trigger_id
    return rows
