from __future__ import annotations

from pathlib import Path

import pytest

from drafter.core.model import Block, Draft

CORPUS = sorted((Path(__file__).resolve().parents[2] / "resources" / "corpus").glob("*.txt"))


def sample_draft() -> Draft:
    """A small speech with every kind of block: title, speaker, date, salutation, paragraphs,
    headings of four levels, run-in headings, a per-heading style override."""
    return Draft(
        title="在全市经济工作会议上的讲话",
        speaker="市长 张三",
        date="2024年1月15日",
        salutation="同志们：",
        numbering={1: "一、", 2: "（一）", 3: "1.", 4: "（1）"},
        blocks=[
            Block.paragraph("今天，我们召开全市经济工作会议，主要任务是总结工作、部署任务。", "opening"),
            Block.heading(1, "关于去年工作", role="review"),
            Block.heading(2, "认清形势，正视问题。", "年初以来，全市上下攻坚克难、奋力拼搏。", role="review"),
            Block.heading(3, "抓好项目建设。", "早开工、早建设、早竣工、早达产。", role="review"),
            Block.heading(4, "谋划储备。", "围绕产业链谋划项目。", role="review"),
            Block.heading(4, "推进开工。", role="review"),
            Block.heading(2, "稳住经济大盘。", role="review"),
            Block.heading(3, "抓好工业运行。", role="review", style="一是"),
            Block.heading(1, "关于今年任务", role="tasks"),
            Block.paragraph("同志们，让我们一天接着一天干，一关接着一关闯！", "closing"),
        ],
    )


@pytest.fixture
def draft() -> Draft:
    return sample_draft()
