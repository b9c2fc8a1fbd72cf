-- Every country an event involves, with its names and region (continent, from GeoNames).
select
    countries.country_code,
    countries.alpha3,
    countries.name_en,
    countries.official_name_en,
    countries.continent_code,
    countries.continent as region,
    countries.population
from {{ ref('stg_reference__countries') }} as countries
where countries.country_code in (
    -- the countries of bridge_event_countries: host countries and every country a report names as host or partner
    select host_country_code from {{ ref('int_events') }}
    union
    select country_code from {{ ref('int_event_places') }} where kind = 'country'
)
