"""Tree mode: translate a CUDA source tree into a HIP tree the way ROCm projects lay it out.

* Paths: ``cuda`` -> ``hip`` (and ``CUDA`` -> ``HIP``) in every directory name and in the
  stem of every source file; ``.cu`` -> ``.hip``. Headers keep their extension, so
  ``ops/cuda/foo_cuda.cuh`` becomes ``ops/hip/foo_hip.cuh`` (``hip_output_path``).
* Includes between files of the tree follow the renames: ``#include "foo_cuda.cuh"`` in a
  translated file becomes ``#include "foo_hip.cuh"`` (``IncludeResolver``).
* Up to date: a file is skipped when its input bytes, the engine, the tables and the
  options are all unchanged since the last run (Note [Up-to-date cache]).
* Outputs are written only when their bytes change (Note [Write only when changed]).

Note [Up-to-date cache]
~~~~~~~~~~~~~~~~~~~~~~~
``OUT_DIR/.ember-hipify-cache.json`` records, per source file, the digest of its input and
the output path written for it, under one run key: the digest of the engine's own source
files, ``TRANSLATOR_VERSION``, ``mappings.TABLES_VERSION``, the options, and the set of
renamed paths of the tree (an include's spelling depends on it). A different run key
invalidates every entry. A file whose digest matches and whose output still exists is not
translated again; this is what makes a re-run over an unchanged tree take well under a
second.

Note [Write only when changed]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
An output whose bytes are already on disk is not rewritten, so its mtime does not move and
the build system does not recompile it.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hipify.report import Diagnostic, FileOutcome, Report, Stats
from hipify.translator import Options, default_translator

CACHE_NAME = ".ember-hipify-cache.json"
CACHE_SCHEMA = 1
BACKUP_SUFFIX = ".prehip"

#: Files the translator reads as C/C++/CUDA; everything else is copied or left alone.
SOURCE_SUFFIXES = frozenset(
    {".cu", ".cuh", ".c", ".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp", ".hxx",
     ".h++", ".inl", ".inc", ".ipp", ".tpp", ".tcc"}
)
_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".mypy_cache", ".pytest_cache"})


def _rename_word(name: str) -> str:
    return name.replace("cuda", "hip").replace("CUDA", "HIP").replace("Cuda", "Hip")


def is_source(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in SOURCE_SUFFIXES


def hip_output_path(rel: str) -> str:
    """ROCm-style path of the translation of ``rel`` (a '/'-separated relative path)."""
    parts = rel.split("/")
    dirs = [_rename_word(p) for p in parts[:-1]]
    name = parts[-1]
    if is_source(name):
        stem, ext = os.path.splitext(name)
        name = _rename_word(stem) + (".hip" if ext == ".cu" else ext)
    return "/".join([*dirs, name])


def hip_output_dir(rel_dir: str) -> str:
    return "/".join(_rename_word(p) for p in rel_dir.split("/")) if rel_dir else ""


class IncludeResolver:
    """Redirect includes of the tree's own renamed files (``include_rewriter`` protocol).

    A quoted include is looked up next to the including file first; both kinds are then
    looked up under the tree root and the ``-I`` directories (relative to the root). The
    first file of the tree found wins; when it was renamed, the new spelling is relative to
    the same place, mapped into the output tree.
    """

    def __init__(self, files: Iterable[str], renames: dict[str, str], include_dirs: Iterable[str] = ()):
        self.files = frozenset(files)
        self.renames = renames
        self.search = ["", *include_dirs]

    def for_file(self, rel: str) -> Callable[[str, str], str | None]:
        here = posixpath.dirname(rel)

        def rewrite(written: str, delimiter: str) -> str | None:
            if written.startswith("/"):
                return None
            bases = [here, *self.search] if delimiter == '"' else self.search
            for base in bases:
                target = posixpath.normpath(posixpath.join(base, written))
                if target not in self.files:
                    continue
                new_target = self.renames.get(target)
                if new_target is None:
                    return None
                out_base = hip_output_dir(base)
                # Prefer the spelling as written with the same renames applied, so that
                # `../cuda/x_cuda.cuh` becomes `../hip/x_hip.cuh`; it must land on the
                # renamed file (it does unless a `..` walks through a renamed directory).
                new = "/".join(
                    p if p in (".", "..") else _rename_word(p) for p in written.split("/")[:-1]
                )
                new = posixpath.join(new, posixpath.basename(new_target)) if new else posixpath.basename(new_target)
                if posixpath.normpath(posixpath.join(out_base, new)) != new_target:
                    new = posixpath.relpath(new_target, out_base or ".")
                return None if new == written else new
            return None

        return rewrite


@dataclass
class TreePlan:
    """Every file of a source tree and where its translation goes."""

    root: Path
    sources: list[tuple[str, str]] = field(default_factory=list)  # (rel, out_rel)
    others: list[tuple[str, str]] = field(default_factory=list)  # non-source files
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # (rel, other, out)

    @property
    def renames(self) -> dict[str, str]:
        return {rel: out for rel, out in self.sources if rel != out}


def plan_tree(root: Path, exclude: Iterable[str] = (), skip: Path | None = None) -> TreePlan:
    """Walk ``root`` (sorted, hidden VCS dirs skipped) and assign output paths."""
    plan = TreePlan(root)
    seen: dict[str, str] = {}
    patterns = list(exclude)
    skip_real = os.path.realpath(skip) if skip is not None else None
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in _SKIPPED_DIRS
            and (skip_real is None or os.path.realpath(os.path.join(dirpath, d)) != skip_real)
        )
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir
        for name in sorted(filenames):
            if name == CACHE_NAME or name.endswith(BACKUP_SUFFIX):
                continue
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns):
                continue
            out = hip_output_path(rel)
            if out in seen:
                plan.conflicts.append((rel, seen[out], out))
                continue
            seen[out] = rel
            (plan.sources if is_source(name) else plan.others).append((rel, out))
    return plan


def engine_fingerprint() -> str:
    """Digest of the translator's code: an edited engine invalidates every cache."""
    from hipify import translator

    h = hashlib.sha256(translator.TRANSLATOR_VERSION.encode())
    here = Path(__file__).resolve().parent
    for name in ("translator.py", "lexer.py", "launch.py", "project.py"):
        try:
            h.update((here / name).read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:16]


