"""Incremental builds do only the work a change calls for (issue 2, section 1).

* A no-op rebuild runs no compile step and rewrites no generated file (Note
  [Codegen in the build graph], cmake/EmberCodegen.cmake).
* Touching one CPU kernel recompiles that file and relinks the module, nothing else.

The build tree is $EMBER_TEST_BUILD_DIR when set (for instance the tree that
`pip install -e .` left in build/, as .ci/run does), else a fresh CPU-only build
under pytest's tmp directory (a full build: minutes on two cores).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from cmake_helpers import REPO, build, build_env, configure

pytestmark = [pytest.mark.build, pytest.mark.slow]


@pytest.fixture(scope="module")
def built_tree(tmp_path_factory, cmake_tools) -> Path:
    given = os.environ.get("EMBER_TEST_BUILD_DIR")
    if given:
        tree = Path(given).resolve()
        assert (tree / "build.ninja").exists(), f"EMBER_TEST_BUILD_DIR={given} is not a Ninja build tree"
    else:
        tree = tmp_path_factory.mktemp("ember-build")
        result = configure(tree, build_env())
        assert result.returncode == 0, result.stdout + result.stderr
    result = build(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    return tree


def snapshot(tree: Path) -> dict[Path, int]:
    files = [p for p in (tree / "generated").rglob("*") if p.is_file()]
    files += list(tree.rglob("*.o"))
    files += list(tree.glob("_C*.so"))
    return {p: p.stat().st_mtime_ns for p in files}


def test_noop_rebuild_does_nothing(built_tree):
    before = snapshot(built_tree)
    assert any(p.suffix == ".o" for p in before)
    start = time.perf_counter()
    result = build(built_tree)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ninja: no work to do." in result.stdout, result.stdout
    after = snapshot(built_tree)
    rewritten = sorted(str(p.relative_to(built_tree)) for p in before if after.get(p) != before[p])
    assert not rewritten, f"a no-op rebuild rewrote {rewritten}"
    assert elapsed < 10, f"no-op rebuild took {elapsed:.1f}s (target: under 10s)"


def test_touching_one_kernel_recompiles_it_and_relinks_only(built_tree):
    kernels = sorted((REPO / "aten" / "src" / "ember" / "native" / "cpu").glob("*.cpp"))
    if not kernels:
        pytest.skip("no CPU kernel sources yet")
    kernel = kernels[0]
    stat = kernel.stat()
    os.utime(kernel, ns=(stat.st_atime_ns, time.time_ns()))
    # A real build, not `ninja -n`: a dry run cannot re-check CMake's globs, so it
    # would report a CMake re-run that a real build does not do.
    result = build(built_tree)
    assert result.returncode == 0, result.stdout + result.stderr
    steps = re.findall(r"^\[\d+/\d+\] (.*)$", result.stdout, flags=re.M)
    steps = [s for s in steps if not s.startswith("Re-checking globbed directories")]
    compiles = [s for s in steps if s.startswith("Building")]
    links = [s for s in steps if s.startswith("Linking")]
    assert len(compiles) == 1 and kernel.name in compiles[0], steps
    assert len(links) == 1 and "_C" in links[0], steps
    assert len(steps) == 2, steps
