"""Kept as an entry point, as PyTorch keeps its setup.py: every command here runs pip.

ember builds with scikit-build-core (see pyproject.toml). These commands exist so
that habits carry over; they honour the same environment toggles (USE_CUDA, DEBUG,
MAX_JOBS, ... -- README, "Build toggles"), because pip passes the environment on.

    python setup.py develop      ->  pip install --no-build-isolation -e .
    python setup.py install      ->  pip install .
    python setup.py bdist_wheel  ->  pip wheel --no-deps -w dist .
    python setup.py clean        ->  remove build/

`develop` skips pip's build isolation so the persistent build tree is reused
across rebuilds; it needs the build requirements installed (pip install -e '.[dev]').
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).absolute().parent

COMMANDS = {
    "develop": ["install", "--no-build-isolation", "-e", "."],
    "install": ["install", "."],
    "bdist_wheel": ["wheel", "--no-deps", "-w", "dist", "."],
}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in (*COMMANDS, "clean"):
        names = ", ".join([*COMMANDS, "clean"])
        print(f"usage: python setup.py {{{names}}}\n\n{__doc__}", file=sys.stderr)
        return 2
    command = argv[0]
    if command == "clean":
        shutil.rmtree(ROOT / "build", ignore_errors=True)
        return 0
    pip = [sys.executable, "-m", "pip", *COMMANDS[command]]
    if os.environ.get("VERBOSE", "0") not in ("", "0"):
        pip.append("-v")
    print("+", " ".join(pip), flush=True)
    return subprocess.call(pip, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
