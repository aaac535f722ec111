"""The power list's public pages are valid HTML (the Nu validator, as tests/portal does)."""

import json
import subprocess

import pytest

from disclosure.factories import (
    DisclosureIndexPageFactory,
    PenaltyDiscretionPageFactory,
    PowerIndexPageFactory,
    PowerItemPageFactory,
    ServiceProcedurePageFactory,
)
from disclosure.models import PowerKind
from tests.portal.test_html_validity import vnu_command

pytestmark = pytest.mark.django_db


def test_power_pages_are_valid_html(client, home, tmp_path):
    command = vnu_command()
    catalogue = DisclosureIndexPageFactory(parent=home)
    powers = PowerIndexPageFactory(parent=home)
    procedure = ServiceProcedurePageFactory(parent=catalogue)
    standard = PenaltyDiscretionPageFactory(parent=catalogue)
    licence = PowerItemPageFactory(parent=powers, published=False)
    licence.procedures = [procedure]
    licence.save_revision().publish()
    fine = PowerItemPageFactory(parent=powers, kind=PowerKind.PENALTY, penalty_standard=standard)
    for number, url in enumerate(
        [powers.url, f"{powers.url}?kind=penalty", licence.url, fine.url, procedure.url]
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        (tmp_path / f"{number}.html").write_bytes(response.content)
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", "--exit-zero-always", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [m["message"] for m in messages if m.get("type") == "error"] == []