def run_key(
    options: Options, renames: dict[str, str], include_dirs: Iterable[str], extra: str = ""
) -> str:
    from hipify import mappings

    h = hashlib.sha256()
    for part in (
        engine_fingerprint(),
        mappings.TABLES_VERSION,
        options.key(),
        json.dumps(sorted(renames.items())),
        json.dumps(list(include_dirs)),
        extra,
    ):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:32]


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Note [Write only when changed]. Returns whether the file was written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp-hipify")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


@dataclass
class FileJob:
    rel: str
    out_rel: str
    src: Path
    dst: Path


@dataclass
class FileResult:
    rel: str
    out_rel: str
    input: bytes
    output: bytes
    stats: Stats
    warnings: list[Diagnostic]
    changed: bool


# Set in the parent before a process pool forks, so that workers inherit it.
_WORKER_STATE: dict = {}


def _translate_job(job: FileJob) -> FileResult:
    options: Options = _WORKER_STATE["options"]
    resolver: IncludeResolver | None = _WORKER_STATE.get("resolver")
    data = job.src.read_bytes()
    result = default_translator().translate(
        data,
        job.rel if _WORKER_STATE.get("relative_names") else str(job.src),
        options,
        include_rewriter=resolver.for_file(job.rel) if resolver is not None else None,
    )
    return FileResult(job.rel, job.out_rel, data, result.text, result.stats, result.warnings, result.changed)


