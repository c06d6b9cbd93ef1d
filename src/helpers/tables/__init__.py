"""Table builders: plain DataFrames in, plain DataFrames out, one module per area of the collection."""
