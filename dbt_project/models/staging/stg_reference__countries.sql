select country_code, alpha3, name_en, official_name_en, numeric_code
from {{ source('reference', 'countries') }}
