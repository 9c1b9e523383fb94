"""What ``drafter doctor`` and the editor's 帮助 → 运行环境 report: versions, folders, the fonts
the Word output names, and whether each part of the program works on this machine.

Every part is tried for real on a small shipped speech (read, outline, template, phrase bank,
Word export, library), so a frozen app that misses a data file says which part fails instead of
failing later in the middle of the user's work.  Nothing here imports Qt: the editor's part is
judged by locating PySide6 and its platform plugin and translations.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from drafter import __version__
from drafter.core import paths, segment
from drafter.core.errors import DrafterError
from drafter.export.fonts import FONT_SETS, describe_missing, installed_families, missing_fonts

DISTRIBUTIONS = ("PySide6-Essentials", "python-docx", "jieba", "Jinja2", "PyYAML", "platformdirs")


@dataclass
class Item:
    label: str
    ok: bool        # the part works (False: it does not)
    detail: str
    note: bool = False  # works, with something worth knowing (a font Word will substitute)


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "未找到"


def versions() -> list[Item]:
    frozen = "（独立程序包）" if getattr(sys, "frozen", False) else ""
    items = [Item("Drafter", True, f"{__version__}{frozen}"),
             Item("Python", True, f"{platform.python_version()}（{sys.executable}）"),
             Item("操作系统", True, platform.platform())]
    for dist in DISTRIBUTIONS:
        found = _version(dist)
        # a frozen app carries the modules without their metadata: the parts below judge them
        items.append(Item(dist, found != "未找到" or bool(frozen), found if found != "未找到" or not frozen
                          else "已打包"))
    return items


def folders() -> list[Item]:
    items = []
    try:
        home = paths.data_home()
        writable = os.access(home, os.W_OK | os.X_OK)
        items.append(Item("数据文件夹", writable, f"{home}" + ("" if writable else "（不可写）")))
    except (OSError, DrafterError) as exc:
        items.append(Item("数据文件夹", False, f"无法使用：{exc}"))
    root = paths.package_root()
    missing = [name for name in ("templates", "phrasebank", "resources") if not (root / name).is_dir()]
    items.append(Item("程序数据", not missing,
                      f"{root}" + (f"（缺少 {'、'.join(missing)}）" if missing else "")))
    return items


def fonts() -> list[Item]:
    families = installed_families()
    if families is None:
        return [Item("字体", True, "无法列出本机字体（不影响导出）")]
    items = []
    for font_set in FONT_SETS.values():
        missing = missing_fonts(font_set, families)
        detail = "齐全" if not missing else f"缺少 {describe_missing(missing)}"
        # a missing font is not a fault: the .docx names it and opens fine where it is installed
        items.append(Item(f"字体：{font_set.label}", True, detail, note=bool(missing)))
    return items


def _sample_path() -> Path:
    corpus = paths.package_root() / "resources" / "corpus"
    samples = sorted(corpus.glob("*.txt"))
    if not samples:
        raise DrafterError("找不到示例讲话稿", corpus)
    return samples[0]


def _try_read() -> str:
    from drafter.corpus.documents import load_document
    draft = load_document(_sample_path())
    return f"{len(draft.blocks)} 段，{sum(b.is_heading for b in draft.blocks)} 个编号标题"


def _try_templates() -> str:
    from drafter.templates import load_templates
    templates, errors = load_templates()
    if not templates:
        raise DrafterError("没有可用的结构模板" + (f"：{errors[0].message}" if errors else ""))
    return f"{len(templates)} 个" + (f"，{len(errors)} 个文件有误" if errors else "")


def _try_phrases() -> str:
    from drafter.phrasebank import load_phrases
    phrases, errors = load_phrases()
    if not phrases:
        raise DrafterError("常用表述库是空的")
    return f"{len(phrases)} 条" + (f"，{len(errors)} 个文件有误" if errors else "")


def _try_export() -> str:
    from drafter.corpus.documents import load_document
    from drafter.export.docx_writer import docx_bytes
    draft = load_document(_sample_path())
    sizes = [len(docx_bytes(draft, profile)) for profile in ("print", "read-aloud")]
    return f"印发稿 {sizes[0] // 1024} KB，大字版 {sizes[1] // 1024} KB"


def _try_segmenter() -> str:
    words = segment.jieba().lcut("全面从严治党永远在路上")
    return f"分词正常（{'/'.join(words)}）"


def _try_library() -> str:
    from drafter.corpus.library import open_library
    with tempfile.TemporaryDirectory() as folder:
        with open_library(Path(folder) / "doctor.sqlite3") as library:
            results = list(library.add([_sample_path()]))
            if results and results[0].error:
                raise results[0].error
            hits = library.search("全面从严治党")
    return f"导入与检索正常（示例检索命中 {len(hits)} 处）"


def _try_editor() -> str:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise DrafterError("未安装 PySide6")
    qt = Path(list(spec.submodule_search_locations)[0]) / "Qt"
    plugins = [p for p in (qt / "plugins" / "platforms").glob("*") if p.is_file()]
    translations = list((qt / "translations").glob("qtbase_zh_CN.qm"))
    if not plugins:
        raise DrafterError("缺少 Qt 平台插件", qt / "plugins" / "platforms")
    note = "中文界面翻译齐全" if translations else "缺少 Qt 中文翻译（对话框按钮为英文）"
    return f"{len(plugins)} 个平台插件，{note}"


PARTS: list[tuple[str, Callable[[], str]]] = [
    ("读取讲话稿", _try_read),
    ("结构模板", _try_templates),
    ("常用表述库", _try_phrases),
    ("导出 Word", _try_export),
    ("中文分词", _try_segmenter),
    ("讲话稿库", _try_library),
    ("编辑器组件", _try_editor),
]


def parts() -> list[Item]:
    items = []
    for label, attempt in PARTS:
        started = time.perf_counter()
        try:
            detail = attempt()
            ok = True
        except DrafterError as exc:
            detail, ok = exc.message, False
        except Exception as exc:  # a broken part is reported, the others are still tried
            detail, ok = f"{type(exc).__name__}: {exc}", False
        items.append(Item(label, ok, f"{detail}（{(time.perf_counter() - started) * 1000:.0f} ms）"))
    return items


def report() -> list[tuple[str, list[Item]]]:
    return [("版本", versions()), ("文件夹", folders()), ("字体", fonts()), ("功能", parts())]


def format_report(sections: list[tuple[str, list[Item]]]) -> str:
    lines = []
    for title, items in sections:
        lines.append(f"【{title}】")
        lines += [f"  {'✗' if not item.ok else '!' if item.note else '✓'} {item.label}：{item.detail}"
                  for item in items]
    failed = [item.label for _, items in sections for item in items if not item.ok]
    notes = sum(item.note for _, items in sections for item in items)
    if failed:
        lines.append(f"有 {len(failed)} 项不能正常工作：{'、'.join(failed)}")
    elif notes:
        lines.append(f"各项功能正常；有 {notes} 项提示（标 ! 的行），不影响使用。")
    else:
        lines.append("一切正常。")
    return "\n".join(lines)


def all_ok(sections: list[tuple[str, list[Item]]]) -> bool:
    return all(item.ok for _, items in sections for item in items)
