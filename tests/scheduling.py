"""How `make test` shares tests between pytest-xdist workers (`-n`, the default `load` mode).

Tests go out in collection order (tests/conftest.py puts the fast folders first), one at a
time to whichever worker is free, except that browser tests of one module with the same
parameter id go to one worker together (the tests of one page then share the worker's single
load of it: `visit` in tests/browser/test_reading.py), and so do the print edition's tests
(tests/pdf/: one build of both editions, while the other worker goes on). xdist's own
`xdist_group` mark does not work with pytest 9.2 (it edits `Item._nodeid`, which pytest no
longer reads), hence this scheduler, installed through xdist's `pytest_xdist_make_scheduler` hook.
"""

from __future__ import annotations

from xdist.scheduler import LoadScopeScheduling


class SamePageScheduling(LoadScopeScheduling):
    """LoadScopeScheduling whose scope is one test, a browser module's parameter id, or the
    whole print-edition folder (its tests share one build of the editions, ~30 s)."""

    def _split_scope(self, nodeid: str) -> str:
        module, _, name = nodeid.partition("::")
        if module.startswith("tests/pdf/"):
            return "tests/pdf/"
        if module.startswith("tests/browser/") and name.endswith("]") and "[" in name:
            return f"{module}::[{name.split('[', 1)[1]}"
        return nodeid


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "load":
        return None  # another mode asked for by name (--dist loadfile, …)
    config.option.loadscopereorder = False  # keep the collection order: fast tests first
    return SamePageScheduling(config, log)
