select * exclude (attributes), attributes as attributes_json
from {{ source('raw', 'extractions') }}
