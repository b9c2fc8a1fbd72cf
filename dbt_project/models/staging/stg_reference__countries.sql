select country_code, alpha3, name_en, official_name_en, numeric_code, continent_code, continent, population
from {{ source('reference', 'countries') }}
