"""The project's Simplified-Chinese overrides of Django's and Wagtail's admin strings: the committed
.mo files say what their .po files say, every entry is translated with the same placeholders,
and both the Python and the JavaScript catalogues reach the admin."""

import ast
import gettext
import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "zh_Hans" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")


def read_po(path):
    """The entries of a .po file as dicts of msgctxt, msgid, msgid_plural and msgstr (a list)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, key = {}, None
        for line in block.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            match = re.fullmatch(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")', line)
            if match:
                key = match.group(1)
                entry[key] = ast.literal_eval(match.group(2))
            else:
                entry[key] += ast.literal_eval(line)
        if entry.get("msgid"):
            strs = [entry[k] for k in sorted(entry) if k.startswith("msgstr")]
            entries.append({**entry, "msgstr": strs})
    return entries


@pytest.mark.parametrize("domain", DOMAINS)
def test_each_committed_mo_translates_every_entry_of_its_po(domain):
    entries = read_po(LOCALE / f"{domain}.po")
    with open(LOCALE / f"{domain}.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert entries
    # Nothing in the .mo that the .po no longer has (the header entry aside).
    assert len(compiled._catalog) - 1 == sum(
        len(entry["msgstr"]) if "msgid_plural" in entry else 1 for entry in entries
    )
    for entry in entries:
        context, msgid = entry.get("msgctxt"), entry["msgid"]
        if "msgid_plural" in entry:
            got = (
                compiled.npgettext(context, msgid, entry["msgid_plural"], 2)
                if context
                else compiled.ngettext(msgid, entry["msgid_plural"], 2)
            )
        else:
            got = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
        assert got == entry["msgstr"][0], f"{domain}.mo is stale for {msgid!r}: run msgfmt"


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_entry_is_translated_with_the_same_placeholders(domain):
    for entry in read_po(LOCALE / f"{domain}.po"):
        source = set(PLACEHOLDER.findall(entry["msgid"] + entry.get("msgid_plural", "")))
        for text in entry["msgstr"]:
            assert text.strip(), f"untranslated: {entry['msgid']!r}"
            assert set(PLACEHOLDER.findall(text)) <= source, entry["msgid"]
            if "msgid_plural" not in entry:
                assert set(PLACEHOLDER.findall(text)) == source, entry["msgid"]


def test_the_overrides_reach_wagtails_python_strings():
    with translation.override("zh-hans"):
        assert translation.gettext("Search all pages…") == "搜索全部页面…"
        assert translation.gettext("Autosave is paused") == "自动保存已暂停"
        assert translation.ngettext(
            '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
            56,
        ) == ('%(total)s 个页面<span class="w-sr-only">（%(site_name)s）</span>')


@pytest.mark.django_db
def test_the_overrides_reach_the_admins_javascript_catalogue(admin_client):
    response = admin_client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    text = response.content.decode()
    for translated in ["输入内容，或输入“/”插入内容块", "正在自动保存…"]:
        assert json.dumps(translated)[1:-1] in text  # the catalogue is JSON with \\u escapes
