"""Lexical layer of the translator: C/C++/CUDA token patterns and bracket matching.

The translator never builds a token list. It runs one compiled regular expression over the
whole text (see Note [One scanner pass]); this module owns the pieces of that expression
and the small forward/backward scanners that the rewrites of calls and kernel launches
need (argument splitting, matching brackets), all of which skip comments and literals the
same way the main scanner does.

Everything here works on ``str``. Bytes input is decoded with ``surrogateescape`` by the
caller so that any byte sequence round-trips; no pattern here can fail to match or raise on
odd input: unterminated comments and literals simply run to the end of the file (block
comments, raw strings) or of the line (ordinary literals), as a compiler's lexer would
report and recover.

Note [One scanner pass]
~~~~~~~~~~~~~~~~~~~~~~~
Speed comes from letting ``re`` skip everything that cannot matter, in C. The scanner is a
single alternation whose every branch starts with a literal character, so that ``re``
computes a first-character set for the whole pattern and jumps over all other characters
without entering the matcher. Identifiers are only matched when their first two characters
are the first two characters of some name the tables know (or of a kernel marker such as
``threadIdx``), so ``int``, ``for``, ``return`` and most user names never reach Python.
The branches consume comments and literals whole, so an identifier inside them is never
seen; Python only looks at the first character of a match to learn its kind. Word
boundaries are checked with look-behinds placed *after* the first characters, which keeps
the branch's first op a literal (a leading look-behind would defeat the first-character
set).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# --- literal and comment patterns -------------------------------------------------------
# Each pattern starts with a literal character (see Note [One scanner pass]).

# A line comment continues over backslash-newline splices, CRLF ones included. Runs of
# backslashes are consumed together so that the splice rule applies to the last one.
LINE_COMMENT = r"//[^\n\\]*(?:\\+(?:\r?\n)?[^\n\\]*)*"
# A run of line comments on consecutive lines (a licence header, a doc block) is one match,
# which saves the Python loop one iteration per line.
LINE_COMMENT_RUN = LINE_COMMENT + r"(?:\r?\n[ \t]*" + LINE_COMMENT + ")*"
# Terminated block comment (unrolled loop: linear, no backtracking), then the unterminated
# fallback that runs to the end of the text.
BLOCK_COMMENT = r"/\*[^*]*\*+(?:[^/*][^*]*\*+)*/|/\*[\s\S]*"
# Raw string R"delim( ... )delim"; an encoding prefix (u8R, LR, ...) is simply left before
# it. The unterminated form runs to the end of the text, as in the compiler.
RAW_STRING = r'R"(?P<rawdelim>[^()\\\s"]{0,16})\([\s\S]*?(?:\)(?P=rawdelim)"|\Z)'
# Ordinary literals stop at an unescaped newline when unterminated; the newline itself is
# not consumed. An escape swallows a CRLF pair as one splice.
STRING = r'"[^"\\\n]*(?:\\(?:\r\n|[\s\S])[^"\\\n]*)*"?'
# A quote directly after a word character is a C++14 digit separator (1'000'000), unless
# that character is an encoding prefix (u'x', U'x', L'x', u8'x').
CHAR = r"'(?:(?<!\w')|(?<=[uUL]')|(?<=u8'))[^'\\\n]*(?:\\(?:\r\n|[\s\S])[^'\\\n]*)*'?"

LITERALS = "|".join((LINE_COMMENT_RUN, BLOCK_COMMENT, RAW_STRING, STRING, CHAR))

# --- preprocessor -----------------------------------------------------------------------
# An include directive, consumed whole so that the path is never seen as identifiers.
INCLUDE = r'\#[ \t]*(?:include|include_next|import)[ \t]*(?:<[^>\n]*>|"[^"\n]*")'
# A conditional directive. Not part of the scanner (the rest of such a line is scanned as
# code, so CUDART_VERSION in `#if CUDART_VERSION >= 11000` is translated); searched for
# between two includes when the translator needs to know whether they share conditions.
CONDITIONAL = re.compile(r"^[ \t]*\#[ \t]*(?:if|ifdef|ifndef|elif|else|endif|elifdef|elifndef)(?!\w)", re.M)
HAS_INCLUDE = r'__has_include(?:_next)?[ \t]*\([ \t]*(?:<[^>\n]*>|"[^"\n]*")[ \t]*\)'

INCLUDE_PARTS = re.compile(
    r'(?P<head>\#[ \t]*(?:include|include_next|import)[ \t]*)(?P<open>[<"])(?P<path>[^>"\n]*)[>"]'
)
HAS_INCLUDE_PARTS = re.compile(r'(?P<head>[^(]*\([ \t]*)(?P<open>[<"])(?P<path>[^>"\n]*)[>"]')

LAUNCH_OPEN = "<<<"


def identifier_alternatives(names: Iterable[str]) -> str:
    """Regex branches matching every identifier whose first two characters start a name.

    One branch per first character, each a literal followed by a class of second characters
    and a look-behind that rejects a match starting inside a longer word. Names shorter
    than two characters cannot be told apart cheaply and are not supported by the tables.
    """
    second: dict[str, set[str]] = {}
    for name in names:
        if len(name) >= 2:
            second.setdefault(name[0], set()).add(name[1])
    branches = []
    for first in sorted(second):
        chars = "".join(sorted(second[first]))
        branches.append(f"{re.escape(first)}[{re.escape(chars)}](?<!\\w..)\\w*")
    return "|".join(branches)


def build_scanner(names: Iterable[str]) -> re.Pattern[str]:
    """The one-pass scanner of Note [One scanner pass].

    The kind of a match is told by its first character: ``/`` comment, ``"`` or ``'`` or
    ``R"`` literal, ``#`` include directive, ``<`` kernel launch, ``_`` either ``__has_include(...)``
    or an identifier, anything else an identifier.
    """
    parts = [LITERALS, INCLUDE, HAS_INCLUDE, re.escape(LAUNCH_OPEN)]
    ids = identifier_alternatives(names)
    if ids:
        parts.append(ids)
    return re.compile("|".join(parts))


# --- bracket matching -------------------------------------------------------------------

# Interesting characters for the bracket scanners: brackets, separators, the launch
# delimiters, and the starts of comments and literals (consumed whole).
_BRACKET_SCAN = re.compile(
    "|".join((LITERALS, r">>>", r"[()\[\]{},;]"))
)
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = frozenset(")]}")


class ScanBudget:
    """How many characters ``split_args`` may still scan in one translation.

    Each call scans forward until its list closes, so unclosed lists (``f(f(f(...``
    without a ``;``) would make a translation quadratic. A budget linear in the text keeps
    it linear: once spent, ``split_args`` answers ``None`` (the rewrite is skipped and
    reported) instead of scanning.
    """

    __slots__ = ("left",)

    def __init__(self, text_length: int):
        self.left = 8 * text_length + 1_000_000


def split_args(
    text: str, open_pos: int, *, close: str = ")", budget: ScanBudget | None = None
) -> tuple[list[tuple[int, int]], int] | None:
    """Split the bracketed list that opens at ``text[open_pos]``.

    Returns the (start, end) span of each top-level argument, stripped of surrounding
    whitespace, and the position just past the closing delimiter; ``None`` when the list
    is not closed. With ``close=">>>"`` the list is a launch configuration ``<<<...>>>``
    whose opener (three characters) starts at ``open_pos``. Angle brackets are not
    tracked: a comma inside template arguments of an argument would split it, which is
    the same trade-off hipify-perl makes and is rare in call arguments.
    """
    pos = open_pos + (3 if close == ">>>" else 1)
    depth = 0
    arg_start = pos
    spans: list[tuple[int, int]] = []
    search = _BRACKET_SCAN.search
    while True:
        if budget is None:
            m = search(text, pos)
        else:
            end = min(len(text), pos + max(budget.left, 0))
            m = search(text, pos, end)
            budget.left -= (end if m is None else m.end()) - pos
        if m is None:
            return None
        tok = m.group()
        pos = m.end()
        c = tok[0]
        if c in _OPENERS:
            depth += 1
        elif tok == ">>>":
            if close == ">>>" and depth == 0:
                spans.append(_strip_span(text, arg_start, m.start()))
                return spans, pos
            # Inside brackets, or in a call's arguments, `>>>` is template closers and a
            # comparison; step over the first `>` only, so a launch's end is still seen.
            pos = m.start() + 1
        elif c in _CLOSERS:
            if depth == 0:
                if close == ">>>":
                    return None  # a stray closer: not a launch configuration
                spans.append(_strip_span(text, arg_start, m.start()))
                if len(spans) == 1 and spans[0][0] == spans[0][1]:
                    spans = []  # empty list
                return spans, pos
            depth -= 1
        elif c == "," and depth == 0:
            spans.append(_strip_span(text, arg_start, m.start()))
            arg_start = pos
        elif c == ";" and depth == 0:
            return None  # a statement ended before the list closed


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_SPACE_OR_COMMENT = re.compile(r"(?:\s+|" + LINE_COMMENT + "|" + BLOCK_COMMENT + r")*")


def skip_space(text: str, pos: int) -> int:
    """Position of the first character at or after ``pos`` that is not space or comment."""
    return _SPACE_OR_COMMENT.match(text, pos).end()


def match_angle_backward(text: str, close_pos: int) -> int | None:
    """Position of the ``<`` that opens the template argument list closed at ``close_pos``.

    Scans backwards counting ``<>`` and ``()``/``[]`` nesting. Literals inside template
    arguments are rare enough that they are not skipped here; a stray bracket makes the
    function give up (``None``) and the launch is left as written.
    """
    depth = 0
    paren = 0
    i = close_pos
    stop = max(-1, close_pos - 4096)  # template arguments of a kernel name are short
    while i > stop:
        c = text[i]
        if c == ">":
            if paren == 0:
                depth += 1
        elif c == "<":
            if paren == 0:
                depth -= 1
                if depth == 0:
                    return i
        elif c in ")]":
            paren += 1
        elif c in "([":
            paren -= 1
            if paren < 0:
                return None
        elif c in ";{}":
            return None
        i -= 1
    return None


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def qualified_name_start(text: str, end: int) -> int | None:
    """Start of the identifier, possibly ``a::b::``-qualified, that ends just before ``end``.

    ``None`` when no identifier ends there. A leading ``::`` (global namespace) is part of
    the name.
    """
    i = end
    start: int | None = None
    while True:
        j = i
        while j > 0 and _is_word(text[j - 1]):
            j -= 1
        if j == i:
            return start
        start = j
        k = j
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k < 2 or text[k - 2 : k] != "::":
            return start
        k -= 2
        start = k
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        i = k
