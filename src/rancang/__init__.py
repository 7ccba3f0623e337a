"""rancang: a toolkit for Indonesian regional innovation programmes.

One folder of YAML becomes a knowledge-base website, draft regulations and
study-visit materials. See README.md.
"""

__version__ = "0.1.0"
