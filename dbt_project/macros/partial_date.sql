{# A DATE from year, month and day parts; null when any part is unknown or the day does not exist. #}
{% macro partial_date(year, month, day) -%}
    case when {{ year }} is not null and {{ month }} is not null and {{ day }} is not null
         then try_cast(printf('%04d-%02d-%02d', {{ year }}, {{ month }}, {{ day }}) as date) end
{%- endmacro %}
