{#- Two reports name the same numbered edition by the very same name ("第3回沖縄大交易会" in both): one event,
    whatever else they disagree on. The name must say more than its bare noun. -#}
{% macro same_named_edition(left, right) -%}
    ({{ left }}.event_ordinal is not null and {{ left }}.event_ordinal = {{ right }}.event_ordinal
     and lower({{ left }}.event_name) = lower({{ right }}.event_name) and length({{ left }}.event_name) >= 6)
{%- endmacro %}
