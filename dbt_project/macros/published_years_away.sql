{#- Two reports, one or both of which give no year, whose years lie more than a year apart, a report that gives no
    year being of the year it was published in (it speaks of the days around its publication): not one event. -#}
{% macro published_years_away(left, right) -%}
    (({{ left }}.any_year is null or {{ right }}.any_year is null)
     and abs(coalesce({{ left }}.any_year, extract(year from {{ left }}.published_date))
             - coalesce({{ right }}.any_year, extract(year from {{ right }}.published_date))) > 1)
{%- endmacro %}
