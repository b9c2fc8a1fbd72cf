{#- Two reports of the same numbered edition in one host place on the same days, as far as both give them (one
    may leave out the month or the opening day): one event, whatever kind of event each report calls it. -#}
{% macro same_edition_days(left, right) -%}
    ({{ left }}.event_ordinal is not null and {{ left }}.event_ordinal = {{ right }}.event_ordinal
     and {{ left }}.host_city_id is not null and {{ right }}.host_city_id is not null
     and {{ same_host_place(left, right) }}
     -- the days both reports give agree, and they share one at least (one may give only the closing day)
     and (coalesce({{ left }}.start_day = {{ right }}.start_day, false) or coalesce({{ left }}.end_day = {{ right }}.end_day, false))
     and coalesce({{ left }}.start_day = {{ right }}.start_day, true) and coalesce({{ left }}.end_day = {{ right }}.end_day, true)
     and coalesce({{ left }}.start_month = {{ right }}.start_month, true) and coalesce({{ left }}.end_month = {{ right }}.end_month, true))
{%- endmacro %}
