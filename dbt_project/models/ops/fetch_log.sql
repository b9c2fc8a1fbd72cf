select * from {{ ref('stg_raw__fetch_log') }}
