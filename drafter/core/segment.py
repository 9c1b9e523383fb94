"""Word segmentation (jieba), loaded on first use and quietly.

jieba is slow to import and prints its start-up chatter ("Building prefix dict …") on
stderr; every caller gets it from here so it is loaded once, late, and silently."""

from __future__ import annotations

import logging
from functools import cache


@cache
def jieba():
    import jieba as module

    module.setLogLevel(logging.WARNING)
    return module


@cache
def posseg():
    jieba()
    import jieba.posseg as module

    return module
