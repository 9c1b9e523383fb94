"""The phrase bank (DESIGN §5, issue 4): load, validate, search, and fill frame slots.

Entries live in ``phrasebank/*.yaml`` (rebuilt by ``drafter mine``) and in the user's own
folder (``drafter.core.paths.user_phrases_dir()``), which a rebuild never touches.  Each
entry: id, text, category, roles, frequency, source (file, paragraph), and for frames the
frame text with ``{slot}`` places and the slot names.

Search uses an index built once at load: every character, bigram and trigram of an entry's
text (and frame) maps to the entries holding it, so a query only looks at the entries that
share its rarest n-gram instead of scanning the whole bank.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core import paths
from drafter.core.errors import DrafterError
from drafter.core.model import ROLES
from drafter.core.vocab import PHRASE_CATEGORIES
from drafter.core.yamlio import Lines, line_of, load_yaml

logger = logging.getLogger(__name__)

CATEGORIES = PHRASE_CATEGORIES
_SLOT = re.compile(r"\{([^{}\s]{1,12})\}")


@dataclass
class Phrase:
    id: str
    text: str
    category: str
    roles: list[str] = field(default_factory=list)
    frequency: int = 1
    source_file: str = ""
    source_paragraph: int = 0
    frame: str = ""
    slots: list[str] = field(default_factory=list)
    user: bool = False
    source_title: str = ""  # the speech the entry comes from, by title
    note: str = ""          # why it may not be insertable as it is (outdated, one-off fact)
    members: list[str] = field(default_factory=list)  # 数字概括: what it stands for
    scope: str = ""         # 数字概括: 全国 or 地方

    def source_label(self) -> str:
        """Where the entry comes from, as a writer reads it: 《title》第 N 段."""
        if not self.source_file:
            return "自定义"
        name = f"《{self.source_title}》" if self.source_title else self.source_file
        return f"{name}第 {self.source_paragraph} 段"

    def to_dict(self) -> dict:
        data = {"id": self.id, "text": self.text, "category": self.category, "roles": self.roles,
                "frequency": self.frequency,
                "source": {"file": self.source_file, "paragraph": self.source_paragraph}}
        if self.frame:
            data["frame"] = self.frame
            data["slots"] = self.slots
        if self.source_title:
            data["source"]["title"] = self.source_title
        if self.members:
            data["members"] = self.members
        if self.scope:
            data["scope"] = self.scope
        if self.note:
            data["note"] = self.note
        if self.user:
            data["user"] = True
        return data


# ----- loading ----------------------------------------------------------------------------
def _entry(item: object, index: int, lines: Lines, source: str, user: bool) -> Phrase:
    here = (index,)

    def fail(reason: str, key: str | None = None) -> DrafterError:
        return DrafterError(f"第 {index + 1} 条：{reason}", source,
                            line_of(lines, here + ((key,) if key else ())))

    if not isinstance(item, dict):
        raise fail("条目应为键值对")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise fail("“text”应为非空文字", "text")
    category = item.get("category")
    if category not in CATEGORIES:
        raise fail(f"类别“{category}”无效（可选：{'、'.join(CATEGORIES)}）", "category")
    roles = item.get("roles", [])
    if not isinstance(roles, list) or any(r not in ROLES for r in roles):
        raise fail(f"“roles”应为角色列表（可选：{'、'.join(ROLES)}）", "roles")
    frequency = item.get("frequency", 1)
    if isinstance(frequency, bool) or not isinstance(frequency, int) or frequency < 0:
        raise fail("“frequency”应为非负整数", "frequency")
    source_data = item.get("source") or {}
    if not isinstance(source_data, dict):
        raise fail("“source”应为键值对（file, paragraph）", "source")
    paragraph = source_data.get("paragraph", 0)
    if isinstance(paragraph, bool) or not isinstance(paragraph, int):
        raise fail("“source.paragraph”应为整数", "source")
    file_name = source_data.get("file", "")
    if not isinstance(file_name, str):
        raise fail("“source.file”应为文字", "source")
    frame = item.get("frame", "")
    if not isinstance(frame, str):
        raise fail("“frame”应为文字", "frame")
    slots = item.get("slots", [])
    if not isinstance(slots, list) or not all(isinstance(s, str) for s in slots):
        raise fail("“slots”应为文字列表", "slots")
    if frame:
        used = set(_SLOT.findall(frame))
        if not slots:
            slots = sorted(used)
        missing = [s for s in slots if s not in used]
        if missing:
            raise fail(f"槽位“{missing[0]}”没有出现在 frame 中", "slots")
    entry_id = item.get("id") or ""
    if not isinstance(entry_id, str):
        raise fail("“id”应为文字", "id")
    if not entry_id:
        from drafter.miner.bank import entry_id as make_id
        entry_id = "u-" + make_id(category, text).split("-", 1)[1]
    title = source_data.get("title", "")
    note = item.get("note", "")
    if not isinstance(title, str) or not isinstance(note, str):
        raise fail("“source.title”和“note”应为文字", "note")
    members = item.get("members", [])
    if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
        raise fail("“members”应为文字列表", "members")
    scope = item.get("scope", "")
    if scope not in ("", "全国", "地方"):
        raise fail(f"“scope”应为“全国”或“地方”，不是“{scope}”", "scope")
    return Phrase(entry_id, text.strip(), category, list(roles), frequency, file_name, paragraph,
                  frame, list(slots), user, title, note, list(members), scope)


def load_file(path: str | os.PathLike[str], user: bool = False
              ) -> tuple[list[Phrase], list[DrafterError]]:
    """Good entries of one file, and an error for each bad one (or for the whole file)."""
    source = os.fspath(path)
    try:
        data, lines = load_yaml(source)
    except DrafterError as exc:
        return [], [exc]
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [DrafterError("常用表述文件应为条目列表", source, 1)]
    good, errors = [], []
    for i, item in enumerate(data):
        try:
            good.append(_entry(item, i, lines, source, user))
        except DrafterError as exc:
            errors.append(exc)
    return good, errors


def default_dirs() -> list[tuple[Path, bool]]:
    shipped = [(paths.package_root() / "phrasebank", False)]
    try:
        return shipped + [(paths.user_phrases_dir(), True)]
    except paths.DataHomeError:  # unusable data folder (said once at start-up): the shipped bank
        return shipped


def load_phrases(dirs: list[tuple[Path, bool]] | None = None
                 ) -> tuple[list[Phrase], list[DrafterError]]:
    """Every good entry (shipped first, then the user's), deduplicated by id, plus errors."""
    phrases: list[Phrase] = []
    errors: list[DrafterError] = []
    seen: set[str] = set()
    for folder, user in dirs if dirs is not None else default_dirs():
        if not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).glob("*.yaml")):
            good, bad = load_file(path, user)
            errors.extend(bad)
            for phrase in good:
                if phrase.id in seen:
                    continue
                seen.add(phrase.id)
                phrases.append(phrase)
    for error in errors:
        logger.warning("phrase bank: %s", error.message)
    return phrases, errors


