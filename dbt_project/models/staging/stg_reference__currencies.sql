select currency, name_en, numeric_code, has_ecb_rate
from {{ source('reference', 'currencies') }}
