"""Properties that hold for any input text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mtcheck
from mtcheck.errors import MtcheckError

# Text that looks like news with damage mixed in, and arbitrary Unicode.
_PIECES = st.sampled_from([
    "The the ", "Şugayev ", "Shugayev ", "zamIt's ", "GÃ¼ler ", "” said.", "\n\n",
    "Related News\n", "U.S. ", "Dr. ", "2.5 ", "“", "”", " , ", "\u200b", "\ufffd", "&amp;",
])
TEXTS = st.one_of(st.text(), st.lists(st.one_of(_PIECES, st.text(max_size=8))).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_check_never_raises_and_offsets_slice_back(text):
    try:
        report = mtcheck.check(text)
    except MtcheckError:
        return
    for f in report.findings:
        assert f.rule != "internal.rule-crashed", f.message
        assert text[f.start:f.end] == f.text
        assert 0 <= f.confidence <= 1
    doc = report.documents[0]
    assert 0 <= doc.score <= 100
