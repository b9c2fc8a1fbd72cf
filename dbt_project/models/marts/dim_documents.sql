-- One row per distinct document (int_documents).
select
    document_id,
    source_name,
    uri,
    title,
    language,
    published_date,
    fetched_at,
    content_sha256,
    is_relevant,
    relevance_reason,
    processing_status,
    processing_reason,
    parse_status,
    parse_error,
    extractor_version,
    extraction_truncated_at
from {{ ref('int_documents') }}
