"""Property-based: every public GET parameter and every public form field, driven with arbitrary
Unicode, lengths and ids, never makes a server error (nor a database error the page hides), and
personal data typed into a complaint never reaches a public page.

The parameters and fields are collected, not listed: the GET parameters from the public apps'
source (`GET.get("…")`, `params.get("…")`), the API's own list, the form fields from every form
class with `PublicTextMixin` (the public forms). A new parameter or public form is driven without
touching this file; a public form with no known address makes `test_every_public_form_is_driven`
fail."""

import logging
import re
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import URLPattern, get_resolver, reverse
from hypothesis import Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page

import decisions
import disclosure
import disclosure_requests
import feedback
import portal
from decisions.factories import DecisionIndexPageFactory, MajorDecisionPageFactory
from decisions.forms import PublicCommentForm
from disclosure.factories import (
    DisclosureIndexPageFactory,
    FeeSchedulePageFactory,
    ServiceProcedurePageFactory,
)
from disclosure_requests.factories import (
    DisclosureGuidePageFactory,
    DisclosureRequestIndexPageFactory,
)
from disclosure_requests.forms import DisclosureRequestForm
from disclosure_requests.forms import StatusLookupForm as RequestStatusLookupForm
from feedback.factories import (
    AccountabilityIndexPageFactory,
    ComplaintFactory,
    ComplaintFormPageFactory,
    SymposiumIndexPageFactory,
    SymposiumPageFactory,
    advance,
    handler,
)
from feedback.forms import ComplaintForm, RatingForm, StatusLookupForm
from feedback.models import Status
from portal.api import PAGE_ID_PARAMETERS, PortalPagesAPIViewSet
from portal.factories import DepartmentFactory
from portal.inputs import PublicTextMixin

pytestmark = pytest.mark.django_db

# --- what the public can send -----------------------------------------------------------------

PUBLIC_PACKAGES = (portal, disclosure, decisions, feedback, disclosure_requests)
# Modules and folders that serve only signed-in staff.
STAFF_ONLY = re.compile(r"(^|/)(admin[^/]*\.py|wagtail_hooks\.py|management|migrations|tasks\.py)")
GET_PARAMETER = re.compile(r"""(?:GET|params)\s*\.\s*get(?:list)?\(\s*["'](\w+)["']""")
POST_PARAMETER = re.compile(r"""POST\s*\.\s*get(?:list)?\(\s*["'](\w+)["']""")


def public_sources():
    for package in PUBLIC_PACKAGES:
        root = Path(package.__file__).parent
        for path in sorted(root.rglob("*.py")):
            if not STAFF_ONLY.search(path.relative_to(root).as_posix()):
                yield path.read_text(encoding="utf-8")


def collected(pattern):
    return sorted({name for text in public_sources() for name in pattern.findall(text)})


POST_PARAMETERS = collected(POST_PARAMETER)
API_PARAMETERS = {
    *PortalPagesAPIViewSet.known_query_parameters,
    *PortalPagesAPIViewSet.find_query_parameters,
    *PAGE_ID_PARAMETERS,
    "locale",
    "type",
    "title",
    "slug",
}
GET_PARAMETERS = sorted({*collected(GET_PARAMETER), *API_PARAMETERS})


def form_field_names(form_class):
    """The names a browser posts for the form: a multi-widget field posts name_0, name_1 …"""
    names = []
    for name, field in form_class.base_fields.items():
        widgets = getattr(field.widget, "widgets", None)
        if widgets:
            names.extend(f"{name}_{index}" for index in range(len(widgets)))
        else:
            names.append(name)
    return names


def public_forms():
    found, pending = [], list(PublicTextMixin.__subclasses__())
    while pending:
        form_class = pending.pop()
        found.append(form_class)
        pending.extend(form_class.__subclasses__())
    return found


