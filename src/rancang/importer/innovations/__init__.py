"""Importing innovation profiles from tables: CSV, XLSX and JSON (``rancang impor inovasi``).

:mod:`.tables` reads the source, :mod:`.mapping` says which column fills which profile key, :mod:`.convert`
turns a cell into a value (dates, choices, lists, HTML narratives through :mod:`.html`), :mod:`.run` plans,
validates and writes.
"""
