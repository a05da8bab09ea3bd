"""Writing generated files.

Note [Write only when changed]
The build runs the generator whenever the schema, the generator or a template
changes, but most runs change only a few outputs (editing one operator's kernel
name touches one registration file).  A file whose new bytes equal what is on
disk is left alone, mtime included, so Ninja (which re-stats generator outputs:
`restat`) recompiles only the translation units whose inputs really changed,
and a no-op rebuild compiles nothing.  Outputs are produced in a stable order
from a stable input, so identical input always yields identical bytes.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputWriter:
    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = Path(out_dir)
        self.written: list[str] = []
        self.unchanged: list[str] = []

    def write(self, rel: str, text: str) -> None:
        path = self.out_dir / rel
        data = text.encode()
        try:
            if path.read_bytes() == data:
                self.unchanged.append(rel)
                return
        except FileNotFoundError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        # Atomic replace: a concurrent reader (or an interrupted run) never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        self.written.append(rel)
