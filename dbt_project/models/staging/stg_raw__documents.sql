select
    document_id,
    content_sha256,
    source_name,
    uri,
    final_url,
    cast(fetched_at as timestamp) as fetched_at,
    content_type,
    byte_size
from {{ source('raw', 'documents') }}
