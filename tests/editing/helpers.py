"""Drafts the editing tests share (no Qt)."""

from drafter.core.model import Block, Draft


def sample_draft() -> Draft:
    return Draft(
        title="市长在全市经济工作会议上的讲话", speaker="张三", date="2024年1月19日", salutation="同志们：",
        blocks=[
            Block.paragraph("今天，我们召开全市经济工作会议。下面，我讲两点意见。", "opening"),
            Block.heading(1, "关于去年工作", role="review"),
            Block.paragraph("过去一年，全市经济运行稳中向好。", "review"),
            Block.heading(2, "认清形势。", "年初以来，我们坚持稳中求进。", role="review"),
            Block.heading(2, "坚定信心。", "要想在前、干在前、成在前。", role="review"),
            Block.heading(1, "关于今年任务", role="tasks"),
            Block.heading(2, "要在项目建设上求突破。", role="tasks"),
            Block.heading(1, "关于作风建设", role="conduct"),
            Block.paragraph("同志们，让我们以实干体现忠诚！", "closing"),
        ])
