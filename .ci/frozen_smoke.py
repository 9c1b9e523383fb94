"""Smoke test of the frozen app (dist/drafter) as a user receives it.

The app is copied to a read-only folder whose path has spaces and Chinese characters, and every
command runs with a bare environment (no Python, no virtualenv on PATH): --version, doctor, new
from a template to .docx, export .txt -> .docx in both layouts, parse that .docx, check, library
add/search, and the editor opened offscreen for a few seconds.  Exit 1 on the first failure.

    python .ci/frozen_smoke.py dist/drafter
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEECH = sorted((ROOT / "resources" / "corpus").glob("*.txt"))[0]


def bare_env(home: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "DRAFTER_HOME": str(home / "data"),
            "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


def make_read_only(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


class Smoke:
    def __init__(self, app: Path, work: Path):
        self.app, self.work = app, work
        self.env = bare_env(work)
        self.failures: list[str] = []

    def run(self, name: str, *args: str, ok=(0,), timeout: float = 120) -> subprocess.CompletedProcess:
        started = time.perf_counter()
        try:
            result = subprocess.run([str(self.app), *args], capture_output=True, text=True,
                                    env=self.env, cwd=self.work, timeout=timeout)
        except subprocess.TimeoutExpired:
            self.fail(name, f"no answer within {timeout} s")
            return subprocess.CompletedProcess(args, -1, "", "")
        took = time.perf_counter() - started
        bad = result.returncode not in ok or "Traceback" in result.stderr + result.stdout
        print(f"{'FAIL' if bad else 'ok  '} {name:<34} exit {result.returncode:>3}  {took:6.2f} s")
        if bad:
            self.fail(name, f"exit {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
        return result

    def fail(self, name: str, detail: str) -> None:
        self.failures.append(name)
        print(f"---- {name}\n{detail}", file=sys.stderr)

    def expect(self, name: str, condition: bool, detail: str = "") -> None:
        print(f"{'ok  ' if condition else 'FAIL'} {name}")
        if not condition:
            self.fail(name, detail)


def main() -> int:
    dist = Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        install = tmp / "程序 目录" / "drafter"   # spaces and Chinese in the path
        shutil.copytree(dist, install, symlinks=True)
        make_read_only(install.parent)
        work = tmp / "工作 文件夹"
        work.mkdir()
        shutil.copy(SPEECH, work / "讲话 稿.txt")
        s = Smoke(install / ("drafter.exe" if os.name == "nt" else "drafter"), work)

        version = s.run("--version", "--version")
        s.expect("version printed", version.stdout.startswith("drafter "), version.stdout)
        s.run("doctor", "doctor")
        listed = s.run("templates --json", "templates", "--json")
        templates = json.loads(listed.stdout or "[]")
        s.expect("templates listed", bool(templates), listed.stdout[:500])
        for template in templates[:1]:
            sets = []
            for field in template["fields"]:
                if field.get("required"):
                    sets += ["--set", f"{field['key']}={'临江县' if field['key'] in ('place', 'city') else '测试'}"]
            s.run("new -> .docx", "new", template["id"], *sets, "-o", "新稿.docx")
        s.run("export print", "export", "讲话 稿.txt", "-o", "印发稿.docx")
        s.run("export read-aloud", "export", "讲话 稿.txt", "-o", "大字版.docx", "--profile", "read-aloud")
        parsed = s.run("parse .docx --json", "parse", "印发稿.docx", "--json")
        blocks = json.loads(parsed.stdout or "{}").get("blocks", [])
        s.expect("parsed the exported .docx", len(blocks) > 10, parsed.stdout[:500])
        s.run("check", "check", "讲话 稿.txt", "--no-library", ok=(0, 1))
        s.run("library add", "library", "add", "讲话 稿.txt")
        found = s.run("library search", "library", "search", "全面从严治党", "--json")
        s.expect("library search found the speech", bool(json.loads(found.stdout or "[]")),
                 found.stdout[:500])
        # the editor: started offscreen, still running after a few seconds, then closed
        editor = subprocess.Popen([str(s.app), "open", "讲话 稿.txt"], env=s.env, cwd=work,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(6)
        alive = editor.poll() is None
        editor.terminate()
        try:
            out, err = editor.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            editor.kill()
            out, err = editor.communicate()
        s.expect("editor runs offscreen", alive and "Traceback" not in err, f"{out[-1500:]}\n{err[-1500:]}")
        log = work / "data" / "logs" / "drafter.log"
        logged = log.read_text("utf-8", errors="replace") if log.exists() else ""
        s.expect("Qt's Chinese translations found", log.exists() and "translations not found" not in logged,
                 logged[-1500:] or f"no log file {log}")
        if s.failures:
            print(f"frozen app smoke test: {len(s.failures)} failed: {', '.join(s.failures)}")
            return 1
        print("frozen app smoke test: all passed")
        return 0


if __name__ == "__main__":
    sys.exit(main())
