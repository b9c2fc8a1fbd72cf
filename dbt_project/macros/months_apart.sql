{#- Two reports whose months cannot meet: a report of a fair "in July" is not one of the fair held in September,
    though neither gives the other's day. A span across the new year (December to January) meets any month; a
    report that gives no month meets every one. -#}
{% macro months_apart(left, right) -%}
    coalesce(
        coalesce({{ left }}.start_month <= {{ left }}.end_month, true)
        and coalesce({{ right }}.start_month <= {{ right }}.end_month, true)
        and (coalesce({{ left }}.end_month, {{ left }}.start_month)
                 < coalesce({{ right }}.start_month, {{ right }}.end_month)
             or coalesce({{ right }}.end_month, {{ right }}.start_month)
                 < coalesce({{ left }}.start_month, {{ left }}.end_month)),
        false)
{%- endmacro %}
