"""load_document: a corpus speech exported to .docx and .txt (the export worker's writer) and read
back through load_document gives the same draft."""

from pathlib import Path

import pytest

from drafter.corpus.documents import load_document, parse_file

CORPUS = sorted((Path(__file__).resolve().parents[2] / "resources" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("source", CORPUS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_export_then_load_gives_the_draft_back(tmp_path, source, suffix):
    export = pytest.importorskip("drafter.export")
    draft = parse_file(source)
    target = tmp_path / ("speech" + suffix)
    export.export_draft(draft, target)
    back = load_document(target)
    assert back == draft
    assert [b.source_marker for b in back.blocks] == [b.source_marker for b in draft.blocks]


def test_a_folder_is_named_as_such(tmp_path):
    import pytest

    from drafter.core.errors import DrafterError
    from drafter.corpus.documents import load_document

    folder = tmp_path / "讲话稿.txt"
    folder.mkdir()
    with pytest.raises(DrafterError) as info:
        load_document(folder)
    assert "文件夹" in info.value.message and str(folder) in info.value.message
