"""The report's tables in the national layout (国办公开办函〔2021〕30号), as grids of cells with
row and column spans: one description that the HTML page, the XLSX and the PDF all draw."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import REASONS_BY_OUTCOME, ApplicantType, Outcome
from .models.reports import APPEAL_KINDS, APPEAL_RESULTS, OUTCOME_ROWS


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


def H(text, rowspan=1, colspan=1):
    return Cell(str(text), rowspan, colspan, True)


def V(value):
    return Cell(str(value))


def section_two(report):
    """二、主动公开政府信息情况: four small tables in one grid of four columns."""
    return [
        [H(_("第二十条第（一）项"), colspan=4)],
        [H(_("信息内容")), H(_("本年制发件数")), H(_("本年废止件数")), H(_("现行有效件数"))],
        [H(_("规章")), V(report.rules_issued), V(report.rules_repealed), V(report.rules_in_force)],
        [
            H(_("行政规范性文件")),
            V(report.normative_issued),
            V(report.normative_repealed),
            V(report.normative_in_force),
        ],
        [H(_("第二十条第（五）项"), colspan=4)],
        [H(_("信息内容")), H(_("本年处理决定数量"), colspan=3)],
        [H(_("行政许可")), Cell(str(report.licensing_decisions), colspan=3)],
        [H(_("第二十条第（六）项"), colspan=4)],
        [H(_("信息内容")), H(_("本年处理决定数量"), colspan=3)],
        [H(_("行政处罚")), Cell(str(report.penalty_decisions), colspan=3)],
        [H(_("行政强制")), Cell(str(report.coercion_decisions), colspan=3)],
        [H(_("第二十条第（八）项"), colspan=4)],
        [H(_("信息内容")), H(_("本年收费金额（单位：万元）"), colspan=3)],
        [H(_("行政事业性收费")), Cell(f"{report.fee_amount.normalize():f}", colspan=3)],
    ]


def section_three(table):
    """三、收到和处理政府信息公开申请情况: three label columns, seven figure columns."""
    outcome_row_count = len(OUTCOME_ROWS) + 1  # with （七）总计
    grid = [
        [
            H(_("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), 3, 3),
            H(_("申请人情况"), colspan=7),
        ],
        [
            H(ApplicantType.NATURAL_PERSON.label, 2),
            H(_("法人或其他组织"), colspan=5),
            H(_("总计"), 2),
        ],
        [H(t.label) for t in ApplicantType if t != ApplicantType.NATURAL_PERSON],
        [H(_("一、本年新收政府信息公开申请数量"), colspan=3), *map(V, table["new"])],
        [H(_("二、上年结转政府信息公开申请数量"), colspan=3), *map(V, table["carried_in"])],
    ]
    first = True
    for key, group, sub in OUTCOME_ROWS:
        row = []
        if first:
            row.append(H(_("三、本年度办理结果"), outcome_row_count))
            first = False
        outcome = Outcome(key.split(".")[0])
        reasons = REASONS_BY_OUTCOME[outcome]
        if not sub:
            row.append(H(group, colspan=2))
        else:
            if sub.startswith("1."):
                row.append(H(group, len(reasons)))
            row.append(H(sub))
        grid.append([*row, *map(V, table[key])])
    grid.append([H(_("（七）总计"), colspan=2), *map(V, table["total"])])
    grid.append([H(_("四、结转下年度继续办理"), colspan=3), *map(V, table["carried_forward"])])
    return grid


def section_four(appeals):
    """四、政府信息公开行政复议、行政诉讼情况: 15 figure columns."""
    results = [_("结果维持"), _("结果纠正"), _("其他结果"), _("尚未审结"), _("总计")]
    return [
        [H(_("行政复议"), colspan=5), H(_("行政诉讼"), colspan=10)],
        [
            *[H(r, 2) for r in results],
            H(_("未经复议直接起诉"), colspan=5),
            H(_("复议后起诉"), colspan=5),
        ],
        [*[H(r) for r in results], *[H(r) for r in results]],
        [
            V(appeals[kind][result])
            for kind in APPEAL_KINDS
            for result in [*APPEAL_RESULTS, "total"]
        ],
    ]


def placed(grid):
    """(row, column, cell) with absolute positions, skipping the places spans cover."""
    taken = set()
    for r, row in enumerate(grid):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            yield r, c, cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan


def width(grid):
    return max(c + cell.colspan for _r, c, cell in placed(grid))
