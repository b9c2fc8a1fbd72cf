"""Dagster wiring: a thin layer over the plain stages. One module per integration, merged in definitions.py."""
