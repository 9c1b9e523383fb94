"""Any draft: run_checks never fails, and every finding points inside its block."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.checks import CHECKS, CheckOptions, run_checks
from drafter.checks.base import SEVERITIES, content
from drafter.core.model import Block, Draft
from tests.core.strategies import drafts

# text made of the characters the checks look at, so the checks have something to chew on
speechy = st.text(alphabet="同志们我市全县区临江长春一二三四五是要讲点意见：，。、；*X×{}【】（）略"
                           "意识政治大局核心看齐四个自信坚定增强以实干体现忠诚成就事业新冠肺炎 ",
                  max_size=80)


@st.composite
def speechy_drafts(draw):
    blocks = []
    level = 0
    for _ in range(draw(st.integers(0, 12))):
        if draw(st.booleans()):
            level = draw(st.integers(1, min(4, level + 1)))
            block = Block.heading(level, draw(speechy), draw(speechy))
            block.source_marker = draw(st.sampled_from(["", "一、", "三、", "（二）", "1.", "一是", "二要"]))
            blocks.append(block)
        else:
            blocks.append(Block.paragraph(draw(speechy)))
    return Draft(blocks=blocks, fields=draw(st.sampled_from([{}, {"city": "临江市"}, {"city": "临江县"}])))


def _valid(draft, findings):
    for f in findings:
        assert f.check in CHECKS and f.severity in SEVERITIES and f.message
        if f.block is None:
            assert f.start is None and f.end is None
            continue
        assert 0 <= f.block < len(draft.blocks)
        if f.start is not None:
            assert 0 <= f.start < f.end <= len(content(draft, f.block))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speechy_drafts(), st.sampled_from([None, 5.0]))
def test_findings_point_inside_their_blocks(draft, budget):
    _valid(draft, run_checks(draft, CheckOptions(budget_minutes=budget)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_any_draft_model(draft):
    _valid(draft, run_checks(draft))


def test_empty_draft():
    findings = run_checks(Draft())
    assert all(f.severity == "info" for f in findings)
