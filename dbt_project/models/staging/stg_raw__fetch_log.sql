select
    source_name,
    url,
    final_url,
    run_id,
    cast(attempted_at as timestamp) as attempted_at,
    status,
    reason,
    http_status,
    attempts,
    document_id
from {{ source('raw', 'fetch_log') }}
