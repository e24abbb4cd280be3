"""The GB/T 7714—2015 reference entry of a whole regulation (:func:`format_gbt7714`)."""

from __future__ import annotations

import re

from .._model.regulation import Regulation

__all__ = ["KNOWN_PROMULGATION", "format_gbt7714"]

#: Facts the bundled regulation's header does not print (promulgated 2023-06-08 by
#: announcement 第12号 of the Wuxi standing committee).  Keyed by title and adoption date.
KNOWN_PROMULGATION = {
    ("无锡市数字化转型促进条例", "2023-04-26"): ("无锡市人民代表大会常务委员会", "2023-06-08"),
}
_SESSION_RE = re.compile(r"第[零〇一二三四五六七八九十百千\d]+(?:届|次)")
_MEETING_RE = re.compile(r"(?:第[零〇一二三四五六七八九十百千\d]+次)?(?:常务|全体)?会议$")
#: An instrument number in a 公布 line (中华人民共和国国务院令第599号, …常务委员会公告第54号): the
#: body that issued it stands before 令 or 公告.
_ISSUE_RE = re.compile(r"(?:令|公告|通告)(?:[（(]?第[零〇一二三四五六七八九十百千\d]+号[）)]?)?$")


def _author_of(body: str) -> str:
    """The institution in a history line's body, session and meeting numbers dropped, an
    instrument number turned into the body that issued it.

    >>> _author_of("无锡市第十七届人民代表大会常务委员会第十一次会议")
    '无锡市人民代表大会常务委员会'
    >>> _author_of("国务院第159次常务会议"), _author_of("中华人民共和国国务院令第361号")
    ('国务院', '中华人民共和国国务院')
    """
    stripped = _MEETING_RE.sub("", body)
    if stripped == body:
        stripped = _ISSUE_RE.sub("", body)
    return _SESSION_RE.sub("", stripped).strip() or body


def format_gbt7714(regulation: Regulation | None = None) -> str:
    """Return the GB/T 7714—2015 reference entry for a whole regulation.

    The entry reads ``author. title[A]. date.``: GB/T 7714 has no type for legislation, and
    archive ``[A]`` is the standard's own choice for government documents.  The author is the
    body that adopted the text (its first 通过 event, session and meeting numbers dropped; else
    the first event with a body); the date is the last 公布 event's, else the adoption date.
    What the header does not print is left out.  The bundled regulation's header has no 公布
    line; its promulgation (2023-06-08, by the standing committee) is known to the library.

    Args:
        regulation: the regulation; the bundled one (:func:`load`) when None.

    Returns:
        The entry.

    >>> from wuxi_dt_regulation import parse
    >>> format_gbt7714()
    '无锡市人民代表大会常务委员会. 无锡市数字化转型促进条例[A]. 2023-06-08.'
    >>> format_gbt7714(parse("# 甲市乙条例\\n\\n- 2020年1月2日甲市第三届人民代表大会常务委员会第四次会议通过"
    ...                      "\\n\\n<!-- INFO END -->\\n\\n第一条 甲。"))
    '甲市人民代表大会常务委员会. 甲市乙条例[A]. 2020-01-02.'
    >>> format_gbt7714(parse("# 甲规定\\n\\n第一条 甲。"))
    '甲规定[A].'
    """
    if regulation is None:
        from .._markdown.bundled import load

        regulation = load()
    adopted = next((e for e in regulation.history if e.action == "通过" and e.body), None)
    if adopted is None:
        adopted = next((e for e in regulation.history if e.body), None)
    published = [e for e in regulation.history if e.action == "公布" and e.date is not None]
    author = _author_of(adopted.body) if adopted is not None and adopted.body else None
    date = published[-1].date if published else (adopted.date if adopted is not None else None)
    if adopted is not None and adopted.date is not None and not published:
        known = KNOWN_PROMULGATION.get((regulation.title, adopted.date.isoformat()))
        if known is not None:
            return f"{known[0]}. {regulation.title}[A]. {known[1]}."
    head = f"{author}. " if author else ""
    tail = f" {date.isoformat()}." if date is not None else ""
    return f"{head}{regulation.title}[A].{tail}"
