"""The knowledge-base website: a Sphinx extension and the build that drives it."""
