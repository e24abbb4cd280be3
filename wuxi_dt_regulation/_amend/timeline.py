"""Versions of one regulation in time: :class:`Timeline`.

A version starts on the date of the latest dated event in its history: the 公布, 修正 or 修订
that made it, or, for a version :meth:`Amendment.apply` made, the 施行 event it records when the
amending instrument takes effect later than it was adopted.  The 施行 *article* of a
consolidated text is not read: ``本条例自2004年7月1日起施行`` stays in every later version and
dates only the first.  Real headers sometimes omit the latest revision, so the dates may be
given instead (``Timeline({date: regulation, …})``).
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Iterator, Mapping

import attrs

# The package's public names, gathered here so that they can be rewritten in one place.
from .._diff.build import diff
from .._diff.regulation_diff import RegulationDiff
from .._model.errors import NotFoundError
from .._model.regulation import Regulation
from .._model.structure import Article

__all__ = ["Timeline", "version_start"]


def version_start(regulation: Regulation) -> datetime.date:
    """The date *regulation* starts on: the latest dated event of its history.

    Raises:
        ValueError: no event of its history is dated.

    >>> from wuxi_dt_regulation import load
    >>> version_start(load())
    datetime.date(2023, 5, 31)
    """
    dates = [event.date for event in regulation.history if event.date is not None]
    if not dates:
        raise ValueError(
            f"《{regulation.title}》 has no dated history line to start a version on: "
            "give its date (Timeline({date: regulation, …}))"
        )
    return max(dates)


def _pairs(
    versions: Iterable[Regulation] | Mapping[datetime.date, Regulation],
) -> list[tuple[datetime.date, Regulation]]:
    if isinstance(versions, Mapping):
        pairs = list(versions.items())
    else:
        pairs = [(version_start(r), r) for r in versions]
    for start, regulation in pairs:
        if not isinstance(start, datetime.date) or isinstance(start, datetime.datetime):
            raise TypeError(f"a version's start is a datetime.date, got {type(start).__name__}")
        if not isinstance(regulation, Regulation):
            raise TypeError(f"a version is a Regulation, got {type(regulation).__name__}")
    pairs.sort(key=lambda pair: pair[0])
    for (first, _), (second, reg) in itertools.pairwise(pairs):
        if first == second:
            raise ValueError(
                f"two versions of 《{reg.title}》 start on {first.isoformat()}: "
                "a timeline holds one version a day"
            )
    if not pairs:
        raise ValueError("a Timeline needs at least one version")
    return pairs


@attrs.frozen(init=False)
class Timeline:
    """Versions of one regulation ordered in time, whatever order they come in.

    Attributes:
        versions: the versions, earliest first.
        starts: the day each version starts on (its latest dated history event, or the date
            given), in the same order.

    >>> import datetime
    >>> from wuxi_dt_regulation import load, parse_amendment
    >>> reg = load()
    >>> decision = parse_amendment(
    ...     "# 关于修改《无锡市数字化转型促进条例》的决定\\n\\n"
    ...     "- 2025年10月28日无锡市第十七届人民代表大会常务委员会第三十次会议通过\\n\\n<!-- INFO END -->\\n\\n"
    ...     "一、删去第七条。\\n\\n本决定自2026年1月1日起施行。\\n\\n"
    ...     "《无锡市数字化转型促进条例》根据本决定作相应修改并对条文顺序作相应调整，重新公布。\\n")
    >>> timeline = Timeline([decision.apply(reg), reg])
    >>> timeline.starts
    (datetime.date(2023, 5, 31), datetime.date(2026, 1, 1))
    >>> timeline.as_of(datetime.date(2025, 12, 31)) is reg
    True
    >>> [(start.year, a.label if a else None) for start, a in timeline.article_history(7)]
    [(2023, '第八条'), (2026, '第七条')]
    """

    versions: tuple[Regulation, ...]
    starts: tuple[datetime.date, ...]
    _diffs: dict[int, RegulationDiff] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )

    def __init__(self, versions: Iterable[Regulation] | Mapping[datetime.date, Regulation]) -> None:
        """Order *versions*: regulations (each dated by its history) or ``{date: regulation}``.

        Raises:
            ValueError: no version is given, two start on the same day, or a regulation's
                history has no dated event (give the dates then).
            TypeError: a version is not a Regulation, or a date not a ``datetime.date``.
        """
        pairs = _pairs(versions)
        self.__attrs_init__(tuple(r for _, r in pairs), tuple(d for d, _ in pairs))

    def __len__(self) -> int:
        return len(self.versions)

    def __iter__(self) -> Iterator[tuple[datetime.date, Regulation]]:
        return iter(zip(self.starts, self.versions, strict=True))

    def index(self, date: datetime.date) -> int:
        """The position of the version in force on *date*.

        Raises:
            NotFoundError: *date* is before the first version starts.
        """
        found = -1
        for position, start in enumerate(self.starts):
            if start <= date:
                found = position
        if found < 0:
            raise NotFoundError(
                f"《{self.versions[0].title}》 has no version in force on {date.isoformat()}: "
                f"the first starts on {self.starts[0].isoformat()}"
            )
        return found

    def as_of(self, date: datetime.date) -> Regulation:
        """The version in force on *date*: the last one that started on or before it.

        Raises:
            NotFoundError: *date* is before the first version starts.
        """
        return self.versions[self.index(date)]

    def diffs(self) -> tuple[RegulationDiff, ...]:
        """The diff from each version to the next (computed once, on first use)."""
        return tuple(self._diff(k) for k in range(len(self.versions) - 1))

    def _diff(self, k: int) -> RegulationDiff:
        found = self._diffs.get(k)
        if found is None:
            found = self._diffs[k] = diff(self.versions[k], self.versions[k + 1])
        return found

    def article_history(
        self, ref: int | str | tuple[int, int], *, as_of: datetime.date | None = None
    ) -> tuple[tuple[datetime.date, Article | None], ...]:
        """One article through every version, across renumbering.

        *ref* names the article in the version in force on *as_of* (the latest version by
        default); it is followed to the versions after and before it through the
        ``number_map`` of the diffs between consecutive versions (a split article continues
        as its first piece; articles merged into one go back to the first of them).

        Returns:
            ``(start, article)`` for every version, earliest first; ``article`` is None in the
            versions where the article does not exist (not yet added, or deleted).

        Raises:
            NotFoundError: the version read has no such article, or *as_of* is before the
                first version.
        """
        home = len(self.versions) - 1 if as_of is None else self.index(as_of)
        labels: list[str | None] = [None] * len(self.versions)
        labels[home] = self.versions[home].article(ref).label
        for k in range(home, len(self.versions) - 1):
            current = labels[k]
            labels[k + 1] = None if current is None else self._diff(k).number_map.get(current)
        for k in range(home, 0, -1):
            back: dict[str, str] = {}
            for old, new in self._diff(k - 1).number_map.items():
                back.setdefault(new, old)
            current = labels[k]
            labels[k - 1] = None if current is None else back.get(current)
        return tuple(
            (start, None if label is None else version.article(label))
            for start, version, label in zip(self.starts, self.versions, labels, strict=True)
        )
