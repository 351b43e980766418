"""`python -m tests.pdf.shifted_clock ARGS`: `python -m tools.pdf ARGS` under a clock set
SHIFT seconds ahead (years and a fraction of a day), so that anything in the edition that
reads the clock (a date, a timestamp, an identifier made from the time) comes out different
from a build under the real clock. Patched before WeasyPrint or tools.pdf is imported:
`time.time`/`time_ns` and what reads them without an argument (`localtime`, `gmtime`,
`ctime`, `strftime`), and `datetime.datetime`/`datetime.date`'s `now`, `utcnow`, `today`."""

from __future__ import annotations

import datetime
import sys
import time

SHIFT = 3 * 365 * 86400 + 40_000.5  # about three years and eleven hours

_time, _time_ns = time.time, time.time_ns


def _now() -> float:
    return _time() + SHIFT


def _reading_the_clock(function):
    def shifted(seconds=None):
        return function(_now() if seconds is None else seconds)
    return shifted


class ShiftedDatetime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_now(), tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_now(), datetime.UTC).replace(tzinfo=None)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_now())


class ShiftedDate(datetime.date):
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_now())


def shift_the_clock() -> None:
    time.time = _now
    time.time_ns = lambda: _time_ns() + int(SHIFT * 1e9)
    for name in ("localtime", "gmtime", "ctime"):
        setattr(time, name, _reading_the_clock(getattr(time, name)))
    strftime = time.strftime
    time.strftime = lambda form, t=None: strftime(form, time.localtime() if t is None else t)
    datetime.datetime, datetime.date = ShiftedDatetime, ShiftedDate  # type: ignore[misc]


if __name__ == "__main__":
    shift_the_clock()
    from tools.pdf.__main__ import main

    sys.exit(main(sys.argv[1:]))
