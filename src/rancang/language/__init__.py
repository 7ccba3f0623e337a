"""Language helpers of the core layer: numbers and dates in words, the region's wording, citation texts.

They know Indonesian drafting conventions and nothing of files, loading or rendering.
"""
