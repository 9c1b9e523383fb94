"""What the library indexes: character bigrams for search, winnowed marks for 查重.

Index terms are character bigrams: ``作风建设`` is the phrase ``作风 风建 建设``.  A bigram that
contains punctuation or space is written as the filler token ``q`` so that a phrase never matches
across a comma.  Two-character words are one term, so they use the index like longer words.
PostgreSQL stores a block's distinct bigrams as 32-bit codes (``gram_codes``: the two characters'
UTF-16 units side by side), half the size of text; a phrase found through them is always
confirmed on the text, so a code shared by two bigrams outside the Basic Multilingual Plane only
costs a row read.

Marks (Schleimer, Wilkerson and Aiken 2003): a 32-bit hash of every ``MARK_K``-character run, and
the smallest of each ``MARK_W`` consecutive ones (the rightmost when equal).  Two texts that share
a run of ``MARK_K + MARK_W - 1`` (20) or more characters share at least one mark, so 查重 finds
its candidates with one lookup a mark.  The hashes are computed for all blocks of a speech at
once with numpy (``fingerprints.py``, imported only by the code that computes them, so that
opening the library to search costs no numpy start-up).
"""

from __future__ import annotations

FILLER = "q"
FINE_BASE = 0x1_0000          # bucket codes (``bucket_codes``): 0x10000–0x7FFFF fine, 0x80000–0xFFFFF coarse
COARSE_BASE = 0x8_0000
COARSE = 16
MARK_K = 10
MARK_W = 11


def is_word_char(ch: str) -> bool:
    return ch.isalnum()    # the same test as in ``grams``


def grams(text: str) -> list[str]:
    """The index terms of ``text``: its lower-cased bigrams, ``FILLER`` where one is not two word
    characters."""
    low = text.lower()
    word = [ch.isalnum() for ch in low]
    return [a + b if x and y else FILLER for a, b, x, y in zip(low, low[1:], word, word[1:])]


def gram_text(text: str) -> str:
    return " ".join(grams(text))


def caseless(term: str) -> bool:
    """Whether a (lower-cased) query term has no letters with case, so that it is found in a text
    exactly where it is found in the lower-cased text."""
    return term.upper() == term


def gram_code(gram: str) -> int:
    """The signed 32-bit code of a two-character term."""
    value = (ord(gram[0]) & 0xFFFF) << 16 | (ord(gram[1]) & 0xFFFF)
    return value - (1 << 32) if value >= 1 << 31 else value


def bucket_codes(block_id: int, shift: int) -> tuple[int, int]:
    """The two codes PostgreSQL adds to a block's bigram codes: its run of ``2 ** shift`` block
    ids and the run ``COARSE`` times longer, so the GIN index can be asked for a phrase's matches
    among the newest blocks only (``window_codes``).  Their first unit (1–15) is below every
    word character, so no bigram of two BMP characters has them; a character outside the BMP can
    (its code keeps the low 16 bits), which costs a row read, as a phrase and a window are always
    confirmed on the row."""
    return FINE_BASE + (block_id >> shift), COARSE_BASE + (block_id >> shift) // COARSE


def window_codes(lo: int, hi: int, shift: int) -> list[int]:
    """Bucket codes that cover the block ids ``lo < id <= hi``: coarse runs inside, fine ones at
    the edges, so any window is at most ``2 * (COARSE - 1)`` fine codes and its coarse ones (the
    GIN index's cost grows faster than the number of codes ORed: 400 fine codes took 21 ms, 50
    took 1.2 ms at 1.8 million blocks)."""
    codes, b, last = [], (lo + 1) >> shift, hi >> shift
    while b <= last:
        if b % COARSE == 0 and b + COARSE - 1 <= last:
            codes.append(COARSE_BASE + b // COARSE)
            b += COARSE
        else:
            codes.append(FINE_BASE + b)
            b += 1
    return codes


def mark_token(h: int) -> str:
    return f"m{h & 0xFFFFFFFF:08x}"
