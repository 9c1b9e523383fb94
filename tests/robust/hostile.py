"""Hostile inputs and a bounded child-process runner for the hostile-input suite.

``run`` starts the command line (``drafter.cli.main``) in a child process with an
address-space cap of 1 GB (RLIMIT_AS) and a 10 s limit, and records the time and the peak
memory for the suite's table.  The peak is the child's own high-water mark (``VmHWM`` in
/proc, written by the child as it exits, polled while it runs in case it is killed);
``ru_maxrss`` would not do: Linux carries the forking parent's size across ``exec`` into it.
"""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1024 ** 3
TIME_LIMIT = 10.0
GB = 1024 ** 3
MB = 1024 ** 2

#: (case, seconds, peak MB, exit code) of every case run, printed as a table at the end.
RESULTS: list[tuple[str, float, float, int | None]] = []


@dataclass
class Outcome:
    code: int | None      # None: killed at the time limit
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


LAUNCH = """
import atexit, os, sys

def _peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    with open(os.environ["DRAFTER_PEAK_FILE"], "w") as out:
                        out.write(line.split()[1])
    except OSError:
        pass

atexit.register(_peak)
from drafter.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(case: str, args: list[str], home: Path, cwd: Path, extra_env: dict | None = None) -> Outcome:
    env = dict(os.environ, DRAFTER_HOME=str(home), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               PYTHONFAULTHANDLER="")
    env.pop("PYTHONFAULTHANDLER")
    env.update(extra_env or {})
    out, err = cwd / f".{os.getpid()}.out", cwd / f".{os.getpid()}.err"
    peak_file = cwd / f".{os.getpid()}.peak"
    env["DRAFTER_PEAK_FILE"] = str(peak_file)
    with open(out, "wb") as o, open(err, "wb") as e:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-c", LAUNCH, *args], cwd=cwd, env=env,
                                 stdin=subprocess.DEVNULL, stdout=o, stderr=e, preexec_fn=_cap_memory)
        code, polled = None, 0
        while time.monotonic() - started < TIME_LIMIT:
            polled = max(polled, _hwm_kb(child.pid))
            pid, status = os.waitpid(child.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.01)
        else:
            child.kill()
            os.waitpid(child.pid, 0)
        child.returncode = code if code is not None else -9  # already reaped
        seconds = time.monotonic() - started
    peak_kb = int(peak_file.read_text() or 0) if peak_file.exists() else polled
    outcome = Outcome(code, out.read_text("utf-8", "replace"), err.read_text("utf-8", "replace"),
                      seconds, max(peak_kb, polled) / 1024)
    for leftover in (out, err, peak_file):
        leftover.unlink(missing_ok=True)
    RESULTS.append((case, outcome.seconds, outcome.peak_mb, outcome.code))
    return outcome


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# ----- file kinds -------------------------------------------------------------------------
def fifo(path: Path) -> str:
    os.mkfifo(path)
    return "命名管道"


def dev_zero(path: Path) -> str:
    path.symlink_to("/dev/zero")
    return "字符设备"


def sparse(path: Path) -> str:
    with open(path, "wb") as handle:
        handle.truncate(3 * GB)
    return "文件过大"


def loop(path: Path) -> str:
    other = path.with_name(path.name + ".other")
    path.symlink_to(other.name)
    other.symlink_to(path.name)
    return "循环"


FILE_KINDS = {"fifo": fifo, "dev-zero": dev_zero, "sparse-3GB": sparse, "symlink-loop": loop}


# ----- hostile .docx ----------------------------------------------------------------------
def _base_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("同志们：")
    document.add_paragraph("一、认清形势")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb(path: Path, part: str) -> str:
    """A real .docx plus one part (``part``) that inflates to 300 MB of zeros."""
    zeros = bytes(MB)
    with zipfile.ZipFile(io.BytesIO(_base_docx())) as source, \
            zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != part:
                target.writestr(item.filename, source.read(item.filename))
        with target.open(part, "w") as handle:
            for _ in range(300):
                handle.write(zeros)
    return "压缩炸弹"


def many_parts(path: Path, count: int = 40_000) -> str:
    with zipfile.ZipFile(io.BytesIO(_base_docx())) as source, \
            zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        for i in range(count):
            target.writestr(f"word/extra/part{i}.xml", b"<a/>")
    return "部件过多"


# ----- YAML --------------------------------------------------------------------------------
DEEP = "[" * 20_000 + "]" * 20_000


def deep_draft(path: Path) -> str:
    path.write_text(f"---\ndrafter: 1\ntitle: {DEEP}\n---\n\n@end 0\n", "utf-8")
    return "嵌套过深"


def deep_yaml(path: Path) -> str:
    path.write_text(DEEP + "\n", "utf-8")
    return "嵌套过深"


# ----- templates ---------------------------------------------------------------------------
RUNAWAYS = {
    "range-loop": "{% for i in range(999999999) %}{% for j in range(999999999) %}字{% endfor %}{% endfor %}",
    "string-mul": "{{ '字' * 999999999 }}",
    "number-pow": "{{ 9 ** 999999 }}",
}
TEMPLATE_FIELDS = ("title", "speaker", "date", "occasion", "salutation", "name", "field-default",
                   "field-label", "part-heading", "part-guidance", "part-example", "part-paragraph",
                   "section-heading", "section-paragraph")


def template(path: Path, field: str, text: str) -> None:
    """A template whose ``field`` holds ``text`` (everything else is ordinary)."""
    quoted = '"' + text.replace('"', '\\"') + '"'
    values = {f: '"正文"' for f in TEMPLATE_FIELDS}
    values[field] = quoted
    path.write_text(f"""id: hostile
name: {values['name']}
occasion: {values['occasion']}
title: {values['title']}
speaker: {values['speaker']}
date: {values['date']}
salutation: {values['salutation']}
fields:
  - key: place
    label: {values['field-label']}
    default: {values['field-default']}
parts:
  - role: opening
    heading: {values['part-heading']}
    guidance: {values['part-guidance']}
    examples: [{values['part-example']}]
    paragraphs: [{values['part-paragraph']}]
    sections:
      - heading: {values['section-heading']}
        paragraphs: [{values['section-paragraph']}]
""", "utf-8")
