import pytest

from drafter.core.errors import DrafterError
from drafter.core.yamlio import load_yaml


@pytest.mark.parametrize("text, line, words", [
    ("id: [broken\n", 2, "方括号"),
    ("id: a\nname: b: c\n", 2, "键: 值"),
    ("id: a\n\tname: b\n", 2, "制表符"),
    ('id: "a\n', 2, "引号没有闭合"),
    ("a: 1\na: 2\n", 2, "重复"),
])
def test_yaml_problems_are_said_in_chinese_with_the_line(tmp_path, text, line, words):
    path = tmp_path / "模板.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(DrafterError) as info:
        load_yaml(path)
    assert info.value.line == line and words in info.value.message
    assert str(path) in info.value.message


def test_values_come_with_their_lines(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("id: a\nparts:\n  - role: opening\n    guidance: 开场\n", "utf-8")
    data, lines = load_yaml(path)
    assert data["parts"][0]["guidance"] == "开场" and lines[("parts", 0, "guidance")] == 4


def test_alias_bombs_are_refused(tmp_path):
    path = tmp_path / "bomb.yaml"
    rows = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefg"):
        prev = "abcdefg"[i]
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    path.write_text("\n".join(rows) + "\n", "utf-8")
    with pytest.raises(DrafterError) as info:
        load_yaml(path)
    assert "锚点" in info.value.message
