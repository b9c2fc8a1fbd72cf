select city_id, name_en, country_code, admin1_code, admin1_name, latitude, longitude, population
from {{ source('reference', 'cities') }}
