"""axe-core (shipped by axe-playwright-python) run in the page, violations as readable text."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_AXE = Axe()


def violations(page, *, tags=WCAG_TAGS, rules=None):
    """axe's violations on the page now: for the WCAG tags, or only the named `rules`."""
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags}
    results = _AXE.run(page, options={"runOnly": run_only, "resultTypes": ["violations"]})
    return results.response["violations"]


def describe(found):
    """One line per failing element: rule, impact, selector and axe's summary."""
    lines = []
    for violation in found:
        for node in violation["nodes"]:
            lines.append(
                f"{violation['id']} ({violation['impact']}): {' '.join(map(str, node['target']))}"
                f" — {node.get('failureSummary', '').splitlines()[-1].strip()}"
            )
    return "\n".join(lines)


def assert_accessible(page, *, tags=WCAG_TAGS, rules=None, where=""):
    found = violations(page, tags=tags, rules=rules)
    assert not found, f"axe violations {where}at {page.url}:\n{describe(found)}"
