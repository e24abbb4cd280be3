"""The history an amended regulation carries: the amendment's 修正 event, and when it takes
effect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._model.citation import citation_title
from .._model.regulation import Regulation
from .._model.units import Event
from .locate import cn
from .operations import Commence

if TYPE_CHECKING:
    from .amendment import Amendment

__all__ = ["amended_history"]


def amended_history(amendment: Amendment, regulation: Regulation) -> tuple[Event, ...]:
    """*regulation*'s history with *amendment*'s 修正 event (and its commencement when that is
    not the adoption date), unless the history names the amendment already; an undated
    instrument records when it takes effect."""
    history = regulation.history
    adopted = next((e for e in amendment.history if e.action in ("通过", "修正")), None)
    short = citation_title(amendment.title)  # a title inside 《》
    if adopted is None:  # an undated instrument: still record when it takes effect (Timeline)
        clause = next((c for c in amendment.clauses_for(regulation.title)
                       if isinstance(c, Commence) and c.date is not None), None)  # fmt: skip
        if clause is None or clause.date is None:
            return history
        day = clause.date
        event = Event(f"{day.year}年{day.month}月{day.day}日《{short}》施行")
        return history if event in history else (*history, event)
    if any(e.date == adopted.date and (short in e.text or amendment.title in e.text or e.action == "修正")
           for e in history):  # fmt: skip
        return history  # the amendment is in the history already
    if "修正案" in short:
        events = [Event(f"{adopted.text}的《{short}》")]
    else:
        count = sum(1 for e in history if e.action == "修正") + 1
        body = (
            adopted.text[: adopted.text.rfind("通过")].rstrip()
            if adopted.text.endswith("通过")
            else adopted.text
        )
        name = short[short.find("关于") :] if "关于" in short else short
        events = [Event(f"{body}《{name}》第{cn(count)}次修正")]
    date = amendment.effective_date_for(regulation.title)
    if date is not None and date != adopted.date:
        events.append(Event(f"{date.year}年{date.month}月{date.day}日《{short}》施行"))
    return history + tuple(events)
