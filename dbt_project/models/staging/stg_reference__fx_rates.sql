select rate_date, currency, units_per_eur
from {{ source('reference', 'fx_rates') }}
