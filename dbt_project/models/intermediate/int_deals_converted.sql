-- Deals converted to USD and CNY at the ECB reference rate of the event date, else the publication date.
-- A rate counts only if published within five days before that date (weekends, holidays): a currency the
-- ECB stopped quoting gets null and a reason, never a stale rate.
with deals as (
    select
        deals.*,
        coalesce(events.start_date, events.end_date, deals.published_date) as fx_target_date,
        case
            when events.start_date is not null or events.end_date is not null then 'event_date'
            when deals.published_date is not null then 'published_date'
        end as fx_date_basis
    from {{ ref('int_deals_deduplicated') }} as deals
    left join {{ ref('int_events') }} as events using (event_id)
),

rates as (
    select rate_date, currency, units_per_eur from {{ ref('stg_reference__fx_rates') }}
),

deal_rates as (
    {{ latest_rate_on_or_before('deals', 'rates') }}
),

usable as (
    select
        deal_rates.deal_id,
        deal_rates.rate_date as fx_rate_date,
        deal_rates.units_per_eur as deal_units_per_eur,
        usd.units_per_eur as usd_units_per_eur,
        cny.units_per_eur as cny_units_per_eur
    from deal_rates
    inner join deals using (deal_id)
    inner join rates as usd on usd.currency = 'USD' and usd.rate_date = deal_rates.rate_date
    inner join rates as cny on cny.currency = 'CNY' and cny.rate_date = deal_rates.rate_date
    where deal_rates.rate_date is not null
        and deals.fx_target_date - deal_rates.rate_date <= {{ var('max_fx_lookback_days', 5) }}
),

currencies as (
    select currency, has_ecb_rate from {{ ref('stg_reference__currencies') }}
)

select
    deals.*,
    usable.fx_rate_date,
    deals.amount / usable.deal_units_per_eur * usable.usd_units_per_eur as amount_usd,
    deals.amount / usable.deal_units_per_eur * usable.cny_units_per_eur as amount_cny,
    case
        when usable.fx_rate_date is not null then null
        when deals.fx_target_date is null then 'no_date'
        when not coalesce(currencies.has_ecb_rate, false) then 'currency_not_quoted_by_ecb'
        else 'no_ecb_rate_on_date'
    end as fx_missing_reason
from deals
left join usable using (deal_id)
left join currencies using (currency)
