"""Export a draft: Word (.docx, print or read-aloud layout) or plain text (.txt).

``export_draft`` checks the target before it builds anything and writes through
``drafter.core.atomic.atomic_write`` (a temporary file in the same folder, then
``os.replace``), so a failed export leaves the previous file at that path untouched and no
partial file behind.  Characters the chosen fonts lack are not an error: the file is written
(Word draws them in a fallback font) and the characters are returned as warnings.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from drafter.core.atomic import atomic_write  # not core.storage: it imports the .draft format (yaml)
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.export.fonts import get_font_set, missing_characters
from drafter.export.profiles import get_profile

logger = logging.getLogger(__name__)

#: Longest draft we export (characters of text); a speech is 3,000–30,000.
MAX_CHARS = 2_000_000
SUFFIXES = (".docx", ".txt")


def draft_text(draft: Draft) -> str:
    parts = [draft.title, draft.speaker, draft.date, draft.salutation]
    parts += [b.text + b.body for b in draft.blocks]
    return "\n".join(parts)


def office_lock_files(path: Path) -> list[Path]:
    """Owner files Word, WPS and LibreOffice keep beside a document they have open."""
    name = path.name
    names = {f"~${name}", f".~lock.{name}#"}
    if len(name) > 2:
        names.add(f"~${name[2:]}")
    return [path.with_name(n) for n in sorted(names)]


def check_target(path: Path) -> None:
    """Refuse, with the reason, a target we cannot write whole."""
    if path.suffix.lower() not in SUFFIXES:
        raise DrafterError("不支持的导出格式：请用 .docx 或 .txt 结尾的文件名", path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise DrafterError("导出失败：文件夹不存在", folder)
    if not folder.is_dir():
        raise DrafterError("导出失败：上级路径不是文件夹", folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DrafterError("导出失败：没有在该文件夹中写入的权限", folder)
    if path.is_dir():
        raise DrafterError("导出失败：该路径是一个文件夹，不能覆盖", path)
    if path.exists() and not os.access(path, os.W_OK):
        raise DrafterError("导出失败：目标文件是只读的，原文件未改动", path)
    for lock in office_lock_files(path):
        if lock.exists():
            raise DrafterError(f"导出失败：该文件正在 Word/WPS/LibreOffice 中打开（{lock.name}），"
                               "请先关闭它，原文件未改动", path)


def export_draft(draft: Draft, path: str | os.PathLike[str], profile: str = "print",
                 fonts: str = "gb2312", bold_minor_headings: bool = False,
                 indent_text: bool = False, author: str = "") -> list[str]:
    """Write ``draft`` to ``path`` (.docx or .txt, by suffix), atomically.

    ``author`` is the writer named in the .docx properties (the user's setting).
    Returns warnings for the user (Chinese), e.g. characters the fonts do not cover.
    Raises DrafterError for an empty or oversized draft or a target that cannot be written.
    """
    path = Path(path)
    layout, font_set = get_profile(profile), get_font_set(fonts)
    check_target(path)
    text = draft_text(draft)
    if not text.strip():
        raise DrafterError("草稿是空的（没有标题，也没有正文），未导出", path)
    size = draft.char_count() + len(draft.title)
    if size > MAX_CHARS:
        raise DrafterError(f"草稿过长（{size} 字，上限 {MAX_CHARS} 字），未导出；原文件未改动", path)
    warnings: list[str] = []
    if path.suffix.lower() == ".txt":
        from drafter.export.text import draft_to_text
        data = draft_to_text(draft, indent=indent_text).encode("utf-8")
        if draft.review is not None and draft.review.pending:
            warnings.append(f"{path}：注意：{draft.review.summary()}纯文本只含送审时的文字，修订和批注未写入；"
                            "要保留它们请导出为 .docx")
    else:
        from drafter.export.docx_writer import docx_bytes
        missing = missing_characters(text, font_set)
        if missing:
            shown = "".join(missing[:20]) + ("……" if len(missing) > 20 else "")
            warnings.append(f"{path}：提示：有 {len(missing)} 个字符不在“{font_set.label}”的字符集"
                            f"（{font_set.charset.upper()}）中，Word 会用其他字体显示：{shown}")
        if draft.review is not None and draft.review.pending:
            from drafter.export.tracked import reviewed_docx_bytes  # the reviewer's marks written back
            data = reviewed_docx_bytes(draft, font_set.name)
            if draft.review.matches(draft):
                warnings.append(f"{path}：{draft.review.summary()}已作为修订和批注写回，未接受任何修订"
                                + ("（带修订的文件按印发稿版式）" if layout.name != "print" else ""))
            else:
                warnings.append(f"{path}：注意：读入审阅稿后正文已改动，审阅稿中的修订未写回（仍在 "
                                f"{draft.review.source} 中），只写回了批注")
        else:
            data = docx_bytes(draft, layout, font_set, bold_minor_headings, author)
    atomic_write(path, data)
    logger.info("exported %s (%s, %s, %d bytes)", path, layout.name, font_set.name, len(data))
    return warnings
