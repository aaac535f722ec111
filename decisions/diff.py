"""修改对照: the final decision text compared with the draft put to consultation.

Both rich texts are reduced to plain sentences (paragraph breaks kept, tags stripped), compared
sentence by sentence with difflib, and each changed sentence pair is compared again character by
character, so a reader sees exactly which words changed. Markup carries text labels for screen
readers and strike-through/underline for sighted readers: never colour alone.
"""

import hashlib
import html
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote|tr|pre)\s*>|<br\s*/?>|<hr\s*/?>", re.I)
# A sentence ends after 。！？；(or their ASCII forms), keeping the mark with its sentence.
SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+|\s+|.", re.S)
# Character diffs of very long sentence groups are skipped (quadratic cost); whole passages are
# then marked as removed and added.
INLINE_LIMIT = 4_000_000
SUMMARY_LENGTH = 60
# Sentences at least this similar are one sentence edited, not one removed and one added.
SIMILAR = 0.5
# Replaced blocks larger than this (sentences × sentences) are compared as one passage.
ALIGN_LIMIT = 400


def paragraphs(rich_text):
    """The plain-text paragraphs of a rich text (Wagtail's stored HTML)."""
    text = BLOCK_END.sub("\n", rich_text or "")
    text = html.unescape(strip_tags(text))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def sentences(rich_text):
    """The sentences of a rich text, in order; a paragraph without a full stop is one sentence."""
    result = []
    for paragraph in paragraphs(rich_text):
        result.extend(part.strip() for part in SENTENCE_END.split(paragraph) if part.strip())
    return result


@dataclass
class Change:
    """One changed passage: `old` from the draft, `new` from the final text (either may be
    empty), with character-level parts for display."""

    number: int
    old: str
    new: str
    old_parts: list = field(default_factory=list)
    new_parts: list = field(default_factory=list)

    @property
    def kind(self):
        if not self.old:
            return "added"
        if not self.new:
            return "removed"
        return "changed"

    @property
    def kind_label(self):
        return {"added": "新增", "removed": "删除", "changed": "修改"}[self.kind]

    @property
    def passage(self):
        """The passage a comment's response points at: the final text, or the removed draft."""
        return self.new or self.old

    @property
    def anchor(self):
        return "change-" + hashlib.sha1(self.passage.encode()).hexdigest()[:10]

    @property
    def summary(self):
        text = self.passage
        return text if len(text) <= SUMMARY_LENGTH else text[:SUMMARY_LENGTH] + "…"

    def old_html(self):
        return render_parts(self.old_parts, "delete")

    def new_html(self):
        return render_parts(self.new_parts, "insert")

    def as_dict(self):
        return {
            "number": self.number,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "draft": self.old,
            "final": self.new,
            "anchor": self.anchor,
        }


def _tokens(text):
    """Characters, except that a number or a Latin word is one token: 30 → 60 reads as one
    change, not 3 → 6."""
    return TOKEN.findall(text)


def _inline_parts(old, new):
    """(old_parts, new_parts): lists of (op, text), op in equal/delete/insert."""
    if len(old) * len(new) > INLINE_LIMIT:
        return [("delete", old)], [("insert", new)]
    a, b = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    old_parts, new_parts = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            old_parts.append(("equal", "".join(a[i1:i2])))
            new_parts.append(("equal", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            old_parts.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            new_parts.append(("insert", "".join(b[j1:j2])))
    return old_parts, new_parts


def _similarity(a, b):
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # quick_ratio() is a cheap upper bound: skip the exact ratio when it cannot win.
    return matcher.ratio() if matcher.quick_ratio() > SIMILAR else 0.0


def _align(old, new):
    """Pairs (old sentence, new sentence) for one replaced block: each draft sentence goes with
    the most similar final sentence after the previous match, so that two neighbouring edits
    stay two changes; unmatched sentences are removals ("", …) or additions (…, "")."""
    if len(old) * len(new) > ALIGN_LIMIT:
        return [("".join(old), "".join(new))]
    pairs, start = [], 0
    for sentence in old:
        best, best_ratio = None, SIMILAR
        for index in range(start, len(new)):
            ratio = _similarity(sentence, new[index])
            if ratio > best_ratio:
                best, best_ratio = index, ratio
        if best is None:
            pairs.append((sentence, ""))
            continue
        pairs.extend(("", added) for added in new[start:best])
        pairs.append((sentence, new[best]))
        start = best + 1
    pairs.extend(("", added) for added in new[start:])
    return pairs


def _merge(pairs):
    """Neighbouring removals (or additions) are one change: a deleted article is one passage."""
    merged = []
    for old, new in pairs:
        if merged and not (old and new):
            last_old, last_new = merged[-1]
            if (old and last_old and not last_new) or (new and last_new and not last_old):
                merged[-1] = (last_old + old, last_new + new)
                continue
        merged.append((old, new))
    return merged


def compare(draft, final):
    """The changes from the draft rich text to the final rich text, numbered in order."""
    old, new = sentences(draft), sentences(final)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            pairs.extend(_align(old[i1:i2], new[j1:j2]))
        elif tag != "equal":
            pairs.append(("".join(old[i1:i2]), "".join(new[j1:j2])))
        else:
            pairs.append(None)  # an unchanged stretch separates changes that are not merged
    changes = []
    for group in _split_on_equal(pairs):
        for old_text, new_text in _merge(group):
            if old_text and new_text:
                old_parts, new_parts = _inline_parts(old_text, new_text)
            else:
                old_parts = [("delete", old_text)] if old_text else []
                new_parts = [("insert", new_text)] if new_text else []
            changes.append(
                Change(
                    number=len(changes) + 1,
                    old=old_text,
                    new=new_text,
                    old_parts=old_parts,
                    new_parts=new_parts,
                )
            )
    return changes


def _split_on_equal(pairs):
    group = []
    for pair in pairs:
        if pair is None:
            if group:
                yield group
            group = []
        else:
            group.append(pair)
    if group:
        yield group


def render_parts(parts, marked):
    """One side of a change as HTML: unchanged text plain, changed text in <del> or <ins> with a
    label read by screen readers (the visible cue is strike-through or underline)."""
    pieces = []
    for op, text in parts:
        if op == "equal":
            pieces.append(format_html("{}", text))
        elif op == "delete" and marked == "delete":
            pieces.append(
                format_html(
                    '<del><span class="visually-hidden">[删除开始]</span>{}'
                    '<span class="visually-hidden">[删除结束]</span></del>',
                    text,
                )
            )
        elif op == "insert" and marked == "insert":
            pieces.append(
                format_html(
                    '<ins><span class="visually-hidden">[新增开始]</span>{}'
                    '<span class="visually-hidden">[新增结束]</span></ins>',
                    text,
                )
            )
    # Every piece went through format_html, so the joined string is safe.
    return mark_safe("".join(pieces))
