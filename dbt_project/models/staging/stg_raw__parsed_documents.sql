select
    document_id,
    parser_version,
    parse_status,
    parse_error,
    title,
    language,
    published_date,
    published_date_source,
    text as article_text,
    removed_lines
from {{ source('raw', 'parsed_documents') }}