# ----- search -----------------------------------------------------------------------------
def _grams(text: str) -> set[str]:
    """Characters, bigrams and trigrams of a (lower-cased) text."""
    grams = set(text)
    grams.update(text[i:i + 2] for i in range(len(text) - 1))
    grams.update(text[i:i + 3] for i in range(len(text) - 2))
    return grams


def _keys(term: str) -> list[str]:
    """The index keys every entry containing ``term`` must have."""
    n = min(3, len(term))
    return [term[i:i + n] for i in range(len(term) - n + 1)]


class PhraseIndex:
    """N-gram index (characters, bigrams, trigrams) over a list of phrases, built once.

    Entries are ranked once (most frequent first, then shorter, then in bank order) and every
    posting list is kept in that order, so a search walks the shortest posting list of the
    query's keys and stops as soon as it has ``limit`` hits: common terms end early, rare terms
    have short lists."""

    def __init__(self, phrases: list[Phrase]):
        self.phrases = phrases
        self._haystacks = [(p.text + "\n" + p.frame).lower() for p in phrases]
        self._ranked = sorted(range(len(phrases)),
                              key=lambda i: (-phrases[i].frequency, len(phrases[i].text), i))
        self._postings: dict[str, list[int]] = {}
        self._by_category: dict[str, list[int]] = {}
        for i in self._ranked:
            for gram in _grams(self._haystacks[i]):
                self._postings.setdefault(gram, []).append(i)
            self._by_category.setdefault(phrases[i].category, []).append(i)

    def _candidates(self, terms: list[str], category: str | None) -> list[int]:
        best = self._by_category.get(category, []) if category else self._ranked
        for term in terms:
            for key in _keys(term):
                posting = self._postings.get(key, [])
                if len(posting) < len(best):
                    best = posting
        return best

    def search(self, query: str, category: str | None = None, role: str | None = None,
               limit: int = 20, noted: bool = False) -> list[Phrase]:
        """Entries containing every term of ``query`` (terms split on spaces), most frequent
        first; an empty query lists the category (or the whole bank).  Entries with a note
        (outdated, a one-off local fact) are offered only when ``noted`` asks for them."""
        terms = [t.lower() for t in query.split() if t]
        hits: list[Phrase] = []
        if limit <= 0:
            return hits
        for i in self._candidates(terms, category):
            phrase = self.phrases[i]
            if category and phrase.category != category:
                continue
            if role and role not in phrase.roles:
                continue
            if phrase.note and not noted:
                continue
            haystack = self._haystacks[i]
            if all(term in haystack for term in terms):
                hits.append(phrase)
                if len(hits) >= limit:
                    break
        return hits


