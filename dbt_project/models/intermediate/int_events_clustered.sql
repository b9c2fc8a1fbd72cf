-- Document events with the id of the real event they report: their component (int_event_components) and
-- the id it carries (ops.event_id_assignments, which keeps ids stable as documents are added).
with current_ids as (
    select event_ref, event_id
    from (
        select event_ref, event_id, row_number() over (partition by event_ref order by assigned_at desc, event_id) as id_rank
        from {{ ref('event_id_assignments') }}
    ) as ranked
    where id_rank = 1
)

select
    components.event_ref,
    components.document_id,
    components.event_name,
    components.event_type,
    components.event_ordinal,
    components.evidence,
    components.evidence_start,
    components.evidence_end,
    components.extractor_version,
    components.start_year,
    components.start_month,
    components.start_day,
    components.end_year,
    components.end_month,
    components.end_day,
    components.year_inferred,
    components.date_rejected_reason,
    components.year_unknown_reason,
    components.host_city_id,
    components.host_method,
    components.agreements_count,
    components.published_date,
    components.fetched_at,
    components.language,
    current_ids.event_id
from {{ ref('int_event_components') }} as components
inner join current_ids using (event_ref)
