"""The miner (DESIGN §2, §5; issue 4): rebuild ``templates/`` and ``phrasebank/`` from a corpus.

``mine(paths, out)`` parses every speech with the parser, mines phrase-bank entries and
template skeletons, merges the hand curation (``resources/curation.yaml``: noise dropped,
entries added or edited, the hand-written parts of the templates) and writes deterministic
YAML, so re-running it on ``resources/corpus`` reproduces the shipped files byte for byte.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from drafter.core import paths as core_paths
from drafter.core.errors import DrafterError
from drafter.core.storage import atomic_write
from drafter.core.yamlio import dump_yaml, load_yaml
from drafter.miner import bank, induce, skeleton
from drafter.miner.outline import load_corpus

logger = logging.getLogger(__name__)

HEADER = "# 由 drafter mine 从语料生成，请勿手改；人工校订写在 resources/curation.yaml。\n"
USER_HEADER = "# 由“从讲话稿库生成模板”从您的讲话稿归纳；可以手改，重新生成会覆盖同名文件。\n"


def default_corpus() -> Path:
    return core_paths.package_root() / "resources" / "corpus"


def default_formulations() -> Path:
    """The checks' dated formulation list, which also marks outdated phrase-bank entries."""
    return core_paths.package_root() / "resources" / "checks" / "formulations.yaml"


def default_curation() -> Path:
    return core_paths.package_root() / "resources" / "curation.yaml"


@dataclass
class MineResult:
    templates: list[Path]
    phrase_files: list[Path]
    counts: dict[str, int]
    notices: list[str]


def load_curation(path: Path | None) -> dict:
    if path is None or not path.is_file():
        return {}
    data, _lines = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DrafterError("校订文件应为键值对（phrases / templates）", path, 1)
    return data


def build(paths: list[Path], curation: dict, occasion: str | None = None,
          notices: list[str] | None = None) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """(template id -> template data, phrase file name -> entries) for a corpus: the curated
    templates, and one induced template per occasion of the other speeches (``occasion``:
    only that one).  Occasions with a single speech are reported in ``notices``."""
    notices = notices if notices is not None else []
    missing = [p for p in paths if not os.path.lexists(p)]  # a symlink loop is read, and refused
    if missing:
        raise DrafterError("找不到语料文件或文件夹", missing[0])
    corpus = load_corpus(paths)
    if not corpus:
        raise DrafterError("没有找到可用的讲话稿（.txt 或 .docx）", paths[0] if paths else None)
    entries = bank.merge(bank.candidates(corpus))
    phrase_curation = curation.get("phrases") or {}
    entries = bank.apply_curation(entries, phrase_curation)
    entries = bank.annotate(entries, curation.get("corpus_titles") or {},
                            bank.formulation_rules(default_formulations()),
                            phrase_curation.get("notes") or {},
                            bank.national_concepts(default_formulations().with_name("formulae.yaml"),
                                                   phrase_curation.get("national") or []),
                            bank.place_names(default_formulations().with_name("divisions.tsv")))
    phrase_files = bank.by_file(entries)

    by_name = {path.name: (path, draft) for path, draft, _ in corpus}
    templates: dict[str, dict] = {}
    used: set[str] = set()
    titles = curation.get("corpus_titles") or {}
    for spec in curation.get("templates") or []:
        sources = [by_name[name] for name in spec.get("sources") or [] if name in by_name]
        if not sources and not spec.get("references"):
            continue  # a template of speeches this corpus does not hold
        used.update(path.name for path, _ in sources)
        templates[spec["id"]] = skeleton.curated_template(spec, sources, titles)
    rest = [(path, draft) for name, (path, draft) in sorted(by_name.items()) if name not in used]
    induced = induce.induce(rest, titles, occasion)
    if occasion and not induced.templates:
        found = induced.groups.get(occasion) or next(
            (v for k, v in induced.groups.items() if induce.occasion_name(k) == occasion), [])
        where = found[0] if found else (paths[0] if len(paths) == 1 else None)
        count = "只有一篇" if found else "没有"
        raise DrafterError(f"“{occasion}”类讲话{count}，至少要两篇同类讲话才能归纳模板", where)
    for tid, data in induced.templates.items():
        templates.setdefault(tid, data)
    notices.extend(induced.notices)
    return templates, phrase_files


def mine(paths: list[Path] | None = None, out: Path | None = None,
         curation_path: Path | None = None, occasion: str | None = None) -> MineResult:
    paths = paths or [default_corpus()]
    if out is None:
        raise DrafterError("请用 --out 指定输出文件夹")
    curation = load_curation(curation_path if curation_path is not None else default_curation())
    notices: list[str] = []
    templates, phrase_files = build(paths, curation, occasion, notices)
    template_dir, phrase_dir = out / "templates", out / "phrasebank"
    try:
        template_dir.mkdir(parents=True, exist_ok=True)
        phrase_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法创建输出文件夹（{exc.strerror}）", out) from None
    written_t, written_p = [], []
    for tid, data in sorted(templates.items()):
        target = template_dir / f"{tid}.yaml"
        atomic_write(target, dump_yaml(data, HEADER).encode("utf-8"))
        written_t.append(target)
    counts = {}
    for name, entries in phrase_files.items():
        target = phrase_dir / f"{name}.yaml"
        atomic_write(target, dump_yaml(entries, HEADER).encode("utf-8"))
        written_p.append(target)
        if entries:
            counts[entries[0]["category"]] = len(entries)
    return MineResult(written_t, written_p, counts, notices)


def induce_into(paths: list[Path], dest: Path) -> tuple[list[Path], list[str]]:
    """One template per occasion of the speeches under ``paths``, written to ``dest`` (the
    user's templates folder): what the editor's 从讲话稿库生成模板 does.  Occasions with one
    speech come back as notices; no occasion with two is an error naming the folder."""
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise DrafterError("找不到讲话稿文件或文件夹", missing[0])
    corpus = [(path, draft) for path, draft, _ in load_corpus(paths)]
    if not corpus:
        raise DrafterError("没有找到可用的讲话稿（.txt 或 .docx）", paths[0] if paths else None)
    induced = induce.induce(corpus)
    if not induced.templates:
        raise DrafterError("没有哪一类讲话有两篇以上，无法归纳模板（同类讲话至少要两篇）",
                           paths[0] if len(paths) == 1 else None)
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法创建模板文件夹（{exc.strerror}）", dest) from None
    written = []
    for tid, data in sorted(induced.templates.items()):
        data = {**data, "id": f"my-{tid}"}  # never the id of a shipped template
        target = dest / f"my-{tid}.yaml"
        atomic_write(target, dump_yaml(data, USER_HEADER).encode("utf-8"))
        written.append(target)
    return written, induced.notices


_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def export_library(where: str | None, folder: Path) -> list[Path]:
    """The speeches of the library (a SQLite file or a PostgreSQL server) as text files in
    ``folder``, title first and every block with its marker, for the miner to read."""
    from drafter.corpus.library import open_library
    library = open_library(where, create=False, readonly=True)
    try:
        documents = library.documents()
        written = []
        for doc in documents:
            lines = [doc.title] if doc.title else []
            lines += [(b.marker or "") + b.content for b in library.document_blocks(doc.id)]
            name = _UNSAFE.sub("_", doc.title or Path(doc.path).stem)[:40] or "讲话"
            target = folder / f"{doc.id:05d}_{name}.txt"
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
            written.append(target)
    finally:
        library.close()
    if not written:
        raise DrafterError("讲话稿库中还没有讲话稿（先用 drafter library add 加入）", where)
    return written
