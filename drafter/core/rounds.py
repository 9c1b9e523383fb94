"""Review rounds (第一稿, 征求意见稿, 送审稿, 定稿 …): named versions of a draft kept beside it.

For ``讲话.draft`` the rounds live in the folder ``讲话.draft.rounds/``:

- ``rounds.yaml``, the index (format version ``drafter-rounds: 1``): for each round its name,
  its file, when it was saved, its length and the SHA-256 of its bytes;
- one ordinary draft file per round (``001.draft``, ``002.draft`` …), never rewritten.

Saving a round writes the round's file first and then the index, both through
``storage.atomic_write``: a crash leaves either the old index or the new one (at worst an
unreferenced round file).  A round whose bytes no longer match the index is refused, not
read silently.  Rounds are opened read-only (a copy of the draft; nothing writes back into a
round).  Restoring a round first keeps the current text as a round of its own
(``恢复“第一稿”之前 …``), so a restore can itself be undone by restoring that round.
The format is written down in docs/FORMAT.md.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from drafter.core import draftfile, safeio, yamlio
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.core.storage import atomic_write

logger = logging.getLogger(__name__)

INDEX_VERSION = 1
INDEX_NAME = "rounds.yaml"
FOLDER_SUFFIX = ".rounds"
MAX_NAME = 40
#: Usual names, offered first in the editor; any other name is allowed.
USUAL_NAMES = ("第一稿", "第二稿", "征求意见稿", "送审稿", "定稿")
#: ``FILE.draft@NAME`` names a round on the command line.
SEPARATOR = "@"


@dataclass(frozen=True)
class Round:
    name: str
    file: str
    saved: str        # ISO 8601 local time with offset
    chars: int
    sha256: str


def rounds_dir(draft_path: str | os.PathLike[str]) -> Path:
    path = Path(draft_path)
    return path.with_name(path.name + FOLDER_SUFFIX)


def _index_path(draft_path) -> Path:
    return rounds_dir(draft_path) / INDEX_NAME


def check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise DrafterError("轮次名称不能为空")
    if len(name) > MAX_NAME:
        raise DrafterError(f"轮次名称过长（{len(name)} 字，上限 {MAX_NAME} 字）")
    if any(not ch.isprintable() for ch in name) or SEPARATOR in name:
        raise DrafterError(f"轮次名称不能含有换行、控制字符或“{SEPARATOR}”：{name!r}")
    return name


def list_rounds(draft_path: str | os.PathLike[str]) -> list[Round]:
    """The rounds of a draft, oldest first (none: an empty list)."""
    index = _index_path(draft_path)
    if not os.path.lexists(index):
        return []
    text = safeio.read_text(index, safeio.MAX_YAML_BYTES)  # regular file, bounded
    try:
        data = yamlio.safe_load(text, str(index))  # depth-bounded
    except DrafterError as exc:
        raise DrafterError(f"轮次索引已损坏（{exc.reason}），各轮次文件仍在该文件夹中", index) from None
    if not isinstance(data, dict) or "drafter-rounds" not in data:
        raise DrafterError("不是 Drafter 的轮次索引", index)
    version = data["drafter-rounds"]
    if version != INDEX_VERSION:
        raise DrafterError(f"轮次索引的格式版本 {version!r} 不受支持（本程序支持 {INDEX_VERSION}）", index)
    result = []
    for item in data.get("rounds") or []:
        try:
            result.append(Round(str(item["name"]), str(item["file"]), str(item["saved"]),
                                int(item["chars"]), str(item["sha256"])))
        except (KeyError, TypeError, ValueError):
            raise DrafterError(f"轮次索引中有一项不完整：{item!r}", index) from None
    return result


def _write_index(draft_path, rounds: list[Round]) -> None:
    data = {"drafter-rounds": INDEX_VERSION,
            "rounds": [{"name": r.name, "file": r.file, "saved": r.saved, "chars": r.chars,
                        "sha256": r.sha256} for r in rounds]}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1 << 20)
    atomic_write(_index_path(draft_path), text.encode("utf-8"), like=draft_path)


def find_round(draft_path, name: str) -> Round:
    rounds = list_rounds(draft_path)
    for r in rounds:
        if r.name == name:
            return r
    known = "、".join(r.name for r in rounds) or "（尚无轮次）"
    raise DrafterError(f"没有名为“{name}”的轮次；已有：{known}", draft_path)


def strictest_source(paths) -> Path | None:
    """Of the files a copy is made from (a comparison's OLD and NEW, a draft), the one least
    readable by others when it is not readable by all: the copy takes its mode (atomic_write's
    ``like``), so a confidential draft's tracked .docx is no more readable than the draft."""
    modes = []
    for path in paths:
        if path is not None and os.path.isfile(path):
            modes.append((os.stat(path).st_mode & 0o077, str(path)))
    if not modes:
        return None
    mode, path = min(modes)
    return Path(path) if mode & 0o044 != 0o044 else None


def folder_mode(draft_mode: int) -> int:
    """The rounds folder is open to whom the draft is readable by, no wider: a 0600 draft's
    rounds are its owner's alone (0700), a 0644 draft's are listable by all (0755)."""
    mode = 0o700
    for shift in (3, 0):  # group, others
        if draft_mode & (0o4 << shift):
            mode |= 0o5 << shift
    return mode


def save_round(draft_path: str | os.PathLike[str], draft: Draft, name: str,
               replace: bool = False) -> Round:
    """Keep ``draft`` as the round ``name`` of the draft at ``draft_path``.  A name already
    used is refused unless ``replace`` (the old round's file stays until the next save)."""
    name = check_name(name)
    folder = rounds_dir(draft_path)
    rounds = list_rounds(draft_path)
    if any(r.name == name for r in rounds) and not replace:
        raise DrafterError(f"已有名为“{name}”的轮次；换个名称，或选择覆盖", draft_path)
    try:
        folder.mkdir(exist_ok=True)
        if os.name == "posix" and os.path.exists(draft_path):
            folder.chmod(folder_mode(os.stat(draft_path).st_mode))
    except OSError as exc:
        raise DrafterError(f"无法创建轮次文件夹（{exc.strerror}）", folder) from None
    used = {r.file for r in rounds} | {p.name for p in folder.glob("*.draft")}
    number = len(used) + 1
    while f"{number:03d}.draft" in used:
        number += 1
    data = draftfile.dumps(draft).encode("utf-8")
    file = f"{number:03d}.draft"
    atomic_write(folder / file, data, like=draft_path)
    entry = Round(name, file, datetime.now().astimezone().isoformat(timespec="seconds"),
                  draft.char_count() + len(draft.title), hashlib.sha256(data).hexdigest())
    _write_index(draft_path, [r for r in rounds if r.name != name] + [entry])
    logger.info("saved round %s of %s as %s", name, draft_path, file)
    return entry


def open_round(draft_path: str | os.PathLike[str], name: str) -> Draft:
    """The draft of round ``name`` (a copy: rounds are read-only)."""
    entry = find_round(draft_path, name)
    path = rounds_dir(draft_path) / entry.file
    try:
        data = safeio.read_file(path, safeio.MAX_DRAFT_BYTES)
    except DrafterError as exc:
        raise DrafterError(f"轮次“{name}”的文件丢失或无法读取（{exc.reason}）", path) from None
    if hashlib.sha256(data).hexdigest() != entry.sha256:
        raise DrafterError(f"轮次“{name}”的文件与索引记录不符（已被改动或损坏），未打开", path)
    return draftfile.loads(draftfile.decode(data, str(path)), str(path))


def restore_round(draft_path: str | os.PathLike[str], name: str, current: Draft) -> Draft:
    """The draft of round ``name``, to become the current text; ``current`` is first kept as a
    round named 恢复“NAME”之前 (with the time), so the restore can be undone."""
    restored = open_round(draft_path, name)
    stamp = datetime.now().strftime("%m-%d %H:%M:%S")
    save_round(draft_path, current, check_name(f"恢复“{name[:20]}”之前 {stamp}"), replace=True)
    return restored


def split_spec(spec: str) -> tuple[Path, str | None]:
    """``FILE.draft@NAME`` → (FILE.draft, NAME); any other argument → (path, None).  An
    existing file whose own name contains ``@`` is taken as a file."""
    path = Path(spec)
    if path.exists() or SEPARATOR not in spec:
        return path, None
    file, name = spec.rsplit(SEPARATOR, 1)
    return Path(file), name
