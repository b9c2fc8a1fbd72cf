"""Dagster wiring: a thin layer over the plain stages. One module per integration, merged in definitions.py."""
import warnings

import dagster as dg

# code references are beta in this Dagster: the documented API, whose warning would repeat on every load
warnings.filterwarnings("ignore", category=dg.BetaWarning, message=r".*(with_source_code_references|CodeReference).*")
