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
        min_by(amount, start_offset) as restated_amount,
        min_by(currency, start_offset) as restated_currency
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
)

select
    {{ stable_id(['coalesce(originals.event_id, originals.document_id)', 'originals.currency', 'originals.amount_key']) }} as deal_id,
    originals.event_id,
    originals.*  exclude (event_id),
    documents.published_date,
    documents.fetched_at
from originals
inner join documents using (document_id)
qualify row_number() over (
    partition by coalesce(originals.event_id, originals.document_id), originals.currency, originals.amount_key
    order by documents.fetched_at, originals.document_id, originals.start_offset
) = 1