def naive_search(phrases: list[Phrase], query: str, category: str | None = None,
                 role: str | None = None, limit: int = 20, noted: bool = False) -> list[Phrase]:
    """The baseline: scan every entry."""
    terms = [t.lower() for t in query.split() if t]
    hits = [i for i, p in enumerate(phrases)
            if (not category or p.category == category) and (not role or role in p.roles)
            and (noted or not p.note)
            and all(t in (p.text + "\n" + p.frame).lower() for t in terms)]
    hits.sort(key=lambda i: (-phrases[i].frequency, len(phrases[i].text), i))
    return [phrases[i] for i in hits[:max(0, limit)]]


# ----- frames -----------------------------------------------------------------------------
def fill(phrase: Phrase, values: dict[str, str]) -> str:
    """The frame with its slots filled: 以{X}体现忠诚… + X=担当 → 以担当体现忠诚…"""
    if not phrase.frame:
        raise DrafterError(f"条目“{phrase.id}”不是可填充的句式（没有槽位）")
    unknown = [k for k in values if k not in phrase.slots]
    if unknown:
        raise DrafterError(f"条目“{phrase.id}”没有槽位“{unknown[0]}”；可用槽位：{'、'.join(phrase.slots)}")
    missing = [s for s in phrase.slots if not str(values.get(s, "")).strip()]
    if missing:
        raise DrafterError(f"槽位“{missing[0]}”没有填写（用 --slot {missing[0]}=… 填写）")
    return _SLOT.sub(lambda m: str(values.get(m.group(1), m.group(0))).strip(), phrase.frame)


def find(phrases: list[Phrase], phrase_id: str) -> Phrase:
    for phrase in phrases:
        if phrase.id == phrase_id:
            return phrase
    raise DrafterError(f"没有编号为“{phrase_id}”的常用表述")


def add_user_phrase(text: str, category: str, roles: list[str] | None = None,
                    frame: str = "") -> Phrase:
    """Append an entry to the user's own file (never touched by a rebuild)."""
    from drafter.core.storage import atomic_write
    from drafter.core.yamlio import dump_yaml
    if category not in CATEGORIES:
        raise DrafterError(f"类别“{category}”无效（可选：{'、'.join(CATEGORIES)}）")
    if not frame and _SLOT.search(text):
        frame = text  # 以{X}担当作为、以{X}攻坚克难: the text is a frame
    target = paths.user_phrases_dir() / "user.yaml"
    existing, errors = load_file(target, user=True) if target.exists() else ([], [])
    if errors:
        raise errors[0]
    item = {"text": text, "category": category, "roles": roles or [], "frequency": 1,
            "source": {"file": "", "paragraph": 0}}
    if frame:
        item["frame"] = frame
        item["slots"] = sorted(set(_SLOT.findall(frame)))
    phrase = _entry(item, len(existing), {}, str(target), True)
    data = [{k: v for k, v in p.to_dict().items() if k != "user"} for p in existing + [phrase]]
    atomic_write(target, dump_yaml(data).encode("utf-8"))
    return phrase
