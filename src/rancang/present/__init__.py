"""The presentation layer: one view of every record, read by every output.

Between the models (and the checked project) and the renderers (the site, the Word documents, the open data):
:mod:`rancang.present.innovation` (one :class:`~rancang.present.innovation.InnovationView` per profile),
:mod:`rancang.present.visit` (the words of a study visit: its parties, dates and titles) and
:mod:`rancang.present.titles` (the names of the project's regulations). The labels of the allowed values are
on the enums of :mod:`rancang.models` (``Stage.TRIAL.label``). A renderer decides how a view looks, never what
it says.
"""
