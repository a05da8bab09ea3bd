"""Golden files: golden/NAME.cu translated must equal golden/NAME.hip, byte for byte.

The expected files are reviewed like code. After a deliberate change to the engine or the
tables, regenerate them and read the diff:

    EMBER_HIPIFY_REGEN=1 python -m pytest tests/hipify/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import hipify
from hipify.translator import Options

GOLDEN = Path(__file__).parent / "golden"
#: Options per golden file (default: Options()).
OPTIONS = {
    "launches": Options(hip_kernel_execution_syntax=True),
    "comments_strings_translated": Options(translate_comments=True, translate_strings=True),
}
#: Extra goldens that reuse another input with other options.
ALIASES = {"comments_strings_translated": "comments_strings"}

CASES = sorted([p.stem for p in GOLDEN.glob("*.cu")] + list(ALIASES))


@pytest.mark.parametrize("name", CASES)
def test_golden(name):
    src = GOLDEN / f"{ALIASES.get(name, name)}.cu"
    expected = GOLDEN / f"{name}.hip"
    options = OPTIONS.get(name, Options())
    result = hipify.translate(src.read_bytes(), src.name, options)
    if os.environ.get("EMBER_HIPIFY_REGEN"):
        expected.write_bytes(result.text)
    assert expected.exists(), f"{expected} is missing; regenerate with EMBER_HIPIFY_REGEN=1"
    assert result.text.decode() == expected.read_text()
    # Note [Idempotent output]
    assert hipify.translate(result.text, src.name, options).text == result.text
