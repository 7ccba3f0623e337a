"""Turning generated documents into other formats (PDF through LibreOffice)."""
