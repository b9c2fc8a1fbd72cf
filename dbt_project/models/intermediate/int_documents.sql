-- One row per distinct document, parsed or not, with how far it got: a document that failed to parse or to extract
-- is still listed, with the reason (the rule for processing_status lives here).
select
    documents.document_id,
    documents.source_name,
    documents.uri,
    parsed.title,
    parsed.language,
    parsed.published_date,
    documents.fetched_at,
    documents.content_sha256,
    coalesce(extracted.is_relevant, false) as is_relevant,
    extracted.relevance_reason,
    case
        when parsed.parse_status = 'failed' then 'parse_failed'
        when extracted.extract_status = 'failed' then 'extract_failed'
        else 'ok'
    end as processing_status,
    case
        when parsed.parse_status = 'failed' then parsed.parse_error
        when extracted.extract_status = 'failed' then extracted.extract_error
    end as processing_reason,
    parsed.parse_status,
    parsed.parse_error,
    extracted.extractor_version,
    extracted.extraction_truncated_at
from {{ ref('stg_raw__documents') }} as documents
left join {{ ref('stg_raw__parsed_documents') }} as parsed using (document_id)
left join {{ ref('stg_raw__extraction_documents') }} as extracted using (document_id)
