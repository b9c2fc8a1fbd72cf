-- One row per real-world event, however many documents report it (the rules are int_events').
select
    event_id,
    event_name,
    event_type,
    start_date,
    end_date,
    start_year,
    start_month,
    start_day,
    end_year,
    end_month,
    end_day,
    year_inferred,
    host_city_id,
    host_country_code,
    agreements_count,
    document_count,
    host_method,
    date_precision,
    date_rejected_reason
from {{ ref('int_events') }}
