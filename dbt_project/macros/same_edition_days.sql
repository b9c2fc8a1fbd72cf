{#- Two reports of the same numbered edition in one host place on the same first and last days (months may be
    left out by one of them): one event, whatever kind of event each report calls it. -#}
{% macro same_edition_days(left, right) -%}
    ({{ left }}.event_ordinal is not null and {{ left }}.event_ordinal = {{ right }}.event_ordinal
     and {{ left }}.host_city_id is not null and {{ right }}.host_city_id is not null
     and {{ same_host_place(left, right) }}
     and {{ left }}.start_day = {{ right }}.start_day and {{ left }}.end_day = {{ right }}.end_day)
{%- endmacro %}
