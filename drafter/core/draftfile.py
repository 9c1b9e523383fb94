"""The draft file format (``.draft``): plain UTF-8 text that diffs well.

Version 1 (the grammar is written out in docs/FORMAT.md)::

    ---
    drafter: 1
    title: 市长在市政府全体（扩大）会议上的讲话
    speaker: …
    numbering: {1: 一、, 2: （一）, 3: '1.', 4: （1）}
    fields: {城市: XX市}
    ---

    @paragraph role=opening
    今天，我们召开……

    @heading level=2 role=review style=一是
    认清形势，正视问题。
    + 年初以来，……

    @end 2

Each block is a header line, one line of text, and for a run-in heading one line of body
after ``+ ``.  Inside a text or body line a backslash, a line feed and a carriage return
are written ``\\\\``, ``\\n`` and ``\\r``; nothing else is escaped.  The closing ``@end N``
(N blocks) tells a complete file from a truncated one.
"""

from __future__ import annotations

import functools
import re

from drafter.core.errors import DrafterError
from drafter.core.markers import parse_style
from drafter.core.model import HEADING, MAX_LEVEL, PARAGRAPH, Block, Draft
from drafter.core.numerals import MAX_NUMBER
from drafter.core.review import Review
from drafter.core.vocab import DRAFT_FIELDS, ROLES

FORMAT_VERSION = 2          # written only for a draft with a reviewer's pending marks
PLAIN_VERSION = 1           # every other draft: version 1, as before
SUFFIX = ".draft"
_META_KEYS = DRAFT_FIELDS


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)


def unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: {"n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), value)


@functools.cache
def _yaml():
    """PyYAML and the draft's dumper, loaded when a draft is first written (the editor's
    window shows before any draft is read or written: ~15 ms of its start-up)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        """Writes strings that YAML would fold or normalise (NEL, line separators, control
        characters) in double quotes, where they are escaped."""

    Dumper.add_representer(str, _represent_str)
    return yaml, Dumper


def _represent_str(dumper, value: str):
    style = '"' if any(not ch.isprintable() or ch in "\x85\u2028\u2029\ufeff" for ch in value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def dumps(draft: Draft) -> str:
    review = draft.review
    meta: dict[str, object] = {"drafter": FORMAT_VERSION if review is not None else PLAIN_VERSION}
    for key in _META_KEYS:
        meta[key] = getattr(draft, key)
    meta["numbering"] = {int(k): v for k, v in sorted(draft.numbering.items())}
    meta["fields"] = dict(draft.fields)
    if review is not None:
        meta["review"] = review.header()
    yaml, dumper = _yaml()
    front = yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1 << 30)
    lines = ["---", front.rstrip("\n"), "---"]
    for block in draft.blocks:
        lines.append("")
        if block.is_heading:
            header = f"@heading level={block.level} role={block.role}"
            if block.style:
                header += f" style={block.style}"
            if block.start:
                header += f" start={block.start}"
            if not block.numbered:
                header += " numbered=no"
        else:
            header = f"@paragraph role={block.role}"
        if block.role_fixed:
            header += " role_set=user"
        lines.append(header)
        lines.append(escape(block.text))
        if block.body:
            lines.append("+ " + escape(block.body))
    lines.append("")
    lines.append(f"@end {len(draft.blocks)}")
    return "\n".join(lines) + "\n"


def loads(text: str, path: str | None = None) -> Draft:
    """Read a draft file's text.  Raises DrafterError naming the line on any defect."""

    def fail(reason: str, line: int | None = None) -> DrafterError:
        return DrafterError(reason, path or "草稿", line)

    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != "---":
        raise fail("不是 Drafter 草稿文件：第一行应为“---”", 1)
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r") == "---")
    except StopIteration:
        raise fail("文件头（front matter）没有结束标记“---”，文件可能不完整", len(lines)) from None
    draft = _read_front(lines[1:close], fail)
    _read_blocks(lines, close + 1, draft, fail)
    return draft


def _read_front(front_lines: list[str], fail) -> Draft:
    from drafter.core.yamlio import safe_load   # PyYAML: when a draft is first read (see _yaml)

    meta = safe_load("\n".join(front_lines), fail("").path or "草稿", first_line=2, label="文件头")
    if not isinstance(meta, dict):
        raise fail("文件头应为“键: 值”形式", 2)
    version = meta.get("drafter")
    if version not in (PLAIN_VERSION, FORMAT_VERSION):
        if isinstance(version, int) and version > FORMAT_VERSION:
            raise fail(f"格式版本 {version} 比本程序支持的版本 {FORMAT_VERSION} 新，请升级 Drafter", 2)
        raise fail(f"未知的格式版本：{version!r}", 2)
    draft = Draft()
    for key in _META_KEYS:
        value = meta.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise fail(f"文件头中“{key}”应为文字", 2)
        setattr(draft, key, value)
    fields = meta.get("fields") or {}
    numbering = meta.get("numbering") or {}
    if not isinstance(fields, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in fields.items()):
        raise fail("文件头中“fields”应为文字对照表", 2)
    if not isinstance(numbering, dict):
        raise fail("文件头中“numbering”应为层级与编号样式的对照表", 2)
    draft.fields = dict(fields)
    draft.numbering = {}
    for level, style in numbering.items():
        if not isinstance(level, int) or not 1 <= level <= MAX_LEVEL or not isinstance(style, str):
            raise fail(f"编号样式设置有误：{level!r}: {style!r}", 2)
        try:
            parse_style(style)
        except ValueError as exc:
            raise fail(str(exc), 2) from None
        draft.numbering[level] = style
    if version == FORMAT_VERSION and meta.get("review") is not None:
        draft.review = _read_review(meta["review"], fail)
    return draft


def _read_review(value, fail) -> Review:
    """The header's ``review``: the reviewer's file kept beside the draft, rebuilt when the
    draft is opened (``storage.read_draft``)."""
    if not isinstance(value, dict):
        raise fail("文件头中“review”应为审阅稿文件名、sha256 和已处理的修订", 2)
    decided, done = value.get("decided") or {}, value.get("comments_done") or {}
    if not isinstance(value.get("file"), str) or not value["file"] or "/" in value["file"] \
            or "\\" in value["file"] or not isinstance(value.get("sha256"), str) \
            or not all(isinstance(m, dict) and all(isinstance(v, bool) for v in m.values()) for m in (decided, done)):
        raise fail("文件头中“review”应为审阅稿文件名、sha256 和已处理的修订", 2)
    return Review(value["file"], decisions={str(k): v for k, v in decided.items()}, sha256=value["sha256"],
                  stored=True, comments_done={str(k): v for k, v in done.items()})


def _read_header(line: str, number: int, fail) -> Block:
    parts = line.split(" ")
    kind = parts[0][1:]
    if kind not in (HEADING, PARAGRAPH):
        raise fail(f"未知的段落类型“{parts[0]}”", number)
    attrs = {}
    for item in parts[1:]:
        key, sep, value = item.partition("=")
        if not sep:
            raise fail(f"段落属性“{item}”应为“名=值”", number)
        attrs[key] = value
    block = Block(kind=kind)
    role = attrs.get("role", "other")
    if role not in ROLES:
        raise fail(f"未知的讲话部分“{role}”", number)
    block.role = role
    block.role_fixed = attrs.get("role_set") == "user"
    if kind == HEADING:
        level = attrs.get("level", "")
        if not level.isdigit() or not 1 <= int(level) <= MAX_LEVEL:
            raise fail(f"标题层级应为 1–{MAX_LEVEL}，实为“{level}”", number)
        block.level = int(level)
        if "style" in attrs:
            try:
                parse_style(attrs["style"])
            except ValueError as exc:
                raise fail(str(exc), number) from None
            block.style = attrs["style"]
        block.numbered = attrs.get("numbered") != "no"
        if "start" in attrs:
            start = attrs["start"]
            if not start.isdigit() or len(start) > 4 or not 1 <= int(start) <= MAX_NUMBER:
                raise fail(f"编号起始值应为 1–{MAX_NUMBER}，实为“{start}”", number)
            block.start = int(start)
    return block


def _read_blocks(lines: list[str], i: int, draft: Draft, fail) -> None:
    n = len(lines)
    while True:
        while i < n and lines[i] == "":
            i += 1
        if i >= n:
            raise fail("文件不完整：缺少结尾的“@end”行（可能在保存时被截断）", n)
        line = lines[i]
        if line.startswith("@end"):
            count = line[4:].strip()
            if not count.isdigit() or int(count) != len(draft.blocks):
                raise fail(f"文件不完整：结尾记录 {count} 段，实际读到 {len(draft.blocks)} 段", i + 1)
            if any(rest.strip() for rest in lines[i + 1:]):
                raise fail("“@end”之后还有内容", i + 2)
            return
        if not line.startswith("@"):
            raise fail("此处应为以“@”开头的段落标记行", i + 1)
        block = _read_header(line, i + 1, fail)
        if i + 1 >= n:
            raise fail("文件不完整：段落标记后缺少正文", i + 1)
        block.text = unescape(lines[i + 1])
        i += 2
        if i < n and lines[i].startswith("+ "):
            if block.kind != HEADING:
                raise fail("只有标题可以带“+ ”正文行", i + 1)
            block.body = unescape(lines[i][2:])
            i += 1
        if i < n and lines[i] != "":
            raise fail("段落之间应以空行分隔", i + 1)
        draft.blocks.append(block)


def decode(data: bytes, path: str | None = None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DrafterError("草稿文件不是 UTF-8 编码，无法读取", path, line) from None
