"""Role labelling: opening, closing, parts by keyword weights, the jieba tie-break, sub-parts."""

import subprocess
import sys
from pathlib import Path

from drafter.corpus import roles
from drafter.corpus.parser import parse_lines

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"


def test_explain_lists_the_keyword_hits():
    hits = roles.explain("关于党风廉政建设工作")
    assert [(h.keyword, h.role, h.weight) for h in hits] == [("党风廉政", "conduct", 4)]
    scores = roles.score("上半年工作回顾")
    assert max(scores, key=scores.get) == "review"


def test_opening_ends_at_the_announcement_of_the_points():
    draft = parse_lines([
        "同志们：", "今天召开会议，主要任务是部署工作。", "刚才，几位同志作了发言。", "下面，我讲三点意见。",
        "过去一年，全市经济增长取得明显成绩。",
        "一、认清形势", "正文。", "二、狠抓落实，完成全年任务", "三、加强作风建设，严守纪律规矩",
        "同志们，新的一年任务艰巨。", "让我们团结奋斗！",
    ])
    assert [b.role for b in draft.blocks] == [
        "opening", "opening", "opening", "review", "review", "review", "tasks", "conduct",
        "closing", "closing"]


def test_closing_only_after_the_last_point():
    draft = parse_lines(["一、推进项目建设", "同志们，这一段在中间。", "二、加强作风建设", "正文。", "总之，让我们努力。"])
    assert [b.role for b in draft.blocks] == ["tasks", "tasks", "conduct", "conduct", "closing"]


def test_sub_part_with_a_strong_heading_of_its_own():
    draft = parse_lines(["一、关于全市经济社会发展工作", "（一）认清形势，正视问题。正文。", "1.要点。",
                         "（二）盯住重点，完成全年任务。", "二、关于党风廉政建设工作"])
    assert [b.role for b in draft.blocks] == ["tasks", "review", "review", "tasks", "conduct"]


def test_tie_is_broken_by_word_level_features(monkeypatch):
    import jieba

    segmented = []
    real = jieba.lcut

    def spy(text, *args, **kwargs):
        segmented.append(text)
        return real(text, *args, **kwargs)
    monkeypatch.setattr(jieba, "lcut", spy)
    filler = "这是一段很长的正文，讲的是具体情况。" * 40
    # No keyword anywhere: only the particles tell a report (了) from an instruction (要).
    done = parse_lines(["一、几点情况", "我们做了许多，看到了变化，听到了声音。" + filler])
    todo = parse_lines(["一、几点情况", "我们要想在前，要干在前，要冲在前。" + filler])
    assert done.blocks[0].role == "review" and todo.blocks[0].role == "tasks"
    # Only the heading and a short sample were segmented, never the whole text.
    assert segmented and all(len(t) <= roles.TIE_SAMPLE_CHARS + 20 for t in segmented)


def test_no_keywords_and_no_particles_is_other():
    draft = parse_lines(["一、几点情况", "这是正文。"])
    assert draft.blocks[0].role == "other"


def test_parsing_a_clear_speech_does_not_load_jieba():
    code = ("import sys; from drafter.corpus.parser import parse_file; "
            f"d = parse_file({str(CORPUS / '004_010f1607c59b0dcf.txt')!r}); "
            "print('jieba' in sys.modules, len(d.blocks))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "53"]
