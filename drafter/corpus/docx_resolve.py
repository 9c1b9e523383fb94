"""Resolving a reviewer's revisions inside the document XML, as Word's 接受/拒绝 does.

``resolve_xml(body, decide)`` changes a w:body in place: every revision is accepted or
rejected by ``decide(revision)``; inserted and moved-to content stays when accepted, deleted
and moved-from content when rejected (its w:delText turned back into w:t); a table row
inserted or deleted as a whole goes with its revision; a paragraph whose mark goes is joined
to the next paragraph; a style or run-format change keeps the new or restores the old
properties.  The document that results is an ordinary one any reader takes.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

INSERTING = ("ins", "moveTo")
DELETING = ("del", "moveFrom")
REVISION_TAGS = {qn(f"w:{name}"): name for name in INSERTING + DELETING}
TEXT_TAGS = {qn("w:t"), qn("w:delText")}
P_TAG, TR_TAG, TC_TAG, PPR_TAG, RPR_TAG = qn("w:p"), qn("w:tr"), qn("w:tc"), qn("w:pPr"), qn("w:rPr")

@dataclass(frozen=True)
class Revision:
    """One tracked change as Word stores it (its w:id is unique in the document)."""
    id: str
    kind: str          # ins | del | moveFrom | moveTo
    author: str
    date: str


def revision_id(el) -> str:
    """The revision's w:id; a file that left it out gets the element's path in the document,
    the same however often the file is read, so each revision is still decided on its own."""
    return el.get(qn("w:id")) or "@" + el.getroottree().getpath(el)


def revision_of(el) -> Revision:
    return Revision(revision_id(el), REVISION_TAGS[el.tag], el.get(qn("w:author")) or "",
                    el.get(qn("w:date")) or "")



_RANGE_TAGS = tuple(qn(f"w:{k}Range{e}") for k in ("moveFrom", "moveTo") for e in ("Start", "End"))


def _attached(el, root) -> bool:
    return any(a is root for a in el.iterancestors())


def _keeps(kind: str, accepted: bool) -> bool:
    """Whether content under a revision of ``kind`` stays when it is accepted or rejected."""
    return accepted if kind in INSERTING else not accepted


def resolve_xml(body, decide) -> None:
    """Resolve, in place, every revision under ``body`` (w:body) the way Word does;
    ``decide(revision)`` says accept (True) or reject (False).  Text kept from a deletion is
    turned back into w:t; a paragraph whose mark goes is joined to the next one."""
    for el in list(body.iter(*_RANGE_TAGS)):
        el.getparent().remove(el)
    # table rows inserted or deleted as a whole
    for trpr in list(body.iter(qn("w:trPr"))):
        for mark in [c for c in trpr if c.tag in REVISION_TAGS]:
            row = trpr.getparent()
            trpr.remove(mark)
            if not _keeps(REVISION_TAGS[mark.tag], decide(revision_of(mark))) and _attached(row, body):
                row.getparent().remove(row)
    # paragraph style changes
    for change in list(body.iter(qn("w:pPrChange"))):
        ppr = change.getparent()
        accepted = decide(Revision(revision_id(change), "pPrChange", "", ""))
        ppr.remove(change)
        if not accepted:
            old = change.find(PPR_TAG)
            style = old.find(qn("w:pStyle")) if old is not None else None
            current = ppr.find(qn("w:pStyle"))
            if current is not None:
                ppr.remove(current)
            if style is not None:
                ppr.insert(0, style)
    for change in list(body.iter(qn("w:rPrChange"))):
        rpr = change.getparent()
        if not decide(Revision(revision_id(change), "rPrChange", "", "")):
            old = change.find(RPR_TAG)
            for child in list(rpr):
                rpr.remove(child)
            for child in list(old) if old is not None else []:
                rpr.append(child)
        elif change.getparent() is not None:
            rpr.remove(change)
    # run content, outermost revision first
    for el in list(body.iter(*REVISION_TAGS)):
        parent = el.getparent()
        if parent is None or parent.tag in (RPR_TAG, qn("w:trPr")) or not _attached(el, body):
            continue
        kind = REVISION_TAGS[el.tag]
        if _keeps(kind, decide(revision_of(el))):
            if kind in DELETING:
                for text in el.iter(qn("w:delText")):
                    text.tag = qn("w:t")
            index = parent.index(el)
            for offset, child in enumerate(list(el)):
                parent.insert(index + offset, child)
            parent.remove(el)
        else:
            parent.remove(el)
    # paragraph marks
    for p in list(body.iter(P_TAG)):
        ppr = p.find(PPR_TAG)
        rpr = ppr.find(RPR_TAG) if ppr is not None else None
        if rpr is None:
            continue
        marks = [c for c in rpr if c.tag in REVISION_TAGS]
        kept = all(_keeps(REVISION_TAGS[m.tag], decide(revision_of(m))) for m in marks)
        for m in marks:
            rpr.remove(m)
        following = p.getnext()
        while following is not None and following.tag != P_TAG and following.tag in _RANGE_TAGS:
            following = following.getnext()
        if kept or following is None or following.tag != P_TAG:
            continue
        target_ppr = following.find(PPR_TAG)
        at = following.index(target_ppr) + 1 if target_ppr is not None else 0
        for offset, child in enumerate([c for c in p if c.tag != PPR_TAG]):
            following.insert(at + offset, child)
        p.getparent().remove(p)
