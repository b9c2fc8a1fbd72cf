-- One row per distinct deal of an event.
select
    deal_id,
    event_id,
    document_id,
    amount,
    currency,
    qualifier,
    deal_status,
    not coalesce(part_of_total, false) as recommended_for_aggregates,
    amount_usd,
    amount_cny,
    fx_rate_date,
    fx_missing_reason,
    fx_date_basis,
    restated_amount,
    restated_currency,
    sentence as evidence
from {{ ref('int_deals_converted') }}
