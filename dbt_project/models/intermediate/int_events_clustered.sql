-- Document events with the id of the real event they report: their component (int_event_components) and
-- the id it carries (ops.event_id_assignments, which keeps ids stable as documents are added).
with current_ids as (
    select event_ref, event_id
    from {{ ref('event_id_assignments') }}
    qualify row_number() over (partition by event_ref order by assigned_at desc, event_id) = 1
)

select components.* exclude (cluster_ref), current_ids.event_id
from {{ ref('int_event_components') }} as components
inner join current_ids using (event_ref)
