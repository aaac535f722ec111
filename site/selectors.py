"""Reads across the page tree that the kernel's templates need."""

import datetime
from dataclasses import dataclass

from wagtail.models import Page


@dataclass(frozen=True)
class HomeItem:
    """One line of a home-page section: what it is, where it is, when it appeared."""

    title: str
    url: str
    date: datetime.date | datetime.datetime | None


def home_sections(home, *, per_section=5, request=None):
    """Each live section under the home page (shown in menus) with its latest items.

    The kernel knows no app: a section whose page has `home_items(limit, request)` lists what
    that returns (a complaints page its published replies, an accountability page its decided
    cases: things that are not pages); any other section lists the live pages below it, newest
    first. One query for the sections, one per section.
    """
    sections = []
    for section in home.get_children().live().in_menu().specific():
        own_items = getattr(section, "home_items", None)
        if own_items is not None:
            items = list(own_items(per_section, request))
        else:
            pages = (
                Page.objects.live()
                .public()
                .descendant_of(section)
                .order_by("-first_published_at", "-pk")
                .only("id", "title", "url_path", "first_published_at", "depth", "path")
            )[:per_section]
            items = [
                HomeItem(page.title, page.get_url(request), page.first_published_at)
                for page in pages
            ]
        sections.append({"page": section, "items": items})
    return sections


def main_menu(site_root):
    """The live children of the site's root page that editors placed in the menu."""
    if site_root is None:
        return []
    return list(site_root.get_children().live().in_menu().only("id", "title", "url_path"))


def breadcrumbs(page):
    """The page's ancestors below the tree root, for the breadcrumb trail."""
    return list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path"))
