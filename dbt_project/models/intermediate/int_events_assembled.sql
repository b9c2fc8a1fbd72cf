-- One row per event that a document reports (event_ref), with the facts the extractors attached to it.
with extractions as (
    select * from {{ ref('stg_raw__extractions') }}
),

documents as (
    select
        parsed.document_id,
        parsed.published_date,
        parsed.language,
        raw_documents.fetched_at
    from {{ ref('stg_raw__parsed_documents') }} as parsed
    inner join {{ ref('stg_raw__documents') }} as raw_documents using (document_id)
),

events as (
    select
        event_ref,
        document_id,
        event_name,
        event_type,
        event_ordinal,
        sentence as evidence,
        -- offsets in the parsed article text, end exclusive (Python slicing: text[evidence_start:evidence_end])
        sentence_start as evidence_start,
        cast(sentence_start + length(sentence) as bigint) as evidence_end,
        extractor_version,
        start_offset
    from extractions
    where kind = 'event'
),

event_dates as (
    select
        event_ref,
        start_year, start_month, start_day,
        end_year, end_month, end_day,
        year_inferred,
        date_rejected_reason,
        year_unknown_reason
    from (
        select
            event_ref,
            start_year, start_month, start_day,
            end_year, end_month, end_day,
            year_inferred,
            {{ json_string('attributes_json', 'implausible_date') }} as date_rejected_reason,
            {{ json_string('attributes_json', 'year_unknown') }} as year_unknown_reason,
            row_number() over (partition by event_ref order by start_offset) as date_rank
        from extractions
        where kind = 'event_date' and role = 'event'
    ) as ranked
    where date_rank = 1
),

-- a date the extractor found implausible (before 1990, years after the report, decades before it) is dropped
-- with its reason: the event is published undated instead of held in quarantine
plausible_dates as (
    select
        event_ref,
        case when date_rejected_reason is null then start_year end as start_year,
        case when date_rejected_reason is null then start_month end as start_month,
        case when date_rejected_reason is null then start_day end as start_day,
        case when date_rejected_reason is null then end_year end as end_year,
        case when date_rejected_reason is null then end_month end as end_month,
        case when date_rejected_reason is null then end_day end as end_day,
        case when date_rejected_reason is null then year_inferred end as year_inferred,
        date_rejected_reason,
        year_unknown_reason
    from event_dates
),

host_cities as (
    select event_ref, host_city_id, host_method
    from (
        select
            event_ref,
            city_id as host_city_id,
            -- recorded where the extractor chose the host (extract/roles/cities.py); older extractions lack it
            coalesce({{ json_string('attributes_json', 'host_method') }}, 'inferred') as host_method,
            row_number() over (partition by event_ref order by start_offset) as host_rank
        from extractions
        where kind = 'city' and role = 'host'
    ) as ranked
    where host_rank = 1
),

agreement_counts as (
    select event_ref, agreements_count
    from (
        select
            event_ref,
            count_value as agreements_count,
            row_number() over (partition by event_ref order by start_offset) as count_rank
        from extractions
        where kind = 'agreement_count' and role = 'event'
    ) as ranked
    where count_rank = 1
)

select
    events.event_ref,
    events.document_id,
    events.event_name,
    events.event_type,
    events.event_ordinal,
    events.evidence,
    events.evidence_start,
    events.evidence_end,
    events.extractor_version,
    event_dates.start_year,
    event_dates.start_month,
    event_dates.start_day,
    event_dates.end_year,
    event_dates.end_month,
    event_dates.end_day,
    coalesce(event_dates.year_inferred, false) as year_inferred,
    event_dates.date_rejected_reason,
    event_dates.year_unknown_reason,
    host_cities.host_city_id,
    host_cities.host_method,
    agreement_counts.agreements_count,
    documents.published_date,
    documents.fetched_at,
    documents.language
from events
inner join documents using (document_id)
left join plausible_dates as event_dates using (event_ref)
left join host_cities using (event_ref)
left join agreement_counts using (event_ref)