def run_jobs(jobs: list[FileJob], workers: int) -> Iterable[FileResult]:
    """Translate ``jobs``, in a process pool when there are enough of them to pay for it."""
    if workers <= 1 or len(jobs) < 2 * workers:
        for job in jobs:
            yield _translate_job(job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    default_translator()  # load the tables once, before the fork
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        yield from pool.map(_translate_job, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


def translate_tree(
    src: str | os.PathLike,
    out: str | os.PathLike | None = None,
    options: Options | None = None,
    *,
    inplace: bool = False,
    dry_run: bool = False,
    copy_unmodified: bool = False,
    backup: bool = True,
    jobs: int = 1,
    include_dirs: Iterable[str] = (),
    exclude: Iterable[str] = (),
    on_result: Callable[[FileResult], None] | None = None,
) -> Report:
    """Translate the tree under ``src`` into ``out`` (or in place); returns the run report.

    ``on_result`` sees every translated file (the CLI prints diffs from it).
    """
    options = options or Options()
    root = Path(src)
    if not root.is_dir():
        raise NotADirectoryError(f"translate_tree(): {root} is not a directory")
    if out is None and not inplace and not dry_run:
        raise ValueError("translate_tree(): give an output directory, or inplace=True, or dry_run=True")
    out_root = Path(out) if out is not None and not inplace else None
    include_dirs = [d.replace(os.sep, "/").strip("/") for d in include_dirs]
    plan = plan_tree(root, exclude, skip=out_root)
    report = Report()
    for rel, other, target in plan.conflicts:
        report.add(FileOutcome(rel, None, "error", message=f"{rel} and {other} both map to {target}"))

    renames = {} if inplace else plan.renames
    resolver = (
        IncludeResolver([rel for rel, _ in plan.sources], renames, include_dirs) if renames else None
    )
    _WORKER_STATE.update(options=options, resolver=resolver, relative_names=False)

    cache_path = out_root / CACHE_NAME if out_root is not None else None
    key = run_key(options, renames, include_dirs, f"copy={copy_unmodified}") if cache_path is not None else ""
    old_entries: dict = {}
    if cache_path is not None:
        try:
            cache = json.loads(cache_path.read_text())
            if cache.get("schema") == CACHE_SCHEMA and cache.get("key") == key:
                old_entries = cache.get("files", {})
        except (OSError, ValueError):
            pass
    new_entries: dict = {}

    todo: list[FileJob] = []
    for rel, out_rel in plan.sources:
        src_path = root / rel
        if inplace:
            todo.append(FileJob(rel, rel, src_path, src_path))
            continue
        dst = out_root / out_rel if out_root is not None else src_path
        entry = old_entries.get(rel)
        if entry is not None and out_root is not None:
            try:
                data = src_path.read_bytes()
            except OSError as e:
                report.add(FileOutcome(rel, None, "error", message=str(e)))
                continue
            if entry.get("digest") == _digest(data) and (
                entry.get("output") is None or (out_root / entry["output"]).exists()
            ):
                new_entries[rel] = entry
                report.add(FileOutcome(rel, entry.get("output"), "cached"))
                continue
        todo.append(FileJob(rel, out_rel, src_path, dst))

    for res in run_jobs(todo, jobs):
        if on_result is not None:
            on_result(res)
        report.stats.merge(res.stats)
        report.diagnostics.extend(res.warnings)
        renamed = res.rel != res.out_rel
        job_dst = (root / res.rel) if inplace else (out_root / res.out_rel if out_root else None)
        if not res.changed and not renamed and not copy_unmodified:
            report.files.append(FileOutcome(res.rel, None, "unchanged"))
            new_entries[res.rel] = {"digest": _digest(res.input), "output": None}
            continue
        status = "translated" if res.changed else ("copied" if not renamed else "translated")
        if dry_run or job_dst is None:
            report.files.append(FileOutcome(res.rel, res.out_rel, status, res.changed, "dry run"))
            continue
        if inplace:
            if res.changed:
                backup_path = job_dst.with_name(job_dst.name + BACKUP_SUFFIX)
                if backup and not backup_path.exists():
                    backup_path.write_bytes(res.input)
                write_if_changed(job_dst, res.output)
            report.files.append(FileOutcome(res.rel, res.rel, status if res.changed else "unchanged", res.changed))
            continue
        write_if_changed(job_dst, res.output)
        new_entries[res.rel] = {"digest": _digest(res.input), "output": res.out_rel}
        report.files.append(FileOutcome(res.rel, res.out_rel, status, res.changed))

    if copy_unmodified and not inplace:
        for rel, out_rel in plan.others:
            if dry_run or out_root is None:
                report.files.append(FileOutcome(rel, out_rel, "copied", message="dry run"))
                continue
            write_if_changed(out_root / out_rel, (root / rel).read_bytes())
            report.files.append(FileOutcome(rel, out_rel, "copied"))

    if cache_path is not None and not dry_run:
        payload = json.dumps(
            {"schema": CACHE_SCHEMA, "key": key, "files": dict(sorted(new_entries.items()))},
            indent=1,
        ).encode()
        write_if_changed(cache_path, payload)
    return report
