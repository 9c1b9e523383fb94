"""审校 (DESIGN §7): checks a draft and returns findings.

``run_checks(draft, options=None) -> list[Finding]`` runs every check (or those named in
``options.only``) and returns their findings in document order.  Each family of checks is
one module with ``check(draft, options) -> list[Finding]``:

============  ==============================================================  =============
id            what                                                            severity
============  ==============================================================  =============
placeholder   **, *, XX, ××, X月X日, {{ }}, 【】, （略） left in the text            error
numbering     gaps, repeats, disorder; mixed families/styles among siblings    error/warning
announcement  an announced count (讲三点意见) that disagrees with the items     error
formulation   a formula's wrong member; outdated/wrong forms (dated lists)     error/warning/info
place         words of another level (全市上下 in a county's draft), other       error/warning/info
              places' names (administrative-division data)
overlap       long runs shared with library speeches (needs options.library)   info/warning
parallel      unbalanced 排比, too many in one paragraph                        warning
length        characters and speaking time, whole and per part, vs a budget    info/warning
============  ==============================================================  =============

A rules file (``options.rules``) that cannot be read does not stop the run: the shipped lists
are used and a whole-draft finding (``source={"skipped": True, "file": …, "line": …}``) says so.

The editor can call ``run_checks`` on its draft and use ``Finding.block``/``start``/``end``
(offsets into ``block.text + block.body``) to highlight each finding.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from drafter.checks import (
    announcements,
    formulations,
    length,
    numbering,
    overlap,
    parallels,
    placeholders,
    places,
)
from drafter.checks.base import ERROR, INFO, SEVERITIES, WARNING, CheckOptions, Finding, skipped
from drafter.checks.rules import load_rules
from drafter.core.errors import DrafterError
from drafter.core.model import Draft

logger = logging.getLogger(__name__)

__all__ = ["CHECKS", "CHECK_NAMES", "ERROR", "INFO", "WARNING", "CheckOptions", "Finding", "run_checks"]

CHECKS: dict[str, Callable[[Draft, CheckOptions], list[Finding]]] = {
    "placeholder": placeholders.check,
    "numbering": numbering.check,
    "announcement": announcements.check,
    "formulation": formulations.check,
    "place": places.check,
    "overlap": overlap.check,
    "parallel": parallels.check,
    "length": length.check,
}

CHECK_NAMES = {
    "placeholder": "未填占位",
    "numbering": "编号",
    "announcement": "宣布的数目",
    "formulation": "规范表述",
    "place": "地名与本级用语",
    "overlap": "查重",
    "parallel": "排比",
    "length": "篇幅与时长",
}


def run_checks(draft: Draft, options: CheckOptions | None = None) -> list[Finding]:
    """Every finding about ``draft``: whole-draft findings first, then by block and offset,
    errors before warnings before notes at the same place."""
    options = options or CheckOptions()
    only = set(options.only) if options.only is not None else set(CHECKS)
    unknown = only - set(CHECKS)
    if unknown:
        raise DrafterError(f"没有名为“{'、'.join(sorted(unknown))}”的检查（可用：{'、'.join(CHECKS)}）")
    found: list[Finding] = []
    if options.rules is not None:
        try:
            load_rules(options.rules)
        except DrafterError as exc:  # a bad --rules file: the shipped lists still apply
            logger.info("rules file refused: %s", exc.message)
            found.append(skipped("formulation", f"补充规则文件未采用，规范表述和地名只按内置列表检查：{exc.message}", exc))
            options = replace(options, rules=None)
    for name, check in CHECKS.items():
        if name in only:
            found += check(draft, options)
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    found.sort(key=lambda f: (-1 if f.block is None else f.block, f.start if f.start is not None else -1,
                              rank.get(f.severity, 9)))
    return found
