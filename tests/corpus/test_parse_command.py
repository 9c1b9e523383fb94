"""`drafter parse`: the readable outline and the JSON of DESIGN §4, for .txt and .docx."""

import json

import docx

from drafter.cli import main

SPEECH = ("市长在全市工作会议上的讲话\n\n同志们：\n今天召开会议。\n一、上半年工作回顾\n"
          "（一）经济运行稳中向好。年初以来，主要指标增长。\n（二）民生福祉持续增进。\n"
          "二、下半年重点任务\n一是抓项目。正文。\n二是抓招商。\n同志们，让我们团结奋斗！\n")


def test_json_object(tmp_path, capsys):
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="gbk")
    assert main(["parse", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "title": "市长在全市工作会议上的讲话", "speaker": None, "date": None, "occasion": "全市工作会议",
        "salutation": "同志们：", "dropped": [], "revisions": [], "comments": [], "doubts": [],
        "blocks": [
            {"kind": "paragraph", "text": "今天召开会议。", "role": "opening"},
            {"kind": "heading", "level": 1, "marker": "一、", "text": "上半年工作回顾", "body": "",
             "role": "review"},
            {"kind": "heading", "level": 2, "marker": "（一）", "text": "经济运行稳中向好。",
             "body": "年初以来，主要指标增长。", "role": "review"},
            {"kind": "heading", "level": 2, "marker": "（二）", "text": "民生福祉持续增进。", "body": "",
             "role": "review"},
            {"kind": "heading", "level": 1, "marker": "二、", "text": "下半年重点任务", "body": "",
             "role": "tasks"},
            {"kind": "heading", "level": 2, "marker": "一是", "text": "抓项目。", "body": "正文。",
             "role": "tasks"},
            {"kind": "heading", "level": 2, "marker": "二是", "text": "抓招商。", "body": "", "role": "tasks"},
            {"kind": "paragraph", "text": "同志们，让我们团结奋斗！", "role": "closing"},
        ]}


def test_readable_outline(tmp_path, capsys):
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "标题：市长在全市工作会议上的讲话"
    assert "称呼：同志们：" in lines
    outline = lines[lines.index("称呼：同志们：") + 2:]
    assert outline[0].startswith("¶ 1 段：今天召开会议。") and "〔开场，7 字〕" in outline[0]
    assert outline[1] == "一、上半年工作回顾  〔回顾，37 字〕"  # 7 + 9 + 12 + 9, markers not counted
    assert outline[2] == "    （一）经济运行稳中向好。 ……（正文 12 字）  〔回顾，21 字〕"
    assert outline[5] == "    一是抓项目。 ……（正文 3 字）  〔任务，7 字〕"
    assert outline[-1].startswith("¶ 1 段：同志们，") and "结束语" in outline[-1]


def test_docx_through_the_command(tmp_path, capsys):
    path = tmp_path / "speech.docx"
    document = docx.Document()
    for line in SPEECH.splitlines():
        document.add_paragraph(line)
    document.save(path)
    assert main(["parse", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["title"] == "市长在全市工作会议上的讲话"
    assert [b.get("marker") for b in out["blocks"] if b["kind"] == "heading"] == [
        "一、", "（一）", "（二）", "二、", "一是", "二是"]


def test_stderr_stays_clean_when_roles_need_jieba():
    """003's second part is settled by the jieba tie-break; its start-up chatter must not
    reach the user's terminal."""
    import subprocess
    import sys
    from pathlib import Path

    speech = Path(__file__).resolve().parents[2] / "resources" / "corpus" / "003_e8c7b60b13b5cb80.txt"
    result = subprocess.run([sys.executable, "-m", "drafter.cli", "parse", str(speech)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stderr == ""
    assert "二、锚定工作目标" in result.stdout