ODD_DIGITS = "²³¹٣७৩７𝟗"
ids = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    # Digits only, `str.isdigit()` true: ASCII mixed with other scripts' digits.
    st.text(alphabet="0123456789" + ODD_DIGITS, min_size=1, max_size=25),
    st.text(alphabet="0123456789" + ODD_DIGITS + " +-.\x00", min_size=1, max_size=25),
    st.sampled_from(["", "0", "root", "2147483647", "2147483648", "9" * 30, "1e3", "0x10"]),
)
# Values a parameter takes when used as meant, so that the paths behind them (downloads, filters,
# the API's locale) are reached with the other parameters odd.
ordinary = st.sampled_from(["csv", "json", "atom", "xlsx", "1", "2", "2026", "2026-01", "zh-hans"])
unicode_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=20)
# Long values from little generated data: one example draws a value for every parameter.
long_text = st.builds(
    lambda piece, times: piece * times,
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=6),
    st.integers(0, 1200),
)
# The inputs that have broken pages before, drawn often: 25 examples must reach every parameter.
known_odd = st.sampled_from(
    ["²", "١٢", "７", "\x00", "TS\x00", "9" * 20, "2147483648", "-1", "0", " "]
)
values = st.one_of(known_odd, ids, ordinary, unicode_text, long_text)


def every_one_of(names, baseline=None):
    """A value for each name at once (one example drives every parameter), or its ordinary
    `baseline` value, so that the other fields can pass and the paths behind them are reached."""
    baseline = baseline or {}
    return st.fixed_dictionaries(
        {
            name: st.one_of(st.just(baseline[name]), values) if name in baseline else values
            for name in names
        }
    )


def plain_routes():
    """The site's own addresses without a variable part (search, suggestions, the elderly-mode
    switch, the sitemap …): a new one is driven too."""
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.converters:
            yield reverse(pattern.name)


# --- one site with a page of every public kind --------------------------------------------


@pytest.fixture
def site(home):
    department = DepartmentFactory(name="示例县市场监督管理局", code="11331003")
    complaints = ComplaintFormPageFactory(parent=home)
    complaints.save_revision().publish()
    catalogue = DisclosureIndexPageFactory(parent=home)
    ServiceProcedurePageFactory(parent=catalogue, issuing_department=department)
    FeeSchedulePageFactory(parent=catalogue, issuing_department=department)
    section = DecisionIndexPageFactory(parent=home)
    notice = MajorDecisionPageFactory(parent=section, issuing_department=department)
    symposiums = SymposiumIndexPageFactory(parent=home)
    symposiums.save_revision().publish()
    session = SymposiumPageFactory(parent=symposiums, host_department=department)
    session.save_revision().publish()
    accountability = AccountabilityIndexPageFactory(parent=home)
    accountability.save_revision().publish()
    requests_page = DisclosureRequestIndexPageFactory(parent=home)
    requests_page.save_revision().publish()
    DisclosureGuidePageFactory(parent=requests_page).save_revision().publish()
    requests_page.refresh_from_db()
    actor = handler(department, email="market@example.gov.cn")
    published = advance(ComplaintFactory(department=department), Status.REPLIED, actor=actor)
    complaints.refresh_from_db()
    urls = [page.url for page in Page.objects.live().public() if page.url]
    urls += [
        complaints.status_url(),
        complaints.public_url(),
        requests_page.status_url(),
        f"{complaints.public_url()}{published.pk}/",
        *plain_routes(),
        "/api/v2/pages/",
        "/api/v2/pages/find/",
    ]
    return {
        "urls": sorted(set(urls)),
        "department": department,
        "actor": actor,
        "complaints": complaints,
        "notice": notice,
        "forms": {
            ComplaintForm: complaints.url,
            StatusLookupForm: complaints.status_url(),
            RatingForm: complaints.status_url(),
            PublicCommentForm: notice.url,
            DisclosureRequestForm: requests_page.url,
            RequestStatusLookupForm: requests_page.status_url(),
        },
    }


