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
-- a document whose file left its folder is kept in the index, no longer published
where removed_at is null
