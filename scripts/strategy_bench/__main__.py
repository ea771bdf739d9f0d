"""./scripts/bench: benchmark the build on synthetic data x1, x10 and x100 the real size, in 1 and 5 editions (in
scratch copies under .bench/; data/ and docs/ are not touched): seconds to validate, render and build, peak
memory, the targets met or missed, and the gzip weight of each page type. See README, Performance.

Exit status: 0 when the benchmark ran, 1 when a step failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys

from .bench import ROOT, main


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="./scripts/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100], help="data sizes (default: 1 10 100)")
    parser.add_argument(
        "--editions",
        type=int,
        nargs="+",
        default=[1, 5],
        help="numbers of editions of the scaled data, each a copy continuing the one before (default: 1 5)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        help="runs per timing, median taken (default: 3; 1 where scale x editions is 100 or more)",
    )
    parser.add_argument("--work-dir", default=str(ROOT / ".bench"), help="scratch folder (default: .bench/)")
    parser.add_argument("--json", help="also write the results to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the scratch projects and their sites")
    parser.add_argument(
        "--no-preview", action="store_true", help="leave out the preview's save-to-page measurement (it takes long)"
    )
    parser.add_argument("--profile", action="store_true", help="instead: profile one build at the largest scale")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main(parse()))
