"""What resolving found citations needs to know, gathered once per scan: :class:`Scan`.

The regulation's structure (where each article stands, its 编, 分编, 章 and 节), the names the
text may use for instruments (:class:`~.names.Names`), the instruments named so far (for 该法,
同法, 上述法律), and the 款 last named (for a bare 第X项).
"""

from __future__ import annotations

from collections.abc import Mapping

from .._model.citation import Citation, citation_title
from .._model.ranges import CitationList, holders
from .._model.regulation import Regulation
from .names import THAT_KINDS, Names, named_parts, short_title, that_word
from .titles import instrument_word

__all__ = ["Scan"]


class Scan:
    """The state of one scan of one text (or of one regulation's own texts)."""

    def __init__(
        self, regulation: Regulation | None, names: Mapping[str, str] | None = None
    ) -> None:
        self.regulation = regulation
        extra = dict(names or {})
        if regulation is not None:
            own = citation_title(regulation.title)
            extra.setdefault(short_title(own), own)
        self.names = Names(extra)
        self.named_parts = named_parts(regulation)
        #: the 款 last named in the text being scanned (see item_paragraph)
        self.hint: Citation | None = None
        #: the instrument last named of each kind (by how it calls itself: 本法, 本条例 …) and
        #: when, for 该法 (that()); cleared where 该法 stops looking back
        self.named: dict[str, tuple[int, str]] = {}
        self._words: dict[str, str] = {}
        self._seen = 0
        #: the values of the simple citations read so far, by title and text (see .fast)
        self.simple: dict[tuple[str | None, str], CitationList | None] = {}
        self._homes: dict[tuple[int, int], tuple[Citation | None, ...]] | None = None
        self._order: dict[tuple[int, int], int] | None = None
        self._keys: list[tuple[int, int]] = []

    # ---- instruments

    def title_of(self, name: str) -> str:
        """The full title an instrument's name or short name stands for."""
        return self.names.full(name)

    def saw(self, title: str) -> None:
        """Remember that the text named the instrument *title*."""
        word = self._words.get(title)
        if word is None:
            word = self._words[title] = instrument_word(title)
        self._seen += 1
        self.named[word] = (self._seen, title)

    def that(self, word: str) -> str | None:
        """The instrument 该法 (同法, 上述法律, 该条例 …) points to: the one most recently named of
        the kind *word* says (a 法 for 该法 and 上述法律, a 条例 for 该条例), or None."""
        found = [self.named[k] for k in THAT_KINDS.get(that_word(word), ()) if k in self.named]
        return max(found)[1] if found else None

    # ---- where articles stand

    def _structure(self) -> dict[tuple[int, int], tuple[Citation | None, ...]]:
        if self._homes is None:
            assert self.regulation is not None
            self._homes = {}
            for part in self.regulation.parts:
                for article in part.articles:
                    self._homes[article.key] = (part.citation, None, None, None)
                for sub in part.subparts:
                    for article in sub.articles:
                        self._homes[article.key] = (part.citation, sub.citation, None, None)
            for sub in self.regulation.subparts:
                for article in sub.articles:
                    above = self._homes.get(article.key, (None, None, None, None))
                    self._homes[article.key] = (above[0], sub.citation, None, None)
            for chapter in self.regulation.chapters:
                for article in chapter.articles:
                    above = self._homes.get(article.key, (None, None, None, None))
                    self._homes[article.key] = (*above[:2], chapter.citation, None)
                for section in chapter.sections:
                    for article in section.articles:
                        above = self._homes[article.key]
                        self._homes[article.key] = (*above[:3], section.citation)
        return self._homes

    def home(self, key: tuple[int, int], level: str) -> Citation | None:
        """The citation of the 编, 分编, 章 or 节 (*level*) holding the article *key*."""
        index = ("part", "subpart", "chapter", "section").index(level)
        return self._structure().get(key, (None, None, None, None))[index]

    def before(self, key: tuple[int, int], count: int) -> list[tuple[int, int]]:
        """The *count* articles before *key*, in document order (之N included)."""
        if self.regulation is None:
            number = key[0] if key[1] else key[0] - 1
            return [(n, 0) for n in range(max(number - count + 1, 1), number + 1)]
        if self._order is None:
            self._keys = [a.key for a in self.regulation.articles]
            self._order = {}
            for index, each in enumerate(self._keys):
                self._order.setdefault(each, index)
        found = self._order.get(key)
        if found is None:
            return []
        return self._keys[max(found - count, 0) : found]

    # ---- the 款 of a 项 cited without it

    def item_paragraph(
        self, article_key: tuple[int, int], items: tuple[int, ...], at: Citation | None = None
    ) -> int | None:
        """The 款 that 项 *items* cited without their 款 stand in (刑法 第三百八十三条: 犯第一款罪，
        …有第一项规定情形的; 浙江省电子商务条例 第十五条第一项).

        The article's only 款; else the 款 *at* stands in when it has 项; else the 款 of the same
        article last named in the text, when it has them; else the one 款 holding such 项; else
        the one 款 that has 项 at all; else None: nothing says which (ambiguous).
        """
        article = None
        if self.regulation is not None:
            article = self.regulation.get_article(article_key)
        if article is None:
            return None
        if len(article.paragraphs) == 1:
            return 1

        def has_items(number: int | None) -> bool:
            return (
                number is not None
                and 1 <= number <= len(article.paragraphs)
                and bool(article.paragraphs[number - 1].items)
            )

        if at is not None and (at.article, at.suffix) == article_key and has_items(at.paragraph):
            return at.paragraph
        hint = self.hint
        same = hint is not None and (hint.article, hint.suffix) == article_key
        if same and hint is not None and has_items(hint.paragraph):
            return hint.paragraph
        sets = [set(holders(article, item)) for item in items]
        common = set.intersection(*sets) if sets else set()
        if len(common) == 1:
            return common.pop()
        with_items = [p.number for p in article.paragraphs if p.items]
        if len(with_items) == 1 and not any(len(s) > 1 for s in sets):
            return with_items[0]
        return None
