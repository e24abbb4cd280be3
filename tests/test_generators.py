"""The generators reach every layout the reader reads (issue 14, item 3), and keep doing so.

A fixed sample (derandomized: the same examples on every run) is drawn from
:func:`tests.strategies.regulations` and :func:`tests.strategies.lawrefbook_source`; the
frequency of each layout (``tests/layout_features.py`` names them) must stay within its band.
A change to the strategies that quietly stops producing one (or lets article-less regulations
crowd out the rest) fails here, while the round-trip properties that draw from them would stay
green while testing less.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import wuxi_dt_regulation as wdr

from .layout_features import FEATURES, SOURCE_FEATURES, features, source_features
from .strategies import lawrefbook_source, regulations

ROOT = Path(__file__).resolve().parent.parent

#: The sample: enough for a feature drawn once in twenty to show (and not to be missed by
#: luck, the sample being the same every time), few enough to take seconds.
SAMPLE = 200

#: (lowest, highest) share of the sample for each feature; the default is "at least 3 in 100".
#: The upper bounds keep what would crowd out the rest from doing so.
BANDS: dict[str, tuple[float, float]] = {
    "no article": (0.01, 0.12),  # decisions, cases, notices: few, so that citations test much
    "article": (0.85, 1.0),
    "warning": (0.05, 0.6),  # the gaps and the stray text warn; most regulations do not
    "numbering gap": (0.03, 0.4),
    # rarer by construction (they need two 编, a table at a given place, a given action …)
    **dict.fromkeys(
        (
            "chapters restart per part",
            "table under a heading",
            "subpart",
            "toc",
            "inline items",
            "multi-line event",
            "free text body",
            *(f"event {action}" for action in ("通过", "批准", "修正", "修订", "公布", "施行")),
        ),
        (0.01, 1.0),
    ),
}
DEFAULT_BAND = (0.03, 1.0)


@functools.cache
def sample() -> tuple[Counter[str], int]:
    """How many regulations of :data:`SAMPLE` show each feature, and how many were drawn.

    Drawn in a fresh interpreter that imports this module alone: hypothesis mixes into its
    draws the constants of every local module loaded so far (its "local constants"), so the
    same derandomized sample drawn after other test modules were imported (under xdist, in
    whatever order a worker gets them) is another sample.
    """
    code = (
        "import json; from tests.test_generators import draw_sample; "
        "print(json.dumps(draw_sample()))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    counts, drawn = json.loads(done.stdout.splitlines()[-1])
    return Counter(counts), drawn


def draw_sample() -> tuple[dict[str, int], int]:
    """The counts of :func:`sample`, drawn in this process."""
    counts: Counter[str] = Counter()
    drawn = [0]

    @settings(
        max_examples=SAMPLE,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def draw(data: st.DataObject) -> None:
        regulation = data.draw(regulations())
        source = data.draw(lawrefbook_source(regulation))
        # (counted once both are drawn: hypothesis may drop an example half-way)
        read = wdr.parse(wdr.render(regulation))  # its warnings (equal to it: test_parser)
        counts.update(features(read) | source_features(source))
        drawn[0] += 1

    draw()
    return dict(counts), drawn[0]


def test_each_layout_is_generated_often_enough() -> None:
    # one test for all of them: the sample is drawn once (under xdist, once per worker that
    # runs a test of this file)
    counts, drawn = sample()
    assert drawn == SAMPLE  # hypothesis stops early when it runs out of examples
    outside = []
    for feature in (*FEATURES, *SOURCE_FEATURES):
        low, high = BANDS.get(feature, DEFAULT_BAND)
        if not low <= counts[feature] / drawn <= high:
            outside.append(f"{feature}: {counts[feature]} of {drawn}, band {low}–{high}")
    assert outside == []


def test_the_feature_names_are_the_ones_pinned() -> None:
    assert set(BANDS) <= {*FEATURES, *SOURCE_FEATURES}
    assert len({*FEATURES, *SOURCE_FEATURES}) == len(FEATURES) + len(SOURCE_FEATURES)
