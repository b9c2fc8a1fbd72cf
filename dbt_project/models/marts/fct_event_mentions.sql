-- One row per (event, document) that reports it, with where the document says so.
select
    event_id,
    document_id,
    {{ min_by('evidence', 'event_ref') }} as evidence,
    {{ min_by('evidence_start', 'event_ref') }} as evidence_start,
    {{ min_by('evidence_end', 'event_ref') }} as evidence_end,
    {{ min_by('extractor_version', 'event_ref') }} as extractor_version
from {{ ref('int_events_clustered') }}
group by event_id, document_id
