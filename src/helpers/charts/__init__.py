"""Altair chart builders (nouns for what they draw); they return a chart and never display or save it."""
