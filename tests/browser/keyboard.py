"""Keyboard-only helpers: reach a control with Tab, as a person without a mouse does."""

FOCUSED = "(selector) => !!document.activeElement && document.activeElement.matches(selector)"


def tab_to(page, selector, *, limit=150):
    """Press Tab until the element matching `selector` has focus; fails if it never gets it
    (unreachable by keyboard, hidden, or a focus trap)."""
    for _press in range(limit):
        if page.evaluate(FOCUSED, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never received focus after {limit} presses of Tab")


def focused(page, selector):
    return page.evaluate(FOCUSED, selector)
