"""A file's blocks written as the text of PostgreSQL's COPY, in one pass: psycopg's row-by-row
writing of two integer arrays a block was a third of an import.  ``copy_lines`` runs while the
file is read; ``copy_text`` adds what is known only in the storing transaction (the blocks' ids,
the document's id, the bucket codes)."""

from __future__ import annotations

from drafter.corpus.library.base import Prepared
from drafter.corpus.library.terms import bucket_codes

COPY_COLUMNS = "id, doc_id, idx, kind, level, marker, role, head, trail, content, grams, marks"
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_lines(record: Prepared) -> list[tuple[str, str, str]]:
    """The blocks of ``record`` as parts of COPY text lines: the text columns from ``idx`` to
    ``content``, the bigram codes without braces, and the marks."""
    from drafter.corpus.library.fingerprints import gram_codes_many, marks_many  # numpy: see there

    texts = [b[-1] for b in record.blocks]
    lines = []
    for (idx, kind, level, marker, role, head, trail, content), codes, found in zip(
            record.blocks, gram_codes_many(texts), marks_many(texts)):
        fields = (str(idx), kind.translate(_ESCAPES), str(level), marker.translate(_ESCAPES),
                  role.translate(_ESCAPES), str(head), trail.translate(_ESCAPES), content.translate(_ESCAPES))
        lines.append(("\t".join(fields), "".join(f"{c}," for c in codes),
                      "{" + ",".join(map(str, sorted({h for _, h in found}))) + "}"))
    return lines


def copy_text(lines: list[tuple[str, str, str]], ids: list[int], doc_id: int, shift: int) -> str:
    """The COPY text of ``copy_lines``' blocks given their ids (``COPY_COLUMNS``)."""
    return "".join(f"{i}\t{doc_id}\t{text}\t{{{codes}{fine},{coarse}}}\t{marks}\n"
                   for i, (text, codes, marks) in zip(ids, lines)
                   for fine, coarse in (bucket_codes(i, shift),))
