"""Do two versions of the code write the same reports? (a check for changes meant to change no page)

Builds every report from scratch twice, into temporary folders: once from a git revision (default ``HEAD``, checked
out in a temporary worktree) and once from the working tree, with the same environment and data as each version
holds. Prints one line per file that differs or exists in one build only, then a count, and exits 1 when any file
differs. Nothing under ``reports/`` or ``.cache/`` is touched.

    python scripts/compare_reports.py                 # HEAD against the working tree
    python scripts/compare_reports.py 1650f44 --only 06 --only 07
    python scripts/compare_reports.py a1a1de9^1 a1a1de9   # what one commit changed in the reports
    python scripts/compare_reports.py main --code-may-differ  # a rename of what the notebooks import
    python scripts/compare_reports.py --before ../main/reports  # against reports already built (one build only)

``--before DIR`` takes the first version's reports from a folder already built from it (a checkout's ``reports/``;
files whose names start with a dot, such as ``.gitkeep``, are left out) and builds only the working tree.

``--code-may-differ`` is for changes that rename a helper the notebooks import: the notebooks' code (shown to
readers in each page's collapsed code boxes) then changes, while every figure, table and sentence must not. A page
that differs only inside its code boxes is listed as such and does not count as different.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(source: Path, out: Path, only: list[str]) -> None:
    """Build every report of the tree at ``source`` into ``out/reports`` (fresh cache, its own helpers)."""
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "HOME": str(out),
           "PYTHONPATH": str(source / "src"), "NATO_REPORTS_DIR": str(out / "reports"),
           "NATO_BUILD_DIR": str(out / "build"), "NATO_CACHE_DIR": str(out / "cache")}
    # the build's package was ``helpers.build`` before it was renamed ``helpers.pipeline``; older revisions use it
    package = "helpers.pipeline" if (source / "src" / "helpers" / "pipeline").is_dir() else "helpers.build"
    args = [sys.executable, "-m", package, "--force", *[a for o in only for a in ("--only", o)]]
    res = subprocess.run(args, cwd=source, env=env, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"the build of {source} failed ({res.returncode}):\n{res.stdout[-3000:]}{res.stderr[-3000:]}")


#: A code box as the page has written it: collapsed in ``<details>`` once, now a ``report-code`` block whose code
#: is the highlighted ``<pre>`` (either is matched, so revisions of both kinds compare).
CODE_BOX = re.compile(rb'<details class="report-code">.*?</details>|<div class="highlight hl-ipython3"><pre>.*?</pre>',
                      re.S)


def same_outside_code(one: bytes, two: bytes) -> bool:
    """Whether two pages are the same once the code boxes (the notebook's code, collapsed for readers) are dropped."""
    return CODE_BOX.sub(b"", one) == CODE_BOX.sub(b"", two)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def built(args: argparse.Namespace, tmp: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The files of both builds (the first read from ``--before`` when given)."""
    if args.before:
        build(ROOT, tmp / "after", args.only)
        return files(Path(args.before)), files(tmp / "after" / "reports")
    trees = [tmp / "tree", tmp / "other"] if args.other else [tmp / "tree"]
    for tree, rev in zip(trees, (args.rev, args.other)):
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(tree), rev], cwd=ROOT, check=True)
    try:
        build(trees[0], tmp / "before", args.only)
        build(trees[1] if args.other else ROOT, tmp / "after", args.only)
    finally:
        for tree in trees:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
    return files(tmp / "before" / "reports"), files(tmp / "after" / "reports")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rev", nargs="?", default="HEAD", help="the git revision to compare against (default HEAD)")
    ap.add_argument("other", nargs="?", default="", help="a second revision in place of the working tree")
    ap.add_argument("--only", action="append", default=[], help="notebook id or stem (repeatable; default all)")
    ap.add_argument("--keep", action="store_true", help="keep both builds (their folder is printed)")
    ap.add_argument("--code-may-differ", action="store_true",
                    help="pages that differ only in the notebook code shown in their code boxes count as the same")
    ap.add_argument("--before", default="", metavar="DIR",
                    help="a folder of reports already built from the first version (built once, not again)")
    args = ap.parse_args(argv)
    if args.before and (args.other or not Path(args.before).is_dir()):
        ap.error(f"--before {args.before!r}: give an existing folder of built reports, and no second revision")
    if args.before:
        args.rev = args.before
    tmp = Path(tempfile.mkdtemp(prefix="nato-compare-"))
    try:
        before, after = built(args, tmp)
    finally:
        if args.keep:
            print(f"builds kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    later = args.other or "the working tree"
    differ = 0
    for rel in sorted(set(before) | set(after)):
        if rel not in after or rel not in before:
            differ += 1
            print(f"only in {args.rev if rel in before else later}: {rel}")
        elif before[rel] != after[rel]:
            if args.code_may_differ and rel.endswith(".html") and same_outside_code(before[rel], after[rel]):
                print(f"differs only in its code boxes: {rel}")
                continue
            differ += 1
            print(f"differs: {rel}")
    same = sum(1 for r in set(before) & set(after) if before[r] == after[r])
    print(f"{same} files identical, {differ} different or missing ({args.rev} against {later})")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
