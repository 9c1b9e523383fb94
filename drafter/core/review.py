"""A reviewer's pending marks on a draft: tracked changes (修订) and comments (批注).

A draft read from a reviewer's .docx is the text *as the writer sent it* (every pending
revision rejected) with ``Draft.review`` holding what the reviewer did: each revision (kind,
author, date, text, where) and each comment (author, date, text, the text it is about, where),
and the draft as it would read with every pending revision accepted.  Nothing is accepted
silently: accepting or rejecting is an explicit decision (``corpus.docx_review.decide``), and
exporting a draft that still has pending marks writes them back as revisions and comments.
Pure Python; the editor shows these, the command line lists them (``drafter parse --json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.core.model import Draft

#: Kinds of revision, as Word names them, and what the user reads.
KIND_NAMES = {"ins": "插入", "del": "删除", "moveFrom": "移走", "moveTo": "移入", "pPrChange": "段落格式",
              "rPrChange": "文字格式"}
INSERTING = ("ins", "moveTo")
DELETING = ("del", "moveFrom")


@dataclass(frozen=True)
class Spot:
    """Where a mark sits in the text as the writer sent it (the draft's text): paragraph
    ``paragraph`` of that text (0-based, empty paragraphs counted) reading ``text``, from
    ``start`` to ``end`` in paragraph ``end_paragraph`` reading ``end_text``.  A point
    (``start == end`` in one paragraph) is where an insertion goes."""

    paragraph: int
    text: str
    start: int
    end_paragraph: int
    end_text: str
    end: int


@dataclass(frozen=True)
class PendingRevision:
    id: str
    kind: str                 # ins | del | moveFrom | moveTo | pPrChange
    author: str
    date: str
    text: str                 # the text inserted, deleted or moved ("" for a paragraph mark only)
    paragraph: int            # 1-based paragraph of the reviewer's file
    context: str              # the start of that paragraph, to find it
    whole_paragraph: bool = False   # the paragraph itself was inserted / deleted / moved
    spot: Spot | None = field(default=None, compare=False)   # where, in the draft's text

    def as_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "label": KIND_NAMES.get(self.kind, self.kind),
                "author": self.author, "date": self.date or None, "text": self.text,
                "where": {"paragraph": self.paragraph, "context": self.context},
                "whole_paragraph": self.whole_paragraph}


@dataclass(frozen=True)
class PendingComment:
    id: str
    author: str
    date: str
    text: str
    anchor: str               # the text the comment is about (paragraphs joined by a line feed)
    paragraph: int            # 1-based paragraph where it starts
    end_paragraph: int
    initials: str = ""
    resolved: bool = False    # marked done (已解决) in Word
    spot: Spot | None = field(default=None, compare=False)   # where, in the draft's text

    def as_json(self) -> dict:
        return {"id": self.id, "author": self.author, "date": self.date or None, "text": self.text,
                "anchor": self.anchor, "resolved": self.resolved,
                "where": {"paragraph": self.paragraph, "end_paragraph": self.end_paragraph}}


def text_key(draft: Draft) -> tuple:
    """What the text of a draft is, for telling whether it was edited."""
    return (draft.title, draft.speaker, draft.date, draft.occasion, draft.salutation,
            tuple((b.kind, b.level, b.text, b.body) for b in draft.blocks))


@dataclass
class Review:
    source: str                                   # the reviewer's file
    revisions: list[PendingRevision] = field(default_factory=list)
    comments: list[PendingComment] = field(default_factory=list)
    accepted: Draft | None = None                 # the draft with every pending revision accepted
    decisions: dict[str, bool] = field(default_factory=dict)   # decided so far: id -> accepted
    #: For each reviewer paragraph edited inside: (text before, text after) -> its pieces
    #: (equal | insert | delete, text), so writing the marks back keeps the reviewer's own cuts.
    edits: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    #: ``text_key`` of the draft as read: the revisions apply to that text only.
    base_key: tuple = ()
    sha256: str = ""          # of the reviewer's file, so a kept copy can be checked
    #: read from a .draft's header (file, sha256, decisions) and not yet rebuilt from the
    #: kept copy of the reviewer's file (``corpus.review_store.restore_review``)
    stored: bool = False
    #: comments the writer marked done (True) or opened again (False) in Drafter: id -> done
    comments_done: dict[str, bool] = field(default_factory=dict)

    def header(self) -> dict:
        """What a .draft's header keeps of it (docs/FORMAT.md, version 2): the reviewer's
        file (its copy lies in NAME.draft.review/), its sha256 and the decisions made."""
        head = {"file": Path(self.source).name, "sha256": self.sha256,
                "decided": {str(k): bool(v) for k, v in self.decisions.items()}}
        if self.comments_done:
            head["comments_done"] = {str(k): bool(v) for k, v in self.comments_done.items()}
        return head

    def with_comment_done(self, comment_id: str, done: bool) -> Review:
        """A copy with comment ``comment_id`` marked done (已解决: not written back on export)
        or open again; the draft's text is not touched."""
        if comment_id not in {c.id for c in self.comments}:
            raise KeyError(comment_id)
        copy = replace(self, comments=[replace(c, resolved=done) if c.id == comment_id else c for c in self.comments],
                       comments_done={**self.comments_done, comment_id: done})
        return copy

    def apply_comments_done(self, done: dict[str, bool]) -> None:
        """The writer's 已解决 marks (from a .draft's header) on the comments read again."""
        self.comments = [replace(c, resolved=done[c.id]) if c.id in done else c for c in self.comments]
        self.comments_done = {k: v for k, v in done.items() if k in {c.id for c in self.comments}}

    def matches(self, draft: Draft) -> bool:
        """True while ``draft`` still has the text the revisions were read against (not edited
        since): only then can they be decided or written back as they are."""
        return text_key(draft) == self.base_key

    @property
    def pending(self) -> bool:
        return bool(self.revisions) or any(not c.resolved for c in self.comments)

    def authors(self) -> list[str]:
        seen: dict[str, None] = {}
        for item in [*self.revisions, *self.comments]:
            seen.setdefault(item.author, None)
        return list(seen)

    def summary(self) -> str:
        """待处理修订 12 处（张三、李四），批注 3 条."""
        parts = []
        if self.revisions:
            parts.append(f"待处理修订 {len(self.revisions)} 处")
        open_comments = [c for c in self.comments if not c.resolved]
        if open_comments:
            parts.append(f"批注 {len(open_comments)} 条")
        if not parts:
            return "没有待处理的修订和批注。"
        authors = "、".join(a or "（未署名）" for a in self.authors())
        return "，".join(parts) + (f"（{authors}）" if authors else "") + "。"
