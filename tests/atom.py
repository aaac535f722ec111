"""RFC 4287's required-element rules, checked on a parsed feed (xml.etree, no network)."""

import datetime
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def _date(text):
    # RFC 3339 date-time (section 3.3): a full date, a time and an offset or Z.
    value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert value.tzinfo is not None, text
    return value


def _has_author(element):
    author = element.find(f"{ATOM}author")
    return author is not None and (author.findtext(f"{ATOM}name") or "").strip() != ""


def check_atom(body):
    """Parse `body` and assert the feed-level and entry-level MUSTs of RFC 4287 (4.1.1,
    4.1.2): one id, title and updated each; an author on the feed or on every entry; each
    entry a link or content, a summary where there is no inline content. Returns the root."""
    root = ET.fromstring(body)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), name
    _date(root.findtext(f"{ATOM}updated"))
    feed_author = _has_author(root)
    self_links = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("href", "").startswith("http")
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        _date(entry.findtext(f"{ATOM}updated"))
        assert feed_author or _has_author(entry)
        alternates = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert alternates or entry.find(f"{ATOM}content") is not None
        if entry.find(f"{ATOM}content") is None:
            assert entry.find(f"{ATOM}summary") is not None
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return root


def hrefs(root):
    """Every link href and id in the feed, for host checks."""
    found = [link.get("href") for link in root.iter(f"{ATOM}link")]
    return found + [element.text for element in root.iter(f"{ATOM}id")]
