-- Money that is a deal, one row per distinct deal: a restatement in a second currency is folded into the
-- amount it restates, and the same amount of the same event reported by several documents is one deal
-- (compared to three significant digits, so "170 млрд" and "170.0 billion" meet).
with money as (
    select extractions.*, clustered.event_id
    from {{ ref('stg_raw__extractions') }} as extractions
    left join {{ ref('int_events_clustered') }} as clustered using (event_ref)
    where extractions.kind = 'money' and extractions.is_deal
),

restatements as (
    select
        restates_extraction_id as extraction_id,
        {{ min_by('amount', 'start_offset') }} as restated_amount,
        {{ min_by('currency', 'start_offset') }} as restated_currency
    from money
    where restates_extraction_id is not null
    group by restates_extraction_id
),

originals as (
    select
        money.*,
        restatements.restated_amount,
        restatements.restated_currency,
        round(money.amount / pow(10, floor(log10(money.amount)) - 2)) * pow(10, floor(log10(money.amount)) - 2) as amount_key
    from money
    left join restatements using (extraction_id)
    where money.restates_extraction_id is null and money.amount > 0
),

documents as (
    select parsed.document_id, parsed.published_date, raw_documents.fetched_at
    from {{ ref('stg_raw__parsed_documents') }} as parsed
    inner join {{ ref('stg_raw__documents') }} as raw_documents using (document_id)
),

ranked as (
    select
        {{ stable_id(['coalesce(originals.event_id, originals.document_id)', 'originals.currency',
                      double_text('originals.amount_key')]) }} as deal_id,
        originals.event_id,
        originals.extraction_id,
        originals.document_id,
        originals.extractor_version,
        originals.kind,
        originals.event_ref,
        originals.role,
        originals.surface,
        originals.start_offset,
        originals.end_offset,
        originals.sentence,
        originals.sentence_start,
        originals.event_name,
        originals.event_type,
        originals.event_ordinal,
        originals.start_year,
        originals.start_month,
        originals.start_day,
        originals.end_year,
        originals.end_month,
        originals.end_day,
        originals.year_inferred,
        originals.city_id,
        originals.country_code,
        originals.count_value,
        originals.count_kind,
        originals.amount,
        originals.currency,
        originals.qualifier,
        originals.deal_status,
        originals.is_deal,
        originals.not_deal_reason,
        originals.part_of_total,
        originals.restates_extraction_id,
        originals.attributes_json,
        originals.restated_amount,
        originals.restated_currency,
        originals.amount_key,
        documents.published_date,
        documents.fetched_at,
        row_number() over (
            partition by coalesce(originals.event_id, originals.document_id), originals.currency, originals.amount_key
            order by documents.fetched_at, originals.document_id, originals.start_offset
        ) as deal_rank
    from originals
    inner join documents using (document_id)
)

select
    deal_id, event_id, extraction_id, document_id, extractor_version, kind, event_ref, role, surface, start_offset,
    end_offset, sentence, sentence_start, event_name, event_type, event_ordinal, start_year, start_month, start_day,
    end_year, end_month, end_day, year_inferred, city_id, country_code, count_value, count_kind, amount, currency,
    qualifier, deal_status, is_deal, not_deal_reason, part_of_total, restates_extraction_id, attributes_json,
    restated_amount, restated_currency, amount_key, published_date, fetched_at
from ranked
where deal_rank = 1
