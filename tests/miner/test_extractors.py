"""The extractors on small hand-made paragraphs: what they must find, and what they must not."""

from drafter.core.vocab import TRANSITION
from drafter.miner import antithesis, four_char, numbered, parallel, scaffolds
from drafter.miner.text import Paragraph, clauses, common_prefix, common_suffix, sentences


def par(text: str, role: str = "tasks") -> Paragraph:
    return Paragraph("x.txt", 7, text, role)


def texts(cands, category=None):
    return [c.text for c in cands if category is None or c.category == category]


def test_sentences_and_clauses():
    assert sentences("一是甲。二是乙；三是丙") == ["一是甲。", "二是乙；", "三是丙"]
    assert clauses("想在前、干在前，成在前") == [("想在前", "、"), ("干在前", "，"), ("成在前", "")]
    assert common_prefix(["以实干体现", "以实干成就"]) == "以实干"
    assert common_suffix(["想在前", "干在前"]) == "在前"


def test_parallel_with_lead_in_trimmed_and_source_kept():
    found = parallel.parallels(par("要加快前期工作，确保早开工、早建设、早竣工、早达产。"))
    assert texts(found) == ["早开工、早建设、早竣工、早达产"]
    assert (found[0].file, found[0].paragraph, found[0].role) == ("x.txt", 7, "tasks")


def test_parallel_frame_has_slot_for_shared_word():
    found = parallel.parallels(par("以实干体现忠诚、以实干成就事业、以实干造福人民。"))
    assert found[0].frame == "以{X}体现忠诚、以{X}成就事业、以{X}造福人民"
    assert found[0].slots == ("X",)


def test_list_of_unrelated_nouns_is_not_parallel():
    assert parallel.parallels(par("矿山、冶金、危化品、道路交通、城镇燃气等重点领域。")) == []


def test_two_members_are_a_pair_not_a_parallel():
    text = "一天接着一天干，一关接着一关闯。"
    assert parallel.parallels(par(text)) == []
    assert texts(antithesis.antitheses(par(text))) == ["一天接着一天干，一关接着一关闯"]


def test_ji_yao_ye_yao_pair():
    found = antithesis.antitheses(par("既要振兴发展的累累硕果，也要政治生态的山清水秀。"))
    assert texts(found) == ["既要振兴发展的累累硕果，也要政治生态的山清水秀"]


def test_numbered_concepts_quoted_paired_and_counted():
    found = texts(numbered.numbered(par("增强“四个意识”，履行一岗双责，落实三严三实，用好“五张清单”，"
                                       "千方百计解决，召开党的二十大。")))
    assert found == ["四个意识", "五张清单", "一岗双责", "三严三实"]


def test_numbered_rejects_dates_and_sayings():
    found = texts(numbered.numbered(par("1月19日，“行百里者半九十”，十四届全会，一件一件改。")))
    assert found == []


def test_four_char_runs_and_noun_lists():
    found = texts(four_char.four_char_runs(par("要抓铁有痕、踏石留印，一抓到底。")))
    assert found == ["抓铁有痕、踏石留印"]
    # a four-character member of a mixed list does not chain across a comma
    found = texts(four_char.four_char_runs(par("要加快投资、加快开工，凌绥高速、什家子河综合治理要加快推进。")))
    assert found == ["加快投资、加快开工"]


def test_inline_series_is_a_scaffold():
    text = "项目建设是发动机。一要抓好项目谋划。内容。二要抓实招商引资。内容。三要加快项目建设。"
    found = scaffolds.inline_series(par(text))
    assert texts(found) == ["一要抓好项目谋划；二要抓实招商引资；三要加快项目建设"]


def test_short_sentence_series_gets_a_frame():
    text = ("要在稳市场主体上下功夫。甲。要在稳有效投资上下功夫。乙。要在稳重点产业上下功夫。丙。")
    found = scaffolds.short_sentence_series(par(text))
    assert found[0].frame == "要在稳{领域}上下功夫"
    assert found[0].text == "要在稳市场主体上下功夫；要在稳有效投资上下功夫；要在稳重点产业上下功夫"


def test_transition_with_count_becomes_a_frame():
    found = scaffolds.connectives(par("刚才大家讲得很好。下面，我讲三点意见：", "opening"), "first")
    transition = [c for c in found if c.category == TRANSITION]
    assert transition[0].text == "下面，我讲三点意见："
    assert transition[0].frame == "下面，我讲{N}点意见："


def test_shared_noun_anywhere_becomes_the_slot():
    found = parallel.parallels(par("要树立安全理念、弘扬安全精神、营造安全氛围。"))
    assert found[0].frame == "树立{X}理念、弘扬{X}精神、营造{X}氛围"
    # the head noun every member ends on is the formula's fixed part: 问题导向 → no 问题发展
    assert parallel.parallels(par("要坚持问题导向、目标导向、结果导向。"))[0].frame == ""
    # a chiasmus is no frame: 发展就是人民，人民就是发展 is no longer one
    chiasmus = antithesis.antitheses(par("群众就是人民，人民就是群众。"))
    assert all(c.frame == "" for c in chiasmus)
    pair = antithesis.antitheses(par("用专业思维考虑工作，用专业方法推动工作。"))
    assert pair[0].frame == "用{X}思维考虑工作，用{X}方法推动工作"


def test_function_words_are_not_slots():
    found = parallel.parallels(par("发展不等人、时间不等人、任务不等人。"))
    assert found[0].text == "发展不等人、时间不等人、任务不等人"
    assert found[0].frame == ""


def test_refrain_is_a_parallel_with_its_frame():
    found = parallel.parallels(par("要以实干托起梦想、以创新托起美好未来、以服务托起民生福祉。"))
    assert found[0].text == "以实干托起梦想、以创新托起美好未来、以服务托起民生福祉"
    assert found[0].frame == "以{甲}托起{乙}" and found[0].slots == ("甲", "乙")
