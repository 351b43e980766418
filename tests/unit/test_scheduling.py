"""tests/scheduling.py: which tests xdist keeps on one worker."""

from __future__ import annotations

import pytest

from tests.scheduling import SamePageScheduling

READING = "tests/browser/test_reading.py"


@pytest.mark.parametrize(("nodeid", "scope"), [
    (f"{READING}::test_no_axe_violation[en/]", f"{READING}::[en/]"),
    (f"{READING}::test_language_switch_lands_on_the_counterpart[en/]", f"{READING}::[en/]"),
    (f"{READING}::test_no_axe_violation[]", f"{READING}::[]"),
    ("tests/browser/test_theme.py::test_keyboard", "tests/browser/test_theme.py::test_keyboard"),
    ("tests/unit/test_scan.py::test_scan[en/]", "tests/unit/test_scan.py::test_scan[en/]"),
    ("tests/pdf/test_edition.py::test_fonts_embedded[ja-]", "tests/pdf/"),
    ("tests/pdf/test_edition.py::test_same_epoch_gives_the_same_bytes", "tests/pdf/"),
])
def test_browser_tests_with_one_parameter_id_share_a_scope(nodeid, scope):
    assert SamePageScheduling._split_scope(None, nodeid) == scope
