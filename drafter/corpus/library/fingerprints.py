"""The index data computed with numpy, for all blocks of a speech in one pass: the bigram codes
PostgreSQL stores (``gram_codes_many``) and the winnowed marks both backends store for 查重
(``marks_many``; ``terms.py`` says what they are).  About three times faster than hashing each
run with a CRC in a Python loop, which was a third of an import's time.  Imported only where
marks or codes are computed (importing, 查重), not when a library is opened to search.
"""

from __future__ import annotations

import re

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from drafter.corpus.library.terms import MARK_K, MARK_W

_PRIME = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_NOT_WORD = re.compile(r"[\W_]")


def gram_codes_many(texts: list[str]) -> list[list[int]]:
    """For each text, the sorted distinct codes of its bigrams of two word characters (no filler),
    all texts coded in one pass."""
    lows = [t.lower() for t in texts]
    joined = "".join(lows)
    result: list[list[int]] = [[] for _ in texts]
    if len(joined) < 2:
        return result
    lens = np.fromiter((len(t) for t in lows), dtype=np.int64, count=len(lows))
    owner = np.repeat(np.arange(len(lows)), lens)
    units = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32) & np.uint32(0xFFFF)
    word = np.ones(len(joined), dtype=bool)
    word[[m.start() for m in _NOT_WORD.finditer(joined)]] = False
    pair = word[:-1] & word[1:] & (owner[:-1] == owner[1:])
    codes = (units[:-1] << np.uint32(16) | units[1:]).astype(np.int64)
    keys = np.sort((owner[:-1][pair] << 32) | codes[pair])
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    owners, values = (keys >> 32), (keys & 0xFFFFFFFF)
    values = np.where(values >= 1 << 31, values - (1 << 32), values)
    cuts = np.searchsorted(owners, np.arange(1, len(lows)))
    for k, part in enumerate(np.split(values, cuts)):
        result[k] = part.tolist()
    return result


def gram_codes(text: str) -> list[int]:
    return gram_codes_many([text])[0]


def _hashes(codes: np.ndarray) -> np.ndarray:
    """The mixed 32-bit hash of each ``MARK_K``-character run of ``codes`` (code points)."""
    n = len(codes) - MARK_K + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(MARK_K):
        h = h * _PRIME + codes[j:j + n]
    h ^= h >> np.uint64(31)
    h *= _MIX
    h ^= h >> np.uint64(29)
    return (h >> np.uint64(32)).astype(np.uint32).view(np.int32)


def _rightmost_minima(h: np.ndarray) -> np.ndarray:
    """For each window of ``MARK_W`` hashes, the offset of its smallest (the rightmost if equal)."""
    count = len(h) - MARK_W + 1
    low = sliding_window_view(h, MARK_W).min(axis=1)
    best = np.full(count, -1, dtype=np.int64)
    starts = np.arange(count)
    for d in range(MARK_W - 1, -1, -1):
        found = (h[d:d + count] == low) & (best < 0)
        best[found] = starts[found] + d
    return best


def marks_many(texts: list[str]) -> list[list[tuple[int, int]]]:
    """The marks of each text as (offset, signed 32-bit hash), all texts hashed in one pass."""
    result: list[list[tuple[int, int]]] = [[] for _ in texts]
    if not any(len(t) >= MARK_K for t in texts):
        return result
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    firsts = np.concatenate(([0], np.cumsum(lens)[:-1]))
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    h = _hashes(codes)
    span = MARK_K + MARK_W - 1             # characters a window of runs covers
    if len(h) >= MARK_W:
        owner = np.repeat(np.arange(len(texts)), lens)[:len(h) - MARK_W + 1]
        best = _rightmost_minima(h)
        ends = (firsts + lens)[owner]
        chosen = best[np.arange(len(best)) + span <= ends]
        if len(chosen):
            chosen = chosen[np.concatenate(([True], chosen[1:] != chosen[:-1]))]
        owners = np.repeat(np.arange(len(texts)), lens)[chosen]
        offsets = (chosen - firsts[owners]).tolist()
        values = h[chosen].tolist()
        for k, at, value in zip(owners.tolist(), offsets, values):
            result[k].append((at, value))
    for k, text in enumerate(texts):         # shorter than one window: its one smallest run
        n = len(text) - MARK_K + 1
        if 0 < n < MARK_W:
            first = int(firsts[k])
            at = n - 1 - int(h[first:first + n][::-1].argmin())
            result[k] = [(at, int(h[first + at]))]
    return result


def marks(text: str) -> list[tuple[int, int]]:
    return marks_many([text])[0]


