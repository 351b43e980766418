"""`python -m bench.run`: generate the corpus, build every variant, write bench/results.md.

Per size N: one warm-up build of each variant, then RUNS rounds in which the variants
are built one after another (A B A B …), each as a whole `mkdocs build` process. Ratios
and costs are computed pair by pair within a round, then their median is reported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from bench import measure, report
from bench.corpus import make_bib, make_pages
from bench.variants import VARIANTS, write_sites

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--sizes", default="100,1000", help="N, pages per language")
    parser.add_argument("--entries", type=int, default=2000, help="M, entries in the .bib")
    parser.add_argument("--cites", type=int, default=12, help="K, citations per page")
    parser.add_argument("--runs", default="7,5", help="measured rounds per size")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--results", type=Path, default=HERE / "results.md")
    parser.add_argument("--no-serve", action="store_true")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    runs = [int(r) for r in args.runs.split(",")]
    runs += [runs[-1]] * (len(sizes) - len(runs))
    started = time.perf_counter()
    entries = make_bib(args.seed, args.entries)
    keys = [e.key for e in entries]
    results = {}
    for n, rounds in zip(sizes, runs, strict=True):
        sites = write_sites(args.out / f"n{n}", entries,
                            make_pages(args.seed, n, args.cites, keys))
        print(f"N={n}: corpus written to {args.out / f'n{n}'}", flush=True)
        results[n] = _measure(sites, rounds)
        results[n]["probe"] = {v: measure.probe(sites[v]) for v in ("plugin2", "plugin1")}
        if not args.no_serve and n == max(sizes):
            brief = sites["plugin2"] / "docs/briefs/b0001.ja.md"
            base_brief = sites["base2"] / "docs/briefs/b0001.ja.md"
            results[n]["serve"] = {
                "plugin2": measure.serve_rebuild(sites["plugin2"], brief),
                "base2": measure.serve_rebuild(sites["base2"], base_brief),
            }
    setup = {"seed": args.seed, "entries": args.entries, "cites": args.cites,
             "minutes": (time.perf_counter() - started) / 60}
    # The raw numbers too, so that the report can be rewritten without measuring again.
    (args.out / "results.json").write_text(json.dumps({"results": results, "setup": setup}))
    args.results.write_text(report.render(results, setup), encoding="utf-8")
    print(f"wrote {args.results} in {setup['minutes']:.1f} min")


def _measure(sites: dict[str, Path], rounds: int) -> dict:
    for variant in VARIANTS:
        measure.build(sites[variant])  # warm-up: disk cache, .pyc files
    runs: dict[str, list[measure.Run]] = {v: [] for v in VARIANTS}
    for r in range(rounds):
        for variant in VARIANTS:
            runs[variant].append(measure.build(sites[variant]))
        summary = "  ".join(f"{v} {runs[v][-1].wall:.1f}s" for v in VARIANTS)
        print(f"  round {r + 1}/{rounds}: {summary}", flush=True)
    out: dict = {"runs": rounds, "median": {}, "pairs": {}}
    for variant in VARIANTS:
        values = runs[variant]
        out["median"][variant] = {
            metric: statistics.median(getattr(run, metric) for run in values)
            for metric in ("wall", "cpu", "rss_mib")}
    for name, base in (("plugin2", "base2"), ("plugin1", "base1"), ("bibtex1", "base1")):
        pair = {}
        for metric in ("wall", "cpu"):
            a = [getattr(x, metric) for x in runs[name]]
            b = [getattr(x, metric) for x in runs[base]]
            pair[metric] = {
                "ratio": statistics.median(x / y for x, y in zip(a, b, strict=True)),
                "cost": statistics.median(x - y for x, y in zip(a, b, strict=True)),
            }
        out["pairs"][name] = pair
    return out


if __name__ == "__main__":
    main()
