"""Reference metrics from sacrebleu (BLEU, chrF, TER), imported only when a reference is given."""

from __future__ import annotations

from mtcheck.model import Document


def document_metrics(doc: Document) -> dict[str, object]:
    """Document-level BLEU, chrF and TER of a translation against its reference."""
    if doc.reference is None:
        return {}
    from sacrebleu.metrics import BLEU, CHRF, TER  # heavy: load only when needed

    hypotheses = [s.text for s in doc.sentences] or [""]
    references = [s.text for s in doc.reference.sentences] or [""]
    # sacrebleu scores parallel segments; unaligned sides are scored as one segment each.
    if len(hypotheses) != len(references):
        hypotheses, references = [" ".join(hypotheses)], [" ".join(references)]
    out: dict[str, object] = {}
    signatures: dict[str, str] = {}
    for name, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
        result = metric.corpus_score(hypotheses, [references])
        out[name] = round(float(result.score), 2)
        signatures[name] = str(metric.get_signature())
    out["signature"] = signatures
    return out
