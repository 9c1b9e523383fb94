"""Changes inside one paragraph, at Chinese word boundaries.

Both texts are cut into words with jieba (``core.segment``) and the word sequences are
compared, so a change never splits a word (``推动`` → ``推进`` is shown as the whole word
replaced, not ``推[动→进]``).  A one-word stretch left equal between two changes (a 的 or a
comma) is folded into them, so a rewritten clause reads as one deletion and one insertion
rather than a comb of fragments.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from drafter.core.segment import jieba

EQUAL, INSERT, DELETE = "equal", "insert", "delete"

#: An equal stretch this short (characters) between two changes is folded into them.
FOLD_CHARS = 2


def tokens(text: str) -> list[str]:
    return list(jieba().cut(text, HMM=False)) if text else []


def diff_words(old: str, new: str) -> list[tuple[str, str]]:
    """Segments (op, text): equal, delete (only in ``old``) and insert (only in ``new``).
    Joining the equal and delete segments gives ``old``; equal and insert give ``new``."""
    if old == new:
        return [(EQUAL, old)] if old else []
    a, b = tokens(old), tokens(new)
    raw: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            raw.append((EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append((DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            raw.append((INSERT, "".join(b[j1:j2])))
    return _merge(_fold(raw))


def _fold(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold short equal stretches lying between two changes into both sides."""
    out = list(segments)
    i = 1
    while i < len(out) - 1:
        op, text = out[i]
        if op == EQUAL and len(text) <= FOLD_CHARS and out[i - 1][0] != EQUAL and out[i + 1][0] != EQUAL:
            out[i:i + 1] = [(DELETE, text), (INSERT, text)]
        i += 1
    return out


def _merge(segments: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Adjacent segments of one kind joined; within a run of changes, deletions first."""
    result: list[tuple[str, str]] = []
    i = 0
    while i < len(segments):
        if segments[i][0] == EQUAL:
            if result and result[-1][0] == EQUAL:
                result[-1] = (EQUAL, result[-1][1] + segments[i][1])
            elif segments[i][1]:
                result.append(segments[i])
            i += 1
            continue
        j = i
        while j < len(segments) and segments[j][0] != EQUAL:
            j += 1
        deleted = "".join(t for op, t in segments[i:j] if op == DELETE)
        inserted = "".join(t for op, t in segments[i:j] if op == INSERT)
        if deleted:
            result.append((DELETE, deleted))
        if inserted:
            result.append((INSERT, inserted))
        i = j
    return result


def similarity(old: str, new: str) -> float:
    """Share of characters two texts have in common (0–1), on character bigrams."""
    if not old or not new:
        return 1.0 if old == new else 0.0
    a, b = bigrams(old), bigrams(new)
    return 2 * len(a & b) / (len(a) + len(b))


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}
