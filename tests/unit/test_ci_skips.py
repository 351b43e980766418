"""tests/ci_skips.py: a skip fails the run under CI=true, and only there."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SKIPPING = '''
import pytest

def test_needs_something():
    pytest.skip("no such thing here")

@pytest.mark.xfail(reason="known")
def test_known_bug():
    assert False
'''


@pytest.mark.parametrize(("ci", "code", "summary"), [
    ("true", 1, "1 failed, 1 xfailed"),
    ("", 0, "1 skipped, 1 xfailed"),
])
def test_a_skip_fails_only_under_ci(tmp_path, ci, code, summary):
    (tmp_path / "test_skipping.py").write_text(SKIPPING, encoding="utf-8")
    env = {**os.environ, "CI": ci, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.ci_skips",
                           "-p", "no:cacheprovider", "-p", "no:xdist", "-q", "-rf",
                           str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == code, done.stdout + done.stderr
    assert summary in done.stdout
    if ci:
        assert "skipped under CI=true, where every test must run: no such thing" in done.stdout
