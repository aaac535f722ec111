"""Reads across the page tree that the kernel's templates need."""

from wagtail.models import Page


def home_sections(home, *, per_section=5):
    """Each live section under the home page (shown in menus) with its latest live pages.

    The kernel knows no app: a section is any child of the home page, and its items are the live
    pages below it, newest first. One query for the sections, one per section.
    """
    sections = []
    for section in home.get_children().live().in_menu().specific():
        items = (
            Page.objects.live()
            .public()
            .descendant_of(section)
            .order_by("-first_published_at", "-pk")
            .only("id", "title", "url_path", "first_published_at", "depth", "path")
        )[:per_section]
        sections.append({"page": section, "items": list(items)})
    return sections


def main_menu(site_root):
    """The live children of the site's root page that editors placed in the menu."""
    if site_root is None:
        return []
    return list(site_root.get_children().live().in_menu().only("id", "title", "url_path"))


def breadcrumbs(page):
    """The page's ancestors below the tree root, for the breadcrumb trail."""
    return list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path"))
