"""A wheel carries the shipped templates, phrase bank and corpus where paths.package_root
looks for them after a non-editable install."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_the_data_files(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    [wheel] = tmp_path.glob("drafter-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.split("/data/share/drafter/", 1)[1] for n in names if "/data/share/drafter/" in n}
    expected = {str(p.relative_to(ROOT)) for folder in ("templates", "phrasebank", "resources")
                for p in (ROOT / folder).rglob("*") if p.is_file()}
    assert expected and shipped == expected
    assert "drafter/cli.py" in names and not any(n.startswith("tests/") for n in names)
