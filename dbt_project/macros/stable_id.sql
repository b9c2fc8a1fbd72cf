{# A short, stable id from the given expressions: the same input always yields the same id. #}
{% macro stable_id(parts) -%}
    substr(md5(concat_ws('|', {% for part in parts %}coalesce(cast({{ part }} as varchar), ''){% if not loop.last %}, {% endif %}{% endfor %})), 1, 20)
{%- endmacro %}
