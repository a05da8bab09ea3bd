"""``ember-hipify``: the command line of the translator.

    ember-hipify kernel.cu                 # HIP source on stdout
    ember-hipify kernel.cu -o kernel.hip   # to a file
    ember-hipify src/ -o build/hip/        # a whole tree, ROCm-style paths, cached
    ember-hipify --inplace a.cu b.cuh      # in place, originals kept as *.prehip

Option names follow hipify-clang (and hipify-perl) wherever the feature is the same, so
scripts written for those carry over: ``--hip-kernel-execution-syntax``, ``-o``,
``--o-dir``, ``--inplace``, ``--no-backup``, ``--no-output``, ``--examine``,
``--print-stats``, ``--print-stats-csv``, ``--o-stats``, ``--quiet-warnings``.

Exit status: 0 success; 1 ``--strict`` and some CUDA API has no HIP equivalent; 2 bad
usage or an input/output error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_STRICT = 1
EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    from hipify import __version__

    p = argparse.ArgumentParser(
        prog="ember-hipify",
        description="Translate CUDA sources to HIP. A file goes to stdout (or -o FILE); "
        "a directory is translated into -o DIR with ROCm-style paths.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="CUDA source files or directories")
    out = p.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="PATH",
                     help="output file (one input file) or directory (a directory input)")
    out.add_argument("--o-dir", metavar="DIR",
                     help="output directory for several input files (hipify-clang)")
    out.add_argument("--inplace", action="store_true",
                     help="rewrite inputs in place, keeping the original as FILE.prehip")
    out.add_argument("--no-backup", action="store_true", help="with --inplace: keep no .prehip copy")
    out.add_argument("--dry-run", action="store_true",
                     help="translate and report, write nothing")
    out.add_argument("--no-output", action="store_true",
                     help="do not print translated text to stdout (hipify-clang)")
    out.add_argument("--diff", action="store_true",
                     help="print a unified diff of each change (instead of the text, for stdout)")
    out.add_argument("--copy-unmodified", action="store_true",
                     help="tree mode: also copy files that need no translation")
    out.add_argument("-I", dest="include_dirs", action="append", default=[], metavar="DIR",
                     help="tree mode: include search directory, relative to the input tree")
    out.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                     help="tree mode: skip files matching GLOB (relative path or file name)")
    out.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                     help="translate with N processes (tree mode)")

    tr = p.add_argument_group("translation")
    launch = tr.add_mutually_exclusive_group()
    launch.add_argument("--hip-kernel-execution-syntax", action="store_true",
                        help="rewrite k<<<...>>>(...) as hipLaunchKernelGGL(k, ...)")
    launch.add_argument("--cuda-kernel-execution-syntax", action="store_true",
                        help="keep the <<<...>>> launch syntax (default)")
    tr.add_argument("--translate-comments", action="store_true",
                    help="also translate CUDA names inside comments")
    tr.add_argument("--translate-strings", action="store_true",
                    help="also translate CUDA names inside string literals")
    tr.add_argument("--no-runtime-include", action="store_true",
                    help="never add #include <hip/hip_runtime.h>")
    tr.add_argument("--warn-unknown", action="store_true",
                    help="also warn on cuda* names that no table knows (hipify-perl's heuristic)")

    rep = p.add_argument_group("reporting")
    rep.add_argument("--stats", "--print-stats", dest="stats", action="store_true",
                     help="print statistics as text on stderr")
    rep.add_argument("--print-stats-csv", action="store_true",
                     help="print statistics as CSV on stderr")
    rep.add_argument("--json", action="store_true",
                     help="print the report as JSON on stdout (no translated text on stdout)")
    rep.add_argument("--o-stats", metavar="FILE", help="write the JSON report to FILE")
    rep.add_argument("--examine", action="store_true",
                     help="same as --no-output --print-stats (hipify-perl)")
    rep.add_argument("--quiet-warnings", action="store_true", help="do not print warnings")
    rep.add_argument("--strict", action="store_true",
                     help="exit with status 1 when a CUDA API has no HIP equivalent")
    p.add_argument("--version", action="version", version=f"ember-hipify {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # `ember-hipify x.cu | head`: the reader left; nothing else to say.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _error(msg: str) -> int:
    print(f"ember-hipify: error: {msg}", file=sys.stderr)
    return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    from hipify.report import FileOutcome, Report
    from hipify.translator import Options

    if args.examine:
        args.no_output = args.stats = True
    if args.json:
        args.no_output = True
    options = Options(
        hip_kernel_execution_syntax=args.hip_kernel_execution_syntax,
        translate_comments=args.translate_comments,
        translate_strings=args.translate_strings,
        add_runtime_include=not args.no_runtime_include,
        warn_unknown=args.warn_unknown,
    )
    inputs = [Path(i) for i in args.inputs]
    for i in inputs:
        if not i.exists():
            return _error(f"{i}: no such file or directory")
    dirs = [i for i in inputs if i.is_dir()]
    if args.jobs < 1:
        return _error(f"--jobs expects a positive number, got {args.jobs}")
    if args.inplace and (args.output or args.o_dir):
        return _error("--inplace writes the inputs; it cannot be combined with -o/--o-dir")
    if dirs and len(inputs) > 1:
        return _error("give one directory, or files only (got a directory among several inputs)")
    if len(inputs) > 1 and args.output:
        return _error("-o takes one input file; use --o-dir DIR or --inplace for several")

    report = Report()
    stdout = sys.stdout.buffer
    if dirs:
        out = args.output or args.o_dir
        if out is None and not (args.inplace or args.dry_run or args.no_output or args.diff):
            return _error(f"{dirs[0]} is a directory: give -o OUT_DIR, --inplace or --dry-run")
        from hipify import project

        def show(res) -> None:
            if args.diff and res.changed:
                stdout.write(_diff(res.input, res.output, res.rel, res.out_rel))

        report = project.translate_tree(
            dirs[0],
            out,
            options,
            inplace=args.inplace,
            dry_run=args.dry_run or (out is None and not args.inplace),
            copy_unmodified=args.copy_unmodified,
            backup=not args.no_backup,
            jobs=args.jobs,
            include_dirs=args.include_dirs,
            exclude=args.exclude,
            on_result=show,
        )
    else:
        from hipify.translator import default_translator

        translator = default_translator()
        o_dir = Path(args.o_dir) if args.o_dir else None
        for path in inputs:
            try:
                data = path.read_bytes()
            except OSError as e:
                report.add(FileOutcome(str(path), None, "error", message=str(e)))
                continue
            result = translator.translate(data, str(path), options)
            target: Path | None = None
            if args.inplace:
                target = path
            elif args.output:
                target = Path(args.output)
            elif o_dir is not None:
                from hipify.project import hip_output_path

                target = o_dir / hip_output_path(path.name)
            if args.diff and result.changed:
                stdout.write(_diff(data, result.text, str(path), str(target or path)))
            status = "translated" if result.changed else "unchanged"
            if target is None:
                if not (args.no_output or args.dry_run or args.diff):
                    stdout.write(result.text)
                report.add(FileOutcome(str(path), None, status, result.changed), result.stats, result.warnings)
                continue
            if not args.dry_run:
                if args.inplace:
                    if result.changed:
                        backup = path.with_name(path.name + ".prehip")
                        if not args.no_backup and not backup.exists():
                            backup.write_bytes(data)
                        path.write_bytes(result.text)
                else:
                    from hipify.project import write_if_changed

                    try:
                        write_if_changed(target, result.text)
                    except OSError as e:
                        report.add(FileOutcome(str(path), str(target), "error", message=str(e)))
                        continue
            report.add(
                FileOutcome(str(path), str(target), status, result.changed,
                            "dry run" if args.dry_run else ""),
                result.stats, result.warnings,
            )

    stdout.flush()
    if not args.quiet_warnings:
        for d in report.diagnostics:
            print(d, file=sys.stderr)
    for f in report.files:
        if f.status == "error":
            print(f"ember-hipify: error: {f.source}: {f.message}", file=sys.stderr)
    if args.stats:
        sys.stderr.write(report.to_text())
    if args.print_stats_csv:
        sys.stderr.write(report.to_csv())
    if args.o_stats:
        Path(args.o_stats).write_text(report.to_json())
    if args.json:
        sys.stdout.write(report.to_json())
    if any(f.status == "error" for f in report.files):
        return EXIT_ERROR
    if args.strict and any(d.kind == "unsupported" for d in report.diagnostics):
        return EXIT_STRICT
    return EXIT_OK


def _diff(before: bytes, after: bytes, a: str, b: str) -> bytes:
    import difflib

    old = before.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    new = after.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, f"a/{a}", f"b/{b}")
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return text.encode("utf-8", "surrogateescape")


if __name__ == "__main__":
    sys.exit(main())
