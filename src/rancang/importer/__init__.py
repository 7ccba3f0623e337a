"""Enacted regulations in: ``rancang impor peraturan`` (see :mod:`rancang.importer.tree` for the stages)."""
