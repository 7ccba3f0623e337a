"""Assessments a region prepares from its knowledge base: the Indeks Inovasi Daerah (IID) of Kemendagri/BSKDN
(evidence per indicator, readiness, a self-assessed estimate of the index and its predicate) and the KIPP
proposals of KemenPAN-RB.

What each year's assessment asks (indicators, levels, weights, the formula's constants, predicate thresholds,
upload rules; the proposal aspects and their limits) is data, one YAML file per year beside this package, so
that next year's change is an edit of data, not of code. Every estimate made here is labelled as an estimate:
the official score is the one BSKDN validates.
"""
