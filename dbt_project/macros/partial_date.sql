{# A DATE from year, month and day parts; null when any part is unknown or the day does not exist. #}
{% macro partial_date(year, month, day) -%}{{ adapter.dispatch('partial_date')(year, month, day) }}{%- endmacro %}

{% macro duckdb__partial_date(year, month, day) -%}
    case when {{ year }} is not null and {{ month }} is not null and {{ day }} is not null
         then try_cast(printf('%04d-%02d-%02d', {{ year }}, {{ month }}, {{ day }}) as date) end
{%- endmacro %}

{# PostgreSQL has no try_cast: the parts are checked first (the day against the month's last day), so
   make_date only sees days that exist. #}
{% macro default__partial_date(year, month, day) -%}
    case when {{ year }} between 1 and 9999 and {{ month }} between 1 and 12 and {{ day }} >= 1 then
        case when {{ day }} <= extract(day from make_date({{ year }}, {{ month }}, 1) + interval '1 month' - interval '1 day')
             then make_date({{ year }}, {{ month }}, {{ day }}) end
    end
{%- endmacro %}
