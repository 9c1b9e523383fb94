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
    code = ("import sys; from drafter.corpus.documents import parse_file; "
            f"d = parse_file({str(CORPUS / '004_010f1607c59b0dcf.txt')!r}); "
            "print('jieba' in sys.modules, len(d.blocks))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "53"]


def test_closings_by_their_forms():
    body = ["一、关于经济工作", "正文。", "二、关于作风建设", "正文。"]
    for closing in (["各位代表！新的一年，任务艰巨。", "让我们团结一心，再创佳绩！"],
                    ["我就讲这些，谢谢大家。"], ["总之，要把各项工作抓实抓好。"]):
        draft = parse_lines(["同志们：", "今天开会。"] + body + closing)
        assert [b.role for b in draft.blocks][-len(closing):] == ["closing"] * len(closing)
        assert draft.blocks[-len(closing) - 1].role != "closing"


def test_a_mid_speech_address_is_a_transition():
    middle = [f"第{i}段讲的是具体工作，要抓好落实。" for i in range(12)]
    draft = parse_lines(["同志们：", "今天开会。"] + middle[:6] + ["同志们，朋友们！下面说说另一件事。"] + middle[6:]
                        + ["同志们，让我们团结奋斗，再创新的辉煌！"])
    roles = [b.role for b in draft.blocks]
    assert roles[-1] == "closing" and roles.count("closing") == 1


def test_a_role_the_user_set_is_kept():
    draft = parse_lines(["一、关于经济工作", "正文要抓好。", "二、加强作风建设", "正文。"])
    assert draft.blocks[0].role == "tasks"
    draft.blocks[0].role, draft.blocks[0].role_fixed = "review", True
    roles.assign_roles(draft)
    assert [b.role for b in draft.blocks] == ["review", "review", "conduct", "conduct"]


def test_evidence_of_tense_and_position_is_explained():
    draft = parse_lines(["一、几项工作", "全年完成了投资120亿元，增长12.5%，同比提高3个百分点。",
                         "二、几项工作", "要抓好项目，必须着力招商，务必确保完成。"])
    reports = roles.explain_draft(draft)
    assert [r.role for r in reports] == ["review", "tasks"]
    assert any("正文语气" in reason for reason in reports[0].reasons)


def test_parse_explain_command(tmp_path, capsys):
    from drafter.cli import main

    path = tmp_path / "speech.txt"
    path.write_text("同志们：\n今天开会。\n一、上半年工作回顾\n完成了任务，增长10%。\n二、下半年重点任务\n要抓好落实。\n",
                    encoding="utf-8")
    assert main(["parse", str(path), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "各部分角色的依据" in out and "标题用词" in out and "回顾" in out
