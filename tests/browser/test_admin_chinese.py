"""The admin speaks Chinese to everyone who works in it: each role logs in once and visits every
admin view its work takes it to; any visible English word that is not a proper name fails."""

import re
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry, PageLogEntry

from editorial.roles import EDITOR_GROUP, REVIEWER_GROUP, ensure_all
from feedback.permissions import HANDLER_GROUP, REVIEW_GROUP, SUPERVISOR_GROUP
from portal.permissions import SITE_ADMIN_GROUP
from tests.editorial.conftest import make_staff

from .sitedata import build_site

PASSWORD = "x"
# Proper names and abbreviations an editor reads as they are.
ALLOWED = {"Wagtail", "CSV", "PDF", "API", "URL", "ID", "ICP", "TOTP", "HTML", "Excel", "Word"}
# File formats and sizes (JPEG, MB) and the test server's host name.
ALLOWED |= {"GIF", "JPEG", "JPG", "PNG", "WEBP", "KB", "MB", "GMT", "IP", "localhost"}
# Encodings and formats named on the import page (CSV in UTF-8 or GBK, XLSX).
ALLOWED |= {"UTF", "GBK", "XLSX"}
# Text the test must not read as words: addresses, file names and e-mail addresses.
# Code names in operators' instructions (manage.py repair_index_numbers) are not words either.
NOT_WORDS = re.compile(
    r"https?://\S+|\S+@\S+|\S+\.(?:pdf|csv|docx?|xlsx?|png|jpe?g|py)\b|/\S+/|\b\w+_\w+\b"
)
# A word of two or more Latin letters; letters run together with digits are a code (TS2026…).
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z'’]+(?![A-Za-z0-9])")
# What each role's work touches besides what its menu and dashboard link to.
SKIP = re.compile(
    r"/logout/|/delete/|/unpublish/|/revisions/|/history/|/usage/|/copy/|/move/|"
    r"/lock/|/unlock/|/preview|/export|csv|xlsx|/workflow/(?:cancel|action)|/jsi18n/"
)

# Where the roles' work is, whether or not a menu links there (a role without access is sent
# back to the dashboard, whose message is read too).
WORK_VIEWS = [
    "/admin/complaints/",
    "/admin/symposium-views/",
    "/admin/inspection-findings/",
    "/admin/accountability-cases/",
    "/admin/reports/",
    "/admin/snippets/",
    "/admin/settings/portal/portalsettings/",
]

VISIBLE_TEXT = """() => {
  // The time-zone list is place names (Asia/Shanghai); only the chosen one is read.
  const zones = 'select[name$="time_zone"] option:not(:checked)';
  for (const option of document.querySelectorAll(zones)) option.remove();
  const parts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
    if (el.checkVisibility && !el.checkVisibility()) continue;
    for (const name of ['placeholder', 'aria-label', 'title']) {
      if (el.getAttribute(name)) parts.push(el.getAttribute(name));
    }
  }
  return parts.join('\\n');
}"""

ADMIN_LINKS = """() => Array.from(document.querySelectorAll('a[href^="/admin/"]'),
  a => a.getAttribute('href'))"""


def english_words(text, names):
    """Each word of `text` in Latin letters that is not on the allow-list, with the line it
    stands in; `names` (usernames, page titles: what people typed) are not the admin's words."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    text = NOT_WORDS.sub(" ", text)
    found = {}
    for line in text.splitlines():
        for word in WORD.findall(line):
            if word not in ALLOWED:
                found.setdefault(word, line.strip()[:80])
    return [f"{word} «{line}»" for word, line in sorted(found.items())]


def names_in_data():
    """What people typed into the site's data: usernames and the labels of logged objects."""
    users = get_user_model().objects.values_list("username", flat=True)
    labels = [
        *ModelLogEntry.objects.values_list("label", flat=True),
        *PageLogEntry.objects.values_list("label", flat=True),
    ]
    return {*users, *labels} - {""}


def pattern(path):
    """One visit per kind of view: numbers and query strings do not make a new one."""
    return re.sub(r"\d+", "N", urlsplit(path).path)


@pytest.fixture
def staff(browser_db):
    site = build_site()
    ensure_all(apps)
    department = site.department
    people = {
        "编辑": make_staff("编辑甲", groups=[EDITOR_GROUP], department=department),
        "审核": make_staff("审核甲", groups=[REVIEWER_GROUP], department=department),
        "部门投诉处理员": make_staff("处理员甲", groups=[HANDLER_GROUP], department=department),
        "效能督查": make_staff("督查甲", groups=[SUPERVISOR_GROUP]),
        "问责审查": make_staff("问责甲", groups=[REVIEW_GROUP]),
        "站点管理员": make_staff("管理员甲", groups=[SITE_ADMIN_GROUP]),
    }
    # A page of the department waiting at 初审, so the reviewer meets the workflow dialogs.
    procedure = site.pages["procedure"]
    procedure.save_revision(user=people["编辑"])
    procedure.get_workflow().start(procedure, people["编辑"])
    return site, people


def log_in(context, url, username):
    page = context.new_page()
    page.goto(url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(url("/admin/"))
    return page


def check(page, found, name):
    """Record the English words of what `page` shows now under `name`."""
    words = english_words(page.evaluate(VISIBLE_TEXT), names_in_data())
    if words:
        found[name] = words


def crawl(page, url, start, limit=40):
    """Visit `start` and every admin view they link to (one per kind); {path: English words}."""
    found, seen, queue = {}, set(), list(start)
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if pattern(path) in seen or SKIP.search(path):
            continue
        seen.add(pattern(path))
        response = page.goto(url(path))
        if response is None or response.status >= 400:
            continue
        check(page, found, path)  # goto waited for "load": Wagtail's scripts have run
        queue.extend(page.evaluate(ADMIN_LINKS))
    return found


@pytest.mark.parametrize(
    "role", ["编辑", "审核", "部门投诉处理员", "效能督查", "问责审查", "站点管理员"]
)
def test_every_admin_view_a_role_uses_is_in_chinese(new_context, url, staff, role):
    site, people = staff
    user = people[role]
    page = log_in(new_context(), url, user.username)
    procedure = site.pages["procedure"]
    start = [
        "/admin/",
        f"/admin/pages/{procedure.get_parent().pk}/",
        f"/admin/pages/{procedure.pk}/edit/",
        *WORK_VIEWS,
    ]
    found = crawl(page, url, start)
    if role in ("编辑", "站点管理员"):
        # The add form, saved without a title: the validation errors and their summary.
        page.goto(
            url(f"/admin/pages/add/disclosure/serviceprocedurepage/{procedure.get_parent().pk}/")
        )
        page.get_by_role("button", name="保存草稿").click()
        page.wait_for_load_state("networkidle")
        assert page.locator(".messages .error, .w-field__errors").count(), "no validation error"
        check(page, found, "新建页面（校验错误）")
    if role == "审核":
        # The workflow dialog (退回修改 / 通过 with a comment) on the page waiting for review.
        page.goto(url(f"/admin/pages/{procedure.pk}/edit/"))
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
        page.locator("button[data-workflow-action-modal-url]").first.click()
        page.locator(".modal-dialog .modal-content").wait_for(state="visible")
        check(page, found, "审核对话框")
    assert not found, "\n".join(f"{path}: {'; '.join(words)}" for path, words in found.items())
