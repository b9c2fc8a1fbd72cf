-- One row per (event, document) that reports it.
select
    event_id,
    document_id,
    min_by(evidence, event_ref) as evidence
from {{ ref('int_events_clustered') }}
group by event_id, document_id
