"""What a comparison says to the user: the JSON of ``drafter compare --json`` and the
Chinese summary the command line and the editor's comparison list show."""

from __future__ import annotations

import html

from drafter.compare import CHANGED, DELETED, EQUAL_OP, INSERTED, MOVED_FROM, MOVED_TO, Comparison, Op
from drafter.compare.units import Unit

KIND_NAMES = {CHANGED: "修改", INSERTED: "新增", DELETED: "删除", MOVED_FROM: "移走", MOVED_TO: "移至此处"}
PREVIEW = 24


def _short(text: str, limit: int = PREVIEW) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


def _section(units: list[Unit], index: int) -> str:
    """The printed heading (with its number) the unit at ``index`` stands under."""
    for k in range(index, -1, -1):
        if units[k].is_heading:
            return units[k].runs[0][0] if units[k].runs else ""
    return ""


def change_entries(comparison: Comparison, collapse_moves: bool = False) -> list[dict]:
    """One entry per changed paragraph, in the order of the tracked document (``op`` is the
    index of its op).  With ``collapse_moves`` a moved section is one entry (``paragraphs``
    says how many it holds), as the lists people step through show it."""
    entries = []
    groups: dict[int, dict] = {}
    for k, op in enumerate(comparison.ops):
        if op.kind in (EQUAL_OP, MOVED_FROM):
            continue  # a move is listed once, where it arrives
        if collapse_moves and op.kind == MOVED_TO and op.group in groups:
            groups[op.group]["paragraphs"] += 1
            continue
        entry = _entry(comparison, op)
        entry["op"] = k
        if op.kind == MOVED_TO:
            entry["paragraphs"] = 1
            groups[op.group] = entry
        entries.append(entry)
    return entries


def _entry(c: Comparison, op: Op) -> dict:
    old = c.old_units[op.old] if op.old is not None else None
    new = c.new_units[op.new] if op.new is not None else None
    units, index = (c.new_units, op.new) if new is not None else (c.old_units, op.old)
    entry = {"kind": op.kind, "label": KIND_NAMES[op.kind],
             "old_paragraph": op.old + 1 if op.old is not None else None,
             "new_paragraph": op.new + 1 if op.new is not None else None,
             "section": _section(units, index),
             "old_text": old.text if old else None, "new_text": new.text if new else None}
    if op.segments:
        entry["segments"] = [{"op": kind, "text": text} for kind, text, _style in op.segments]
    if op.group is not None:
        entry["move"] = op.group
    return entry


def describe(entry: dict) -> str:
    """One line for a change: 〔修改〕（一）认清形势……：删“推动”，增“推进”."""
    where = entry["section"] or "开头"
    text = entry["new_text"] if entry["new_text"] is not None else entry["old_text"]
    if entry["kind"] in (INSERTED, DELETED):
        return f"〔{entry['label']}〕{_short(where)}：{_short(text)}"
    parts = []
    for seg in entry.get("segments", []):
        if seg["op"] == "delete" and entry["kind"] == CHANGED:
            parts.append(f"删“{_short(seg['text'], 16)}”")
        elif seg["op"] == "insert":
            parts.append(f"增“{_short(seg['text'], 16)}”")
    if entry["kind"] == MOVED_TO:
        count = entry.get("paragraphs", 1)
        extent = f"整节 {count} 段，" if count > 1 else ""
        head = f"〔移动〕“{_short(entry['new_text'])}”（{extent}原第 {entry['old_paragraph']} 段起）"
        return head + ("，并" + "，".join(parts) if parts else "")
    return f"〔修改〕{_short(where)}：" + "，".join(parts[:6]) + ("……" if len(parts) > 6 else "")


def summary(comparison: Comparison) -> str:
    """修改 3 段，新增 2 段，删除 1 段，移动 2 处（5 段）; or 两个版本没有差异."""
    if not comparison.changed:
        return "两个版本没有差异。"
    counts = comparison.counts()
    parts = []
    for kind in (CHANGED, INSERTED, DELETED):
        if counts[kind]:
            parts.append(f"{KIND_NAMES[kind]} {counts[kind]} 段")
    moves = comparison.moves()
    if moves:
        parts.append(f"移动 {len(moves)} 处（{counts[MOVED_TO]} 段）")
    return "，".join(parts) + "。"


def little_in_common_note(comparison: Comparison) -> str | None:
    if not comparison.shares_little():
        return None
    return (f"提示：两个版本相同的文字很少（约 {comparison.similarity():.0%}），可能不是同一篇讲话稿的"
            "两个版本；比较结果仍完整列出全部差异。")


def comparison_json(comparison: Comparison, old_name: str, new_name: str) -> dict:
    moves = [{"group": m.group, "paragraphs": m.paragraphs, "heading": m.heading or None,
              "old_text": _short(m.old_text, 60), "new_text": _short(m.new_text, 60)}
             for m in comparison.moves()]
    return {"old": old_name, "new": new_name, "identical": not comparison.changed,
            "similarity": round(comparison.similarity(), 4), "summary": summary(comparison),
            "note": little_in_common_note(comparison), "counts": comparison.counts(),
            "moves": moves, "changes": change_entries(comparison)}


_STYLE = {"insert": "color:#1b5fb4;text-decoration:underline",
          "delete": "color:#b3261e;text-decoration:line-through"}
_MOVED = "background:#e6f4ea"
_MOVED_AWAY = "color:#6b6b6b;text-decoration:line-through;background:#f1f3f4"


def _html_text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def comparison_html(comparison: Comparison) -> str:
    """The merged text as HTML for a read-only view: inserted words underlined in blue,
    deleted ones struck through in red, moved paragraphs shaded (their old place struck
    through in grey), heading sentences in bold.  Each changed paragraph is anchored
    ``op-K`` (K: the index of its op, the ``op`` of ``change_entries``)."""
    parts = ['<html><body style="font-size:12pt;line-height:160%">']
    for k, op in enumerate(comparison.ops):
        unit = comparison.new_units[op.new] if op.new is not None else comparison.old_units[op.old]
        style = {MOVED_TO: _MOVED, MOVED_FROM: _MOVED_AWAY}.get(op.kind, "")
        anchor = f'<a name="op-{k}"></a>' if op.kind != EQUAL_OP else ""
        if op.kind in (CHANGED, MOVED_TO) and op.segments:
            pieces = [(kind, t, s) for kind, t, s in op.segments if not (kind == "delete" and op.kind == MOVED_TO)]
        else:
            kind = {INSERTED: "insert", DELETED: "delete"}.get(op.kind, "equal")
            pieces = [(kind, t, s) for t, s in unit.runs]
        body = ""
        for kind, text, run_style in pieces:
            piece = _html_text(text)
            if kind != "equal":
                piece = f'<span style="{_STYLE[kind]}">{piece}</span>'
            if unit.is_heading and run_style is None:
                piece = f"<b>{piece}</b>"
            body += piece
        parts.append(f'<p style="{style}">{anchor}{body or "&nbsp;"}</p>')
    parts.append("</body></html>")
    return "".join(parts)
