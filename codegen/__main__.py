"""ember's code generator: ``python -m codegen <command> ...``.

Each command is a pair of functions, one adding its arguments to an argparse
subparser and one running it and returning the exit status; COMMANDS lists
them.  Adding a command means writing that pair and one COMMANDS row.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from codegen.model import FunctionSchema, Location, SchemaError, SchemaErrors
from codegen.native_yaml import BACKEND_KEYS, check_kernels_defined, load_yaml_entries, parse_native_yaml


def add_check_schema_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE.yaml", help="native_functions-style YAML files")


def check_schema(args: argparse.Namespace) -> int:
    """Parse every entry's ``func:`` string (other keys are ignored, so this
    accepts PyTorch's file as well as ember's) and check the round trip."""
    errors: list[SchemaError] = []
    count = 0
    for path in args.files:
        try:
            entries = load_yaml_entries(path, errors)
        except SchemaErrors as e:
            errors += e.errors
            continue
        for entry in entries:
            func = entry.get("func")
            if not isinstance(func, str):
                errors.append(SchemaError("entry has no 'func' schema string", Location(path, entry.line)))
                continue
            line = entry.key_lines["func"]
            try:
                FunctionSchema.parse(func)  # checks str(parse(s)) == s
            except SchemaError as e:
                errors.append(e.at(Location(path, line)))
                continue
            count += 1
    return _report(errors, f"{count} schemas OK")


def add_check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE.yaml", help="ember native_functions.yaml files")
    p.add_argument(
        "--kernels",
        action="append",
        default=[],
        metavar="DIR",
        help="also check that every dispatch kernel is defined in namespace ember::native "
        "in the C++/CUDA sources under DIR (repeatable; skipped when not given)",
    )


def check(args: argparse.Namespace) -> int:
    """Full validation of ember's schema files (see codegen/native_yaml.py)."""
    errors: list[SchemaError] = []
    count = 0
    for path in args.files:
        try:
            functions = parse_native_yaml(path)
            if args.kernels:
                check_kernels_defined(functions, args.kernels)
        except SchemaErrors as e:
            errors += e.errors
            continue
        count += len(functions)
    return _report(errors, f"{count} native functions OK")


def _report(errors: list[SchemaError], summary: str) -> int:
    if errors:
        print(SchemaErrors(errors), file=sys.stderr)
        print(f"{len(errors)} error{'s' if len(errors) != 1 else ''}", file=sys.stderr)
        return 1
    print(summary)
    return 0


def add_generate_args(p: argparse.ArgumentParser) -> None:
    here = Path(__file__).resolve().parent
    p.add_argument("--yaml", required=True, metavar="FILE.yaml", help="ember's native_functions.yaml")
    p.add_argument("--templates", default=str(here / "templates"), metavar="DIR", help="Jinja templates")
    p.add_argument("--out-dir", required=True, metavar="DIR", help="where generated files go (the build tree)")
    p.add_argument(
        "--backends",
        default="CPU",
        help="backends compiled in, comma or semicolon separated (CPU, CUDA); default: CPU",
    )
    p.add_argument(
        "--list-outputs",
        action="store_true",
        help="print the files that would be generated (relative to --out-dir), one per line, and exit",
    )
    p.add_argument(
        "--kernels",
        action="append",
        default=[],
        metavar="DIR",
        help="check that every dispatch kernel is defined in the C++/CUDA sources under DIR",
    )
    p.add_argument("--quiet", action="store_true", help="print nothing on success")


def generate_command(args: argparse.Namespace) -> int:
    """Emit every generated file (Note [Write only when changed] in codegen/writer.py)."""
    from codegen import gen

    backends = [b for b in re.split(r"[,;]", args.backends) if b]
    unknown = [b for b in backends if b not in BACKEND_KEYS]
    if unknown or "CPU" not in backends:
        print(f"generate: --backends must include CPU and be among {BACKEND_KEYS}, got {backends}", file=sys.stderr)
        return 2
    if args.list_outputs:
        print("\n".join(gen.outputs(backends)))
        return 0
    try:
        functions = parse_native_yaml(args.yaml, backends=backends)
        if args.kernels:
            check_kernels_defined(functions, args.kernels)
        w = gen.generate(functions, Path(args.templates), Path(args.out_dir), backends)
    except SchemaErrors as e:
        return _report(e.errors, "")
    except SchemaError as e:
        return _report([e], "")
    if not args.quiet:
        print(f"codegen: {len(functions)} operators, {len(w.written)} files written, {len(w.unchanged)} unchanged")
    return 0


class Command(NamedTuple):
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {
    "check-schema": Command(
        "check that every func: schema parses and round-trips", add_check_schema_args, check_schema
    ),
    "check": Command("fully validate ember native_functions.yaml files", add_check_args, check),
    "generate": Command("emit the C++ and Python sources of the operators", add_generate_args, generate_command),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description="ember's code generator")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, cmd in COMMANDS.items():
        p = sub.add_parser(name, help=cmd.help, description=cmd.help)
        cmd.add_arguments(p)
        p.set_defaults(run=cmd.run)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
