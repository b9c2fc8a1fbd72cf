-- Every city that any event refers to (as host or partner), with GeoNames facts.
with referenced as (
    select host_city_id as city_id from {{ ref('int_events_clustered') }} where host_city_id is not null
    union
    select city_id from {{ ref('int_event_places') }} where kind = 'city'
)

select
    cities.city_id,
    cities.name_en,
    cities.country_code,
    cities.admin1_name,
    cities.latitude,
    cities.longitude,
    cities.population
from {{ ref('stg_reference__cities') }} as cities
inner join referenced using (city_id)
