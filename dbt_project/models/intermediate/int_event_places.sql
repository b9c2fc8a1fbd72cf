-- The cities and countries each document event names as host or partner (the extractors' roles), with the id
-- of the real event: what the bridges and dim_cities are made of.
select
    extractions.event_ref,
    clustered.event_id,
    extractions.document_id,
    extractions.kind,
    extractions.role,
    extractions.city_id,
    extractions.country_code
from {{ ref('stg_raw__extractions') }} as extractions
inner join {{ ref('int_events_clustered') }} as clustered using (event_ref)
where extractions.kind in ('city', 'country')
    and extractions.role in ('host', 'partner')
    and ((extractions.kind = 'city' and extractions.city_id is not null)
        or (extractions.kind = 'country' and extractions.country_code is not null))
