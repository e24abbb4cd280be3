"""Word edits in one line of a unit: ``将第十条第二款中的“A”修改为“B”``, ``删去…中的“A”``,
``在…中的“A”后增加“B”`` (``前`` at the start of a line).

``A`` is the changed words with as little of the text around them as makes the edit do exactly
what it should under the rule ``apply`` follows (``_amend/edits.py``, mirrored in
:func:`simulate`): every occurrence in the unit is replaced, and an edit whose result is already
there is skipped.  Each candidate is checked against that rule before it is taken.

>>> word_edits(["县级人民政府和县级部门"], 0, "市人民政府和县级部门")  # 县级 occurs twice
[('replace', '县级人', '市人')]
>>> word_edits(["支持大数据、人工智能发展"], 0, "支持大数据、人工智能、低空经济发展")
[('after', '人工智能', '、低空经济')]
"""

from __future__ import annotations

from .quoting import fit

__all__ = ["MAX_CONTEXT", "MAX_HUNKS", "simulate", "word_clause", "word_edits"]

#: Word edits in one line: at most this many changes, touching at most half of it.
MAX_HUNKS = 3
#: The longest context taken around changed words to make them occur once.
MAX_CONTEXT = 40


def _hunks(old: str, new: str) -> list[tuple[int, int, str]]:
    """The changes from *old* to *new* as ``(start, end, new words)`` in *old*; a run of one
    unchanged character between two changes is folded into them, so that they read as words."""
    from difflib import SequenceMatcher

    out: list[list[object]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if out and i1 - int(out[-1][1]) <= 1 and j1 - int(out[-1][3]) <= 1:  # type: ignore[call-overload]
            out[-1][1], out[-1][3] = i2, j2
        else:
            out.append([i1, i2, j1, j2])
    return [(int(i1), int(i2), new[int(j1) : int(j2)]) for i1, i2, j1, j2 in out]  # type: ignore[call-overload]


def simulate(texts: list[str], form: str, a: str, b: str) -> list[str] | None:
    """What ``apply`` does to the lines *texts* of a unit (``_amend/edits.py``), or None when it
    would do nothing (missing words, or a result it takes as already in place)."""
    if not any(a in t for t in texts):
        return None
    if form == "replace":
        stripped = [t.replace(b, "\0") if b else t for t in texts]
        if b and not any(a in s for s in stripped):
            return None
        return [s.replace(a, "\1").replace("\1", b).replace("\0", b) for s in stripped]
    if form == "delete":
        return [t.replace(a, "").strip() or t.replace(a, "") for t in texts]
    joined = a + b if form == "after" else b + a
    if all(t.count(a) == t.count(joined) for t in texts if a in t):
        return None
    return [
        t.replace(joined, "\0").replace(a, "\1").replace("\1", joined).replace("\0", joined)
        for t in texts
    ]


#: Where a word ends: an anchor is widened to the punctuation mark before it (see :func:`_widen`).
PUNCTUATION = "，。、；：！？（）《》“”,.;:!?()"
#: How far an anchor is widened to reach a punctuation mark.
MAX_WIDEN = 8


def _candidates(text: str, i: int, j: int, y: str) -> list[tuple[str, int, int]]:
    """Every way to write the change of ``text[i:j]`` into *y*, as ``(form, left, right)``
    context lengths, shortest context first; at the same length an anchor before the change
    (后增加) before one after it (前增加), and a deletion of the words alone first of all.  An
    anchor is two characters at least where the line allows."""
    x = text[i:j]
    out: list[tuple[str, int, int]] = []
    if x and not y:
        out.append(("delete", 0, 0))
    shortest = 0 if x else 1
    for k in range(shortest, min(MAX_CONTEXT, len(text)) + 1):
        if not x and k >= min(2, i) and i - k >= 0:  # one character only at the line's start
            out.append(("after", k, 0))
        if not x and not i and k >= min(2, len(text) - j) and j + k <= len(text):
            out.append(("before", 0, k))  # 前增加 only at the line's start
        if not x and k < min(2, i + len(text) - j):
            continue  # an insertion named by a single character: only at the line's start
        for left in range(k, -1, -1):
            right = k - left
            if (k or (x and y)) and i - left >= 0 and j + right <= len(text):
                out.append(("replace", left, right))
    return out


def _edit(
    text: str, i: int, j: int, y: str, form: str, left: int, right: int
) -> tuple[str, str, str]:
    before, after = text[i - left : i], text[j : j + right]
    if form == "delete":
        return form, text[i:j], ""
    if form == "after":
        return form, before, y
    if form == "before":
        return form, after, y
    return form, before + text[i:j] + after, before + y + after


def _widen(text: str, i: int, form: str, left: int) -> list[int]:
    """Longer left contexts that start a word (after a punctuation mark, or the line's start),
    nearest first: drafters write ``在“人工智能、”后增加``, not ``在“能、”后增加``."""
    if form not in ("after", "replace"):
        return []
    out = []
    for wider in range(left + 1, min(left + MAX_WIDEN, i) + 1):
        if i - wider == 0 or text[i - wider - 1] in PUNCTUATION:
            out.append(wider)
    return out


def _choose(texts: list[str], index: int, i: int, j: int, y: str) -> tuple[str, str, str] | None:
    """The edit that turns ``texts[index][i:j]`` into *y* and changes nothing else: the shortest
    that does, widened to the start of a word when that still does."""
    text = texts[index]
    want = [*texts[:index], text[:i] + y + text[j:], *texts[index + 1 :]]

    def works(form: str, left: int, right: int) -> tuple[str, str, str] | None:
        edit = _edit(text, i, j, y, form, left, right)
        _, a, b = edit
        if fit(a) and (form == "delete" or fit(b)) and simulate(texts, form, a, b) == want:
            return edit
        return None

    for form, left, right in _candidates(text, i, j, y):
        found = works(form, left, right)
        if found is not None:
            if form == "delete" or (left == 0 and form == "replace" and len(text[i:j]) >= 2):
                return found  # the changed words alone name themselves
            for wider in _widen(text, i, form, left):
                widened = works(form, wider, right)
                if widened is not None:
                    return widened
            return found
    return None


def word_edits(texts: list[str], index: int, new: str) -> list[tuple[str, str, str]] | None:
    """Word edits turning line *index* of a unit's lines *texts* into *new*, in text order, or
    None when the change is not small (see :data:`MAX_HUNKS`) or cannot be named uniquely."""
    old = texts[index]
    hunks = _hunks(old, new)
    changed = sum(j - i + len(y) for i, j, y in hunks)
    if not hunks or len(hunks) > MAX_HUNKS or 2 * changed > max(len(old), len(new)):
        return None
    current = list(texts)
    shift = 0
    out = []
    for i, j, y in hunks:
        edit = _choose(current, index, i + shift, j + shift, y)
        if edit is None:
            return None
        out.append(edit)
        line = current[index]
        current[index] = line[: i + shift] + y + line[j + shift :]
        shift += len(y) - (j - i)
    return out


def word_clause(target: str, edit: tuple[str, str, str]) -> str:
    """One word edit as an instruction clause."""
    form, a, b = edit
    if form == "delete":
        return f"删去{target}中的“{a}”"
    if form == "after":
        return f"在{target}中的“{a}”后增加“{b}”"
    if form == "before":
        return f"在{target}中的“{a}”前增加“{b}”"
    return f"将{target}中的“{a}”修改为“{b}”"
