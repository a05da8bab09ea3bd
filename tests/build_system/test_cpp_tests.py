"""The C++ test suite (tests/cpp/, BUILD_TEST=1) builds, and every program passes.

With BUILD_TEST=1 each tests/cpp/*.cpp becomes an executable linked against the
ember_core objects and registered with CTest (CMakeLists.txt, bottom). This test
builds those programs and runs them through `ctest`, then checks what they must not
need at run time: Python, or a library the loader cannot find.

The build tree is $EMBER_TEST_CPP_BUILD_DIR when set (a tree configured with
BUILD_TEST=1, for instance `cmake -S . -B build/dev-cpptest -G Ninja -DUSE_CUDA=0
-DUSE_ROCM=0 -DBUILD_TEST=1`), else a fresh CPU-only tree under pytest's tmp
directory. Only the test programs and what they link are built (not the Python
extension), with $MAX_JOBS (default 2) jobs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cmake_helpers import REPO, build, build_env, configure

pytestmark = [pytest.mark.build, pytest.mark.slow]

CPP_TESTS = sorted(p.stem for p in (REPO / "tests" / "cpp").glob("*.cpp"))


def _cached(tree: Path, name: str) -> str | None:
    cache = tree / "CMakeCache.txt"
    if not cache.exists():
        return None
    m = re.search(rf"^{name}:[A-Z]+=(.*)$", cache.read_text(), re.MULTILINE)
    return m.group(1) if m else None


@pytest.fixture(scope="module")
def cpp_tree(tmp_path_factory, cmake_tools) -> Path:
    if shutil.which("ctest") is None:
        pytest.skip("ctest is not on PATH")
    assert CPP_TESTS, "tests/cpp/ holds no test program"
    given = os.environ.get("EMBER_TEST_CPP_BUILD_DIR")
    if given:
        tree = Path(given).resolve()
        assert (tree / "build.ninja").exists(), f"EMBER_TEST_CPP_BUILD_DIR={given} is not a Ninja build tree"
        assert _cached(tree, "BUILD_TEST") in ("1", "ON"), (
            f"EMBER_TEST_CPP_BUILD_DIR={given} was configured without BUILD_TEST=1")
        env = build_env()
    else:
        tree = tmp_path_factory.mktemp("ember-cpptest")
        env = build_env(BUILD_TEST="1")
        result = configure(tree, env)
        assert result.returncode == 0, result.stdout + result.stderr
    jobs = os.environ.get("MAX_JOBS") or "2"
    result = build(tree, f"-j{jobs}", *CPP_TESTS, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return tree


def _ctest(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ctest", "--test-dir", str(tree), *args],
                          capture_output=True, text=True, timeout=900, check=False)


def test_every_program_is_registered(cpp_tree):
    result = _ctest(cpp_tree, "-N")
    assert result.returncode == 0, result.stdout + result.stderr
    registered = sorted(re.findall(r"Test\s+#\d+: cpp/(\S+)", result.stdout))
    assert registered == CPP_TESTS, result.stdout


def test_ctest_passes(cpp_tree):
    result = _ctest(cpp_tree, "--output-on-failure")
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    # "100% tests passed, 0 tests failed out of 4" (CMake 3) or "... passed out of 4" (4)
    assert re.search(rf"100% tests passed(, 0 tests failed)? out of {len(CPP_TESTS)}\b", out), out


@pytest.mark.parametrize("name", CPP_TESTS)
def test_program_reports_its_checks(cpp_tree, name):
    """Each program counts its checks ("N passed, M failed", tests/cpp/check.h)."""
    result = subprocess.run([str(cpp_tree / name)], capture_output=True, text=True, timeout=300,
                            check=False)
    lines = result.stdout.strip().splitlines()
    assert lines, result.stderr
    m = re.fullmatch(r"(\d+) passed, (\d+) failed", lines[-1])
    assert m, result.stdout
    assert int(m.group(1)) > 0 and int(m.group(2)) == 0, result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None,
                    reason="needs Linux and ldd")
@pytest.mark.parametrize("name", CPP_TESTS)
def test_program_needs_no_python_and_finds_its_libraries(cpp_tree, name):
    """No libpython (the core only compiles against Python headers) and every shared
    library, OpenBLAS included, resolved through the build-tree RPATH."""
    result = subprocess.run(["ldd", str(cpp_tree / name)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "not found" not in result.stdout, result.stdout
    assert "libpython" not in result.stdout, result.stdout
    # OpenBLAS (always linked) comes from the copy staged in the build tree.
    blas = [line for line in result.stdout.splitlines() if "openblas" in line]
    assert blas and all(str(cpp_tree / "third_party") in line for line in blas), result.stdout
