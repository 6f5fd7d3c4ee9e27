"""The driver: its JSON lines, and what it says when the module is not built."""

import json
import subprocess
import sys
from pathlib import Path

from course import compare
from course.common import LANGUAGES

HERE = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "course.compare", *args],
        cwd=HERE,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_json_lines_have_exactly_the_protocols_keys():
    out = run("--quick", "--json", "--seconds", "0", "--case", "series", "--case", "call")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["variant"] for r in rows][:2] == ["python", "numpy"]
    assert {r["case"] for r in rows} == {"series", "call"}
    for r in rows:
        assert tuple(r) == compare.KEYS
        assert r["language"] in LANGUAGES
        assert r["runs"] >= 3 and 0 < r["best_s"] <= r["median_s"]
        assert (r["compile_s"] is None) == (r["language"] != "Numba")
        assert r["error"] < 1e-12, r
        assert isinstance(r["summary"], str) and isinstance(r["about"], str)
    scaled = {r["variant"]: r["scaled"] for r in rows if r["case"] == "series"}
    assert scaled["python"].startswith("timed at n = ") and scaled["numpy"] is None


def test_table_mode_prints_a_table_and_the_goals():
    out = run("--quick", "--seconds", "0", "--case", "cosine")
    assert out.returncode == 0, out.stderr
    assert "== cosine" in out.stdout and "== goals" in out.stdout and "rust_parallel" in out.stdout


def test_without_the_module_it_says_how_to_build_it_and_exits_2():
    code = (
        "import sys; sys.modules['workbook_py'] = None\n"
        "from course import compare; sys.exit(compare.main(['--quick']))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=HERE, capture_output=True, text=True)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "maturin develop --release" in lines[0]
