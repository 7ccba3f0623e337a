"""The drafting engine: a regulation model -> one numbered tree (numbers, references, formulas)."""
