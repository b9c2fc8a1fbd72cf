select
    document_id,
    extractor_version,
    extract_status,
    extract_error,
    is_relevant,
    relevance_reason,
    event_count,
    extraction_count,
    extraction_truncated_at
from {{ source('raw', 'extraction_documents') }}
