"""What a comparison says to the user: the JSON of ``drafter compare --json`` and the
Chinese summary the command line and the editor's comparison list show."""

from __future__ import annotations

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


def change_entries(comparison: Comparison) -> list[dict]:
    """One entry per changed paragraph, in the order of the tracked document."""
    entries = []
    for op in comparison.ops:
        if op.kind in (EQUAL_OP, MOVED_FROM):
            continue  # a move is listed once, where it arrives
        entries.append(_entry(comparison, op))
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
        head = f"〔移动〕“{_short(entry['new_text'])}”（原第 {entry['old_paragraph']} 段）"
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
