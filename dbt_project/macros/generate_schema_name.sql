{# The contract names schemas `marts` and `ops` exactly: use a model's custom schema as written. On PostgreSQL the
   marts are built in `marts_build` and checked there; publishing renames it to `marts` in one transaction
   (orchestration/postgres/publish.py), so readers of `marts` only ever see a checked build. #}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}
    {%- elif target.type == 'postgres' and custom_schema_name | trim == 'marts' -%}marts_build
    {%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
