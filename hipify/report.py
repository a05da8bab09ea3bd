"""What a translation found: per-file statistics, diagnostics, and the run report.

``Stats`` and ``Diagnostic`` travel with every ``Result``; ``Report`` folds the results of
a whole run (one file or a tree) into the summary that ``--stats`` prints as text and
``--json`` / ``--o-stats`` write as JSON (schema version ``REPORT_SCHEMA``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

REPORT_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One warning, located in the *input* text (1-based line and column)."""

    file: str
    line: int
    col: int
    name: str
    message: str
    kind: str = "unsupported"  # "unsupported" | "unknown" | "launch"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: warning: {self.message}"

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "name": self.name,
            "kind": self.kind,
            "message": self.message,
        }


@dataclass(slots=True)
class Stats:
    """Counts for one translated text (or, merged, for many)."""

    files: int = 0
    size: int = 0  # input size: bytes for bytes input, characters for str input
    lines: int = 0
    replacements: dict[str, int] = field(default_factory=dict)  # API family -> count
    names: dict[str, int] = field(default_factory=dict)  # CUDA name -> times replaced
    kernel_launches: int = 0  # `<<<` launches seen in code
    launches_rewritten: int = 0  # of those, turned into hipLaunchKernelGGL
    includes_rewritten: int = 0
    includes_added: int = 0  # hip/hip_runtime.h insertions (0 or 1 per file)
    unsupported: dict[str, int] = field(default_factory=dict)  # CUDA name -> occurrences

    @property
    def total_replacements(self) -> int:
        return sum(self.replacements.values())

    def merge(self, other: Stats) -> None:
        self.files += other.files
        self.size += other.size
        self.lines += other.lines
        for mine, theirs in (
            (self.replacements, other.replacements),
            (self.names, other.names),
            (self.unsupported, other.unsupported),
        ):
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v
        self.kernel_launches += other.kernel_launches
        self.launches_rewritten += other.launches_rewritten
        self.includes_rewritten += other.includes_rewritten
        self.includes_added += other.includes_added

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "size": self.size,
            "lines": self.lines,
            "replacements": dict(sorted(self.replacements.items())),
            "total_replacements": self.total_replacements,
            "names": dict(sorted(self.names.items())),
            "kernel_launches": self.kernel_launches,
            "launches_rewritten": self.launches_rewritten,
            "includes_rewritten": self.includes_rewritten,
            "includes_added": self.includes_added,
            "unsupported": dict(sorted(self.unsupported.items())),
        }


@dataclass(slots=True)
class FileOutcome:
    """What happened to one input file in a CLI run."""

    source: str
    output: str | None  # None: printed to stdout, or not written
    status: str  # "translated" | "unchanged" | "cached" | "copied" | "skipped" | "error"
    changed: bool = False
    message: str = ""


@dataclass(slots=True)
class Report:
    """The whole run: totals, every diagnostic, and per-file outcomes."""

    stats: Stats = field(default_factory=Stats)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[FileOutcome] = field(default_factory=list)

    def add(self, outcome: FileOutcome, stats: Stats | None = None, diagnostics=()) -> None:
        self.files.append(outcome)
        if stats is not None:
            self.stats.merge(stats)
        self.diagnostics.extend(diagnostics)

    def status_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.files:
            counts[f.status] = counts.get(f.status, 0) + 1
        return dict(sorted(counts.items()))

    def unsupported_locations(self) -> dict[str, list[str]]:
        where: dict[str, list[str]] = {}
        for d in self.diagnostics:
            if d.kind == "unsupported":
                where.setdefault(d.name, []).append(f"{d.file}:{d.line}:{d.col}")
        return dict(sorted(where.items()))

    def to_dict(self) -> dict:
        return {
            "schema": REPORT_SCHEMA,
            "files": self.status_counts(),
            "stats": self.stats.to_dict(),
            "unsupported": {
                name: {"count": len(locs), "locations": locs}
                for name, locs in self.unsupported_locations().items()
            },
            "warnings": [d.to_dict() for d in self.diagnostics],
            "outcomes": [
                {
                    "source": f.source,
                    "output": f.output,
                    "status": f.status,
                    "changed": f.changed,
                    **({"message": f.message} if f.message else {}),
                }
                for f in self.files
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2) + "\n"

    def to_csv(self) -> str:
        """hipify-clang's ``--print-stats-csv`` shape: one ``name,count`` row per counter."""
        rows = ["counter,value"]
        s = self.stats
        for family, n in sorted(s.replacements.items()):
            rows.append(f"replacements.{family},{n}")
        rows += [
            f"total_replacements,{s.total_replacements}",
            f"kernel_launches,{s.kernel_launches}",
            f"launches_rewritten,{s.launches_rewritten}",
            f"includes_rewritten,{s.includes_rewritten}",
            f"includes_added,{s.includes_added}",
            f"unsupported,{sum(s.unsupported.values())}",
            f"files,{s.files}",
            f"lines,{s.lines}",
            f"size,{s.size}",
        ]
        return "\n".join(rows) + "\n"

    def to_text(self) -> str:
        s = self.stats
        out = []
        counts = ", ".join(f"{n} {k}" for k, n in self.status_counts().items()) or "none"
        out.append(f"files: {counts}")
        out.append(f"input: {s.lines} lines, {s.size} bytes")
        out.append(f"replacements: {s.total_replacements}")
        width = max((len(k) for k in s.replacements), default=0)
        for family, n in sorted(s.replacements.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"  {family:<{width}}  {n}")
        out.append(
            f"kernel launches: {s.kernel_launches} (rewritten to hipLaunchKernelGGL: "
            f"{s.launches_rewritten})"
        )
        out.append(f"includes rewritten: {s.includes_rewritten}, hip_runtime.h added: {s.includes_added}")
        locs = self.unsupported_locations()
        out.append(f"unsupported APIs: {sum(len(v) for v in locs.values())}")
        for name, where in locs.items():
            shown = ", ".join(where[:3]) + (f", ... ({len(where) - 3} more)" if len(where) > 3 else "")
            out.append(f"  {name} x{len(where)}: {shown}")
        return "\n".join(out) + "\n"
