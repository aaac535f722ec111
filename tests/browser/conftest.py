"""Fixtures of the real-browser tests: Chromium through Playwright, the live server, axe-core,
and a full-page screenshot of every open page when a test fails."""

import pytest

from .gate import chromium_executable
from .sitedata import build_site
from .support import DESKTOP, save_screenshot


@pytest.fixture(scope="module", autouse=True)
def _orm_beside_playwright():
    """Playwright's sync API keeps an asyncio event loop marked running in the test thread,
    and Django then refuses ORM calls from that thread (SynchronousOnlyOperation) although
    nothing here is async: the tests build data and read results between browser steps, never
    while the loop works. Allowed for the browser test modules only, while their browser runs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def _migrated_rows(django_db_setup):
    """What the migrations stored (page tree root, groups…), serialized by Django at set-up
    for the serialized rollback, read while the thread's database handle is still the one
    Django set up."""
    from django.db import connections

    return {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }


@pytest.fixture(scope="module")
def browser(_orm_beside_playwright, _migrated_rows):
    """One headless Chromium per test module (Debian's, never a downloaded one). Not per
    session: Playwright's loop must be gone before the other apps' tests run in this thread."""
    executable = chromium_executable()
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # With an event loop running in the thread, asgiref hands Django a new, context-local
        # database handle that lacks the serialized rows, so the rollback would silently
        # restore nothing; give the new handle the same rows.
        for alias, rows in _migrated_rows.items():
            connections[alias]._test_serialized_contents = rows
        instance = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield instance
        instance.close()


@pytest.fixture
def new_context(browser, request):
    """`new_context(**options)`: a fresh browser profile (no cookies), in Chinese, 1280 px wide
    unless told; closed after the test, and photographed first if the test fails."""
    opened = []
    request.node.stash[CONTEXTS] = opened

    def make(**options):
        context = browser.new_context(
            **{"viewport": DESKTOP, "locale": "zh-CN", "accept_downloads": True, **options}
        )
        context.set_default_timeout(15_000)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


@pytest.fixture
def browser_context(new_context):
    return new_context()


@pytest.fixture
def page(browser_context):
    return browser_context.new_page()


@pytest.fixture
def browser_db(django_db_serialized_rollback, transactional_db):
    """The live server needs committed rows (a transactional database); the serialized rollback
    restores what migrations created (the page tree root, groups) that the flush removes."""


@pytest.fixture
def site_data(browser_db):
    return build_site()


@pytest.fixture
def url(live_server):
    """`url("/path/")`: the live server's absolute URL of a path."""
    return lambda path: live_server.url + path


CONTEXTS = pytest.StashKey[list]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, save a full-page PNG of every page still open and name the files in the
    report, so a broken journey can be seen as the browser saw it."""
    report = yield
    if report.failed and call.when in ("setup", "call"):
        saved = []
        for context in item.stash.get(CONTEXTS, []):
            for number, open_page in enumerate(context.pages):
                name = item.name if number == 0 else f"{item.name}-{number}"
                saved.append(save_screenshot(open_page, name))
        saved = [str(path) for path in saved if path]
        if saved:
            report.sections.append(("browser screenshots", "\n".join(saved)))
    return report
