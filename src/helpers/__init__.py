"""Helpers for the 'Neutralizing NATO' notebook collection: paths, data loading, tables, charts, build."""
