"""What the library indexes: marks (winnowing) and PostgreSQL's bigram codes, computed for many
blocks at once, checked against their one-text definitions."""

import random
from collections import deque

import pytest

from drafter.corpus.library.fingerprints import gram_codes_many, marks, marks_many
from drafter.corpus.library.terms import (
    COARSE,
    FILLER,
    MARK_K,
    MARK_W,
    bucket_codes,
    gram_code,
    grams,
    window_codes,
)

TEXTS = ["短", "", "十个字十个字十个字十", "十一个字十一个字十一个", "啊" * 30, "啊啊哈" * 40, "😀" * 25,
         "A_b作风，建设İİ", "加强作风建设，推进党风廉政建设。要抓铁有痕、踏石留印，久久为功、善作善成。" * 3,
         "今年要推进各项工作，" * 10 + "也讲廉政。", "一、关于发展"]


def winnow(text: str) -> list[tuple[int, int]]:
    """The definition: the rightmost smallest hash of each window of MARK_W runs (all of them
    when there are fewer), each position once."""
    runs = len(text) - MARK_K + 1
    if runs <= 0:
        return []
    hashes = [marks_many([text[i:i + MARK_K]])[0][0][1] for i in range(runs)]
    chosen, window, last = [], deque(), -1
    for i, h in enumerate(hashes):
        while window and hashes[window[-1]] >= h:
            window.pop()
        window.append(i)
        if window[0] <= i - MARK_W:
            window.popleft()
        if (i >= MARK_W - 1 or i == runs - 1) and window[0] != last:
            last = window[0]
            chosen.append((last, hashes[last]))
    return chosen


@pytest.mark.parametrize("text", TEXTS)
def test_marks_follow_the_definition(text):
    assert marks(text) == winnow(text)


def test_marks_of_many_texts_are_the_marks_of_each():
    assert marks_many(TEXTS) == [marks(t) for t in TEXTS]
    assert marks_many(["短句", "也短"]) == [[], []]
    assert marks_many(["十个字十个字十个字十", "短"]) == [marks("十个字十个字十个字十"), []]


def test_a_shared_run_of_twenty_characters_shares_a_mark():
    run = "坚持以人民为中心的发展思想不动摇啊"[:MARK_K + MARK_W - 1]
    one, two = "今年我们" + run + "，取得新成效。", "他说：" + run + "是根本。"
    assert {h for _, h in marks(one)} & {h for _, h in marks(two)}


def test_bigram_codes_are_the_distinct_word_bigrams():
    for text, codes in zip(TEXTS, gram_codes_many(TEXTS)):
        assert sorted(codes) == sorted({gram_code(g) for g in grams(text) if g != FILLER}), text


def test_window_codes_cover_exactly_the_buckets_of_a_window_with_few_codes():
    rng = random.Random(5)
    for shift in (0, 1, 3, 10):
        for _ in range(300):
            lo = rng.randrange(0, 5000 << shift)
            hi = lo + rng.randrange(1, 3000 << shift)
            codes = window_codes(lo, hi, shift)
            first, last = (lo + 1) >> shift, hi >> shift
            # the fine buckets each code stands for, through ``bucket_codes`` of a block in them
            covered = [b for b in range(first - COARSE, last + COARSE + 1)
                       for fine, coarse in (bucket_codes(b << shift, shift),) if fine in codes or coarse in codes]
            assert covered == list(range(first, last + 1)), (lo, hi, shift)
            assert len(codes) == len(set(codes))
            assert len(codes) <= 2 * (COARSE - 1) + (last - first + 1) // COARSE
