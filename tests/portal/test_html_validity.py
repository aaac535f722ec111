"""Zero Nu HTML checker (vnu) errors on every public page of the demo site and on the public
forms' error states. All documents go to ONE java run (the JVM start costs seconds)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from decisions.models import MajorDecisionPage
from feedback.models import ComplaintFormPage
from tests.browser.gate import REQUIRED_VARIABLE
from tests.security.test_headers import demo_site, public_urls  # noqa: F401  (fixture)

VNU_VERSION = "26.9.27"
VNU_JAR = Path(__file__).resolve().parents[2] / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"
INSTALL_HINT = (
    f"The Nu HTML checker is not installed: run `npm install --prefix .tools vnu-jar@{VNU_VERSION}`"
    " (Java 17 is needed to run it)."
)

pytestmark = pytest.mark.django_db


def vnu_command():
    java = shutil.which("java")
    if java and VNU_JAR.exists():
        return [java, "-Xss1024k", "-jar", str(VNU_JAR)]
    if os.environ.get(REQUIRED_VARIABLE) == "1":
        pytest.fail(f"{INSTALL_HINT} ({REQUIRED_VARIABLE}=1 turns this skip into a failure.)")
    pytest.skip(INSTALL_HINT)


def html_documents(client):
    """(name, HTML) of every public HTML page and of each public form sent back empty."""
    for url in public_urls():
        response = client.get(url)
        # Redirects (the elderly-mode switch) have no document to check.
        html = response["Content-Type"].startswith("text/html")
        if response.status_code in (200, 404) and html:
            yield url, response.content
    complaints = ComplaintFormPage.objects.live().first()
    notice = next(n for n in MajorDecisionPage.objects.live() if n.is_open_for_comment())
    for url, data in (
        (complaints.url, {}),
        (complaints.status_url(), {"tracking_number": "x"}),
        (notice.url, {}),
    ):
        response = client.post(url, data)
        assert response.status_code == 200 and 'aria-invalid="true"' in response.text, url
        yield f"POST {url}", response.content


def test_public_pages_and_form_errors_have_no_html_errors(demo_site, client, tmp_path):  # noqa: F811
    command = vnu_command()
    names = {}
    for number, (name, html) in enumerate(html_documents(client)):
        path = tmp_path / f"{number:03d}.html"
        path.write_bytes(html)
        names[path.name] = name
    assert len(names) >= 30
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", "--exit-zero-always", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{names.get(Path(m.get('url', '')).name)}: {m['message']} {m.get('extract', '')}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors)
