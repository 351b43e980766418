"""`python -m bench.probe SITE`: build SITE in this process, timing the plugin's own code.

Wraps every hook of the citations plugin, its Markdown preprocessor and its reading-order
treeprocessor with a timer, and
counts pybtex parses of the .bib. Prints `PARSES PLUGIN_SECONDS BUILD_SECONDS` (CPU).
"""

from __future__ import annotations

import functools
import os
import sys
import time

from pybtex.database.input.bibtex import Parser

from briefs_citations.markdown_ext import CitationPreprocessor, ReadingOrderTreeprocessor
from briefs_citations.plugin import CitationsPlugin

spent = [0.0]
parses = [0]


def _timed(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.process_time()  # CPU time: other processes on the machine do not count
        try:
            return function(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - start

    return wrapper


def _counted(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        parses[0] += 1
        return function(*args, **kwargs)

    return wrapper


def main(site: str) -> None:
    for name in [n for n in vars(CitationsPlugin) if n.startswith("on_")]:
        setattr(CitationsPlugin, name, _timed(getattr(CitationsPlugin, name)))
    CitationPreprocessor.run = _timed(CitationPreprocessor.run)
    ReadingOrderTreeprocessor.run = _timed(ReadingOrderTreeprocessor.run)
    Parser.parse_string = _counted(Parser.parse_string)
    from mkdocs.__main__ import cli

    os.chdir(site)
    start = time.process_time()
    try:
        cli(["build", "-q", "-f", "mkdocs.yml", "-d", "site"], standalone_mode=False)
    finally:
        print(parses[0], f"{spent[0]:.3f}", f"{time.process_time() - start:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
