-- The countries taking part in an event, the host country included (int_events' host country; where no host
-- city fixes it, every country a report states as host), and the country of every partner city (a city that
-- takes part brings its country).
with country_mentions as (
    select event_id, country_code, role from {{ ref('int_event_places') }} where kind = 'country'
    union
    select event_id, country_code, 'partner' as role
    from {{ ref('int_event_places') }}
    where kind = 'city' and role = 'partner' and country_code is not null
),

hosts as (
    select event_id, host_country_code as country_code
    from {{ ref('int_events') }}
    where host_country_code is not null
    union
    select country_mentions.event_id, country_mentions.country_code
    from country_mentions
    inner join {{ ref('int_events') }} as events using (event_id)
    where country_mentions.role = 'host' and not events.host_country_from_city
)

select event_id, country_code, 'host' as role from hosts
union all
select distinct country_mentions.event_id, country_mentions.country_code, 'partner' as role
from country_mentions
where not exists (
    select 1 from hosts where hosts.event_id = country_mentions.event_id and hosts.country_code = country_mentions.country_code
)
