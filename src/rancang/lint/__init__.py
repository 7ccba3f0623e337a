"""The drafting linter: rules of Lampiran II UU 12/2011 and of the innovation index."""
