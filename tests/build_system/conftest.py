from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def cmake_tools() -> None:
    for tool in ("cmake", "ninja"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not on PATH")
