"""The build knobs are one table (cmake/EmberOptions.cmake) documented in one
README table; this keeps the two in step."""

from __future__ import annotations

import re

from cmake_helpers import REPO


def cmake_toggles() -> list[str]:
    text = (REPO / "cmake" / "EmberOptions.cmake").read_text()
    table = text[text.index("set(EMBER_TOGGLE_TABLE"):]
    table = table[: table.index("\n)")]
    return re.findall(r'^\s*"([A-Z_]+)\|', table, flags=re.M)


def readme_toggles() -> list[str]:
    text = (REPO / "README.md").read_text()
    section = text[text.index("## Build toggles"):]
    section = section[: section.index("\n## ", 4)]
    return re.findall(r"^\| `([A-Z_]+)`", section, flags=re.M)


def test_every_cmake_toggle_is_documented():
    documented = set(readme_toggles())
    missing = [t for t in cmake_toggles() if t not in documented]
    assert not missing, f"README's toggle table lacks {missing}"


def test_readme_documents_no_unknown_toggle():
    # knobs acted on outside the CMake table (see cmake/EmberOptions.cmake)
    extra = {"CMAKE_FRESH", "CC", "CXX", "EMBER_USE_CCACHE"}
    unknown = set(readme_toggles()) - set(cmake_toggles()) - extra
    assert not unknown, f"README documents toggles CMake does not read: {sorted(unknown)}"
