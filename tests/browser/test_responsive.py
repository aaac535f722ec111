"""Every public page type fits a 320 px wide screen: no horizontal scrolling (WCAG 1.4.10)."""

from .support import MOBILE, failure_note

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
# The site's stylesheet must have loaded, or a narrow unstyled page would pass for nothing.
HEADER_BACKGROUND = "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
# --brand in the normal and in the elderly mode.
BRAND_COLOURS = {"rgb(168, 21, 27)", "rgb(125, 15, 20)"}
WIDEST = """() => [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .slice(0, 3).map((el) => el.tagName.toLowerCase() + '.' + el.className)"""


def test_every_page_type_fits_320_px_without_horizontal_scrolling(page, url, site_data, request):
    """In the normal mode and in the elderly mode, whose text is a quarter larger."""
    page.set_viewport_size(MOBILE)
    failures = []
    for mode, switch in (("normal", "/elderly-mode/?on=0"), ("elderly", "/elderly-mode/?on=1")):
        page.goto(url(switch + "&next=/"))
        for name, path in site_data.urls.items():
            page.goto(url(path))
            assert page.evaluate(HEADER_BACKGROUND) in BRAND_COLOURS, "portal.css did not load"
            overflow = page.evaluate(OVERFLOW)
            if overflow > 0:
                error = f"{name} ({path}, {mode}) is {overflow}px too wide: {page.evaluate(WIDEST)}"
                failures.append(failure_note(page, f"{request.node.name}-{name}-{mode}", error))
    assert not failures, "\n".join(failures)
