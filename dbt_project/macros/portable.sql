{# Where DuckDB and PostgreSQL spell a thing differently, one macro per thing, dispatched on the adapter
   (dbt's adapter.dispatch). The DuckDB spelling is the one the models were written in; PostgreSQL's gives the
   same values, so both warehouses build identical marts (tests/test_postgres_warehouse.py). #}

{# The `value` of the row with the smallest `ordering` in the group. #}
{% macro min_by(value, ordering) -%}{{ adapter.dispatch('min_by')(value, ordering) }}{%- endmacro %}
{% macro duckdb__min_by(value, ordering) -%}min_by({{ value }}, {{ ordering }}){%- endmacro %}
{% macro default__min_by(value, ordering) -%}
    (array_agg({{ value }} order by {{ ordering }}) filter (where {{ ordering }} is not null))[1]
{%- endmacro %}

{# The first capture group of a POSIX-style regex, '' or null where it does not match (callers nullif ''). #}
{% macro regexp_group(text, pattern) -%}{{ adapter.dispatch('regexp_group')(text, pattern) }}{%- endmacro %}
{% macro duckdb__regexp_group(text, pattern) -%}regexp_extract({{ text }}, {{ pattern }}, 1){%- endmacro %}
{% macro default__regexp_group(text, pattern) -%}substring({{ text }} from {{ pattern }}){%- endmacro %}

{# A top-level string member of a JSON object held as text; null where absent. #}
{% macro json_string(json_text, key) -%}{{ adapter.dispatch('json_string')(json_text, key) }}{%- endmacro %}
{% macro duckdb__json_string(json_text, key) -%}json_extract_string({{ json_text }}, '$.{{ key }}'){%- endmacro %}
{% macro default__json_string(json_text, key) -%}(cast({{ json_text }} as jsonb) ->> '{{ key }}'){%- endmacro %}

{# A DOUBLE as DuckDB writes it as text ('170000000000.0', '1.5', '1e+16'), so ids hashed from amounts are the
   same in every warehouse. PostgreSQL writes integral values without '.0' and switches to exponents at 1e15. #}
{% macro double_text(value) -%}{{ adapter.dispatch('double_text')(value) }}{%- endmacro %}
{% macro duckdb__double_text(value) -%}cast({{ value }} as varchar){%- endmacro %}
{% macro default__double_text(value) -%}
    case when {{ value }} = trunc({{ value }}) and abs({{ value }}) < 1e16
         then cast(cast(trunc({{ value }}) as numeric) as varchar) || '.0'
         else cast({{ value }} as varchar) end
{%- endmacro %}

{# Each row of `relation` with the rate of `rates` for the same currency on the latest day not after its
   `target_date` (null where there is none): DuckDB's ASOF join, a LATERAL lookup elsewhere. Yields deal_id,
   rate_date, units_per_eur. #}
{% macro latest_rate_on_or_before(relation, rates) -%}{{ adapter.dispatch('latest_rate_on_or_before')(relation, rates) }}{%- endmacro %}
{% macro duckdb__latest_rate_on_or_before(relation, rates) -%}
    select {{ relation }}.deal_id, {{ rates }}.rate_date, {{ rates }}.units_per_eur
    from {{ relation }}
    asof left join {{ rates }}
        on {{ relation }}.currency = {{ rates }}.currency and {{ relation }}.fx_target_date >= {{ rates }}.rate_date
{%- endmacro %}
{% macro default__latest_rate_on_or_before(relation, rates) -%}
    select {{ relation }}.deal_id, latest.rate_date, latest.units_per_eur
    from {{ relation }}
    left join lateral (
        select {{ rates }}.rate_date, {{ rates }}.units_per_eur
        from {{ rates }}
        where {{ rates }}.currency = {{ relation }}.currency and {{ rates }}.rate_date <= {{ relation }}.fx_target_date
        order by {{ rates }}.rate_date desc
        limit 1
    ) as latest on true
{%- endmacro %}

{# Every day from first_day to last_day of the one-row `bounds`, as date_day. #}
{% macro days_between(bounds, first_day, last_day) -%}{{ adapter.dispatch('days_between')(bounds, first_day, last_day) }}{%- endmacro %}
{% macro duckdb__days_between(bounds, first_day, last_day) -%}
    select cast(unnest(generate_series({{ first_day }}, {{ last_day }}, interval 1 day)) as date) as date_day
    from {{ bounds }}
{%- endmacro %}
{% macro default__days_between(bounds, first_day, last_day) -%}
    select cast(day_start as date) as date_day
    from {{ bounds }}, generate_series(cast({{ first_day }} as timestamp), cast({{ last_day }} as timestamp), interval '1 day') as day_start
{%- endmacro %}

{# A part of a date as BIGINT (DuckDB's year(), isodow(), weekofyear() …): year, quarter, month, day, isodow, week. #}
{% macro date_part_number(part, day) -%}{{ adapter.dispatch('date_part_number')(part, day) }}{%- endmacro %}
{% macro duckdb__date_part_number(part, day) -%}
    {%- if part == 'week' -%}weekofyear({{ day }}){%- else -%}{{ part }}({{ day }}){%- endif -%}
{%- endmacro %}
{% macro default__date_part_number(part, day) -%}cast(extract({{ part }} from {{ day }}) as bigint){%- endmacro %}

{# English weekday and month names (Monday, January). #}
{% macro weekday_name(day) -%}{{ adapter.dispatch('weekday_name')(day) }}{%- endmacro %}
{% macro duckdb__weekday_name(day) -%}dayname({{ day }}){%- endmacro %}
{% macro default__weekday_name(day) -%}cast(trim(to_char({{ day }}, 'Day')) as varchar){%- endmacro %}
{% macro month_name(day) -%}{{ adapter.dispatch('month_name')(day) }}{%- endmacro %}
{% macro duckdb__month_name(day) -%}monthname({{ day }}){%- endmacro %}
{% macro default__month_name(day) -%}cast(trim(to_char({{ day }}, 'Month')) as varchar){%- endmacro %}
