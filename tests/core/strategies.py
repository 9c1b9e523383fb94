"""Hypothesis strategies for drafts (shared by the core tests)."""

from hypothesis import strategies as st

from drafter.core.markers import STYLE_CHOICES
from drafter.core.model import ROLES, Block, Draft

any_text = st.text(max_size=60)
styles = st.sampled_from(STYLE_CHOICES)


@st.composite
def blocks(draw):
    result = []
    level = 0
    for _ in range(draw(st.integers(0, 25))):
        if draw(st.booleans()):
            level = draw(st.integers(1, min(4, level + 1)))
            result.append(Block.heading(level, draw(any_text), draw(st.one_of(st.just(""), any_text)),
                                        draw(st.sampled_from(ROLES)),
                                        draw(st.one_of(st.none(), styles))))
        else:
            result.append(Block.paragraph(draw(any_text), draw(st.sampled_from(ROLES))))
    return result


@st.composite
def drafts(draw):
    return Draft(
        title=draw(any_text), speaker=draw(any_text), date=draw(any_text), occasion=draw(any_text),
        salutation=draw(any_text),
        fields=draw(st.dictionaries(st.text(max_size=10), any_text, max_size=4)),
        numbering=draw(st.dictionaries(st.integers(1, 4), styles, max_size=4)),
        blocks=draw(blocks()),
    )
