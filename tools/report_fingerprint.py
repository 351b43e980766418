"""A fingerprint of the report for the own-words check, so the check runs on every clone.

The report's text may not be in the repository (its publisher reserves reproduction), so
`tests/content/report-fingerprint.txt` holds only hashes: every WINDOW-character window of
the normalised report is hashed, and winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003)
keeps the smallest hash of every SPAN consecutive windows, about one window in five. A page
then repeats the report wherever one of its windows hashes to a kept value:

- a flagged window is WINDOW (30) characters found in the report (CONTRIBUTING.md's rule);
- a copy of GUARANTEE (38) or more characters always contains a kept window, so it is
  always flagged; shorter copies of 30-37 characters are flagged when they contain one.

No text can be read back: the hashes are sorted (no order, no positions), 40 bits long, and
about 5 characters (at most SPAN) lie between kept windows, so rebuilding a sentence from a
known window means guessing several characters at once, and at that many guesses the 40-bit
hashes match wrong guesses too.

Regenerate (only needed if the report or the parameters change), with the report at hand:
`python -m tools.report_fingerprint [PATH/report.ja.txt]` (`--check` compares only).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FINGERPRINT = ROOT / "tests" / "content" / "report-fingerprint.txt"
#: Where the report may be: the shared folder beside a checkout, or the machine's.
REPORT_PLACES = (ROOT.parent / "shared" / "report" / "report.ja.txt",
                 Path("/work/shared/report/report.ja.txt"))

WINDOW = 30  # characters: CONTRIBUTING.md's "30 consecutive characters"
SPAN = 9  # windows: winnowing keeps the smallest hash of every SPAN consecutive ones
GUARANTEE = WINDOW + SPAN - 1  # a copy this long is always caught
BITS = 40
PARAMETERS = f"window={WINDOW} span={SPAN} hash=blake2b-{BITS} normalise=NFKC-no-whitespace"


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits as ASCII), no whitespace: layout does not count."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def window_hash(window: str) -> int:
    digest = hashlib.blake2b(window.encode("utf-8"), digest_size=BITS // 8,
                             person=b"report-windows")
    return int.from_bytes(digest.digest(), "big")


def hashes(normalised: str) -> list[int]:
    """The hash of every WINDOW-character window, in order."""
    return [window_hash(normalised[i:i + WINDOW])
            for i in range(len(normalised) - WINDOW + 1)]


def winnow(values: list[int], span: int = SPAN) -> set[int]:
    """The smallest value of every `span` consecutive values (all of them if fewer)."""
    if len(values) <= span:
        return {min(values)} if values else set()
    return {min(values[i:i + span]) for i in range(len(values) - span + 1)}


def fingerprint(text: str) -> set[int]:
    return winnow(hashes(normalise(text)))


def copied_windows(text: str, kept: set[int]) -> list[str]:
    """The windows of `text` (normalised) whose hash is in the fingerprint, not overlapping."""
    squeezed = normalise(text)
    found, i = [], 0
    while i + WINDOW <= len(squeezed):
        if window_hash(squeezed[i:i + WINDOW]) in kept:
            found.append(squeezed[i:i + WINDOW])
            i += WINDOW
        else:
            i += 1
    return found


def dump(kept: Iterable[int], windows: int) -> str:
    lines = ["# Fingerprint of the report (tanabe2024) for the own-words check: hashes only,",
             "# no text. Made by `python -m tools.report_fingerprint`; see its docstring.",
             f"# {PARAMETERS} windows={windows}"]
    lines += [f"{value:0{BITS // 4}x}" for value in sorted(kept)]
    return "\n".join(lines) + "\n"


class Fingerprint:
    """The shipped fingerprint: the kept hashes and the number of windows they come from."""

    def __init__(self, path: Path = FINGERPRINT) -> None:
        lines = path.read_text(encoding="utf-8").splitlines()
        header = next((line for line in lines if line.startswith("# window=")), "")
        if not header.startswith(f"# {PARAMETERS} windows="):
            raise ValueError(f"{path}:3: made with other parameters than {PARAMETERS!r}; "
                             "regenerate it with `python -m tools.report_fingerprint`")
        self.windows = int(header.rsplit("=", 1)[1])
        self.kept = {int(line, 16) for line in lines if line and not line.startswith("#")}

    def copied(self, text: str) -> list[str]:
        return copied_windows(text, self.kept)


def find_report() -> Path | None:
    return next((path for path in REPORT_PLACES if path.exists()), None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.report_fingerprint",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("report", nargs="?", type=Path, help="report.ja.txt (default: "
                        + " or ".join(str(p) for p in REPORT_PLACES) + ")")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    report = args.report or find_report()
    if report is None or not report.exists():
        print(f"report not found: {report or ' nor '.join(map(str, REPORT_PLACES))}",
              file=sys.stderr)
        return 2
    normalised = normalise(report.read_text(encoding="utf-8"))
    text = dump(winnow(hashes(normalised)), len(normalised) - WINDOW + 1)
    current = FINGERPRINT.read_text(encoding="utf-8") if FINGERPRINT.exists() else ""
    if args.check:
        same = text == current
        print(f"{FINGERPRINT.relative_to(ROOT)} {'matches' if same else 'differs from'} {report}")
        return 0 if same else 1
    FINGERPRINT.write_text(text, encoding="utf-8")
    print(f"{FINGERPRINT.relative_to(ROOT)}: {text.count(chr(10)) - 3} hashes from {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