class ErrorRecords(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextmanager
def no_errors_logged():
    """A page that catches a database error (search: “暂时不可用”) still logs it: fail on that."""
    recorder, root = ErrorRecords(), logging.getLogger()
    root.addHandler(recorder)
    try:
        yield
    finally:
        root.removeHandler(recorder)
    assert not recorder.records, [record.getMessage() for record in recorder.records]


def assert_handled(response, what):
    assert response.status_code < 500, what


# --- the properties -----------------------------------------------------------------------


def test_collected_names_include_the_ones_known_today():
    """The scan of the sources works: a rename of the idiom would otherwise empty the lists."""
    for name in ("department", "procedure", "fee", "no", "q", "page", "month", "format", "year"):
        assert name in GET_PARAMETERS, name
    for name in ("offset", "limit", "locale", "child_of"):
        assert name in GET_PARAMETERS, name
    for name in ("action", "tracking_number", "submission_token"):
        assert name in POST_PARAMETERS, name
    assert {"/search/", "/search/suggest", "/elderly-mode/"} <= set(plain_routes())


def test_every_public_form_is_driven(site):
    assert set(public_forms()) == set(site["forms"])


# One example sends every parameter to every page: shrinking a failure would repeat that
# hundreds of times. The failing example is reported whole instead.
NO_SHRINKING = hypothesis_settings(phases=[Phase.explicit, Phase.reuse, Phase.generate])


@NO_SHRINKING
@given(data=st.data(), params=every_one_of(GET_PARAMETERS))
def test_public_get_parameters_never_make_a_server_error(client, site, data, params):
    cache.clear()
    # A third of the pages per example keeps the run short; 25 examples reach each page often.
    count = max(1, len(site["urls"]) // 3)
    urls = data.draw(st.lists(st.sampled_from(site["urls"]), min_size=count, max_size=count))
    for url in urls:
        # The API refuses a parameter it does not know before reading any: send it its own.
        sent = (
            {k: v for k, v in params.items() if k in API_PARAMETERS} if "/api/" in url else params
        )
        with no_errors_logged():
            response = client.get(url, sent)
        assert_handled(response, (url, sent))


def valid_post(site, form_class):
    if form_class is ComplaintForm:
        return {
            "submission_token": str(uuid.uuid4()),
            "category": "service_attitude",
            "department": str(site["department"].pk),
            "subject": "窗口人员态度生硬",
            "description": "在政务服务中心二楼窗口办理营业执照变更，工作人员一直低头看手机。",
            "name": "张三",
            "phone": "13812345678",
            "captcha_0": "abc",
            "captcha_1": "PASSED",
        }
    if form_class is StatusLookupForm:
        return {"action": "lookup", "tracking_number": "TS202601010001", "query_code": "ABCD2345"}
    if form_class is DisclosureRequestForm:
        return {
            "submission_token": str(uuid.uuid4()),
            "department": str(site["department"].pk),
            "applicant_type": "natural_person",
            "name": "王五",
            "id_number": "11010519491231002X",
            "phone": "13812345678",
            "description": "请提供2025年城关镇老旧小区改造项目的资金安排文件。",
            "form_wanted": "electronic",
            "delivery": "online",
            "captcha_0": "abc",
            "captcha_1": "PASSED",
        }
    if form_class is RequestStatusLookupForm:
        return {"tracking_number": "YS202601010001", "query_code": "ABCD2345"}
    if form_class is RatingForm:
        return {"action": "rate", "tracking_number": "TS202601010001", "rating": "satisfied"}
    return {
        "submission_token": str(uuid.uuid4()),
        "text": "建议第三条增加对老年人的照顾措施，便于实际执行。",
        "captcha_0": "abc",
        "captcha_1": "PASSED",
    }


@NO_SHRINKING
@given(data=st.data())
def test_public_form_fields_never_make_a_server_error(client, site, data):
    for form_class, url in sorted(site["forms"].items(), key=lambda item: item[0].__name__):
        cache.clear()
        names = sorted({*form_field_names(form_class), *POST_PARAMETERS})
        post = data.draw(every_one_of(names, valid_post(site, form_class)), label=str(form_class))
        with no_errors_logged():
            response = client.post(url, post)
        assert_handled(response, (form_class.__name__, post))


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
id_numbers = st.from_regex(
    r"[1-6][0-9]{5}(19[5-9][0-9]|200[0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{3}[0-9X]",
    fullmatch=True,
)
emails = st.from_regex(r"[a-z]{2,10}[0-9]{0,3}@[a-z]{3,8}\.(com|cn|net)", fullmatch=True)


@given(phone=mobiles, id_number=id_numbers, email=emails)
def test_personal_data_in_a_published_complaint_never_reaches_a_public_page(
    client, site, phone, id_number, email
):
    complaint = ComplaintFactory(
        department=site["department"],
        subject=f"窗口拒收材料，联系{phone}",
        description=(
            f"我的电话{phone}，身份证号{id_number}，邮箱{email}。"
            "在政务服务中心窗口办理业务时被多次退回材料，工作人员态度生硬。"
        ),
        phone=phone,
        email=email,
        publish_consent=True,
    )
    advance(
        complaint,
        Status.REPLIED,
        actor=site["actor"],
        reply=f"已电话联系投诉人（{phone}），核实身份证号{id_number}后当面致歉。",
    )
    public = site["complaints"].public_url()
    for url in (public, f"{public}{complaint.pk}/"):
        cache.clear()
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        for personal in (phone, id_number, email):
            assert personal not in page, (url, personal)
