-- An alphabetic event name that says only what kind of event it was: one word («Экспо», "Summit"), or words with
-- no capital ("международного форума", "the forum"). A proper name (Amur Autumn Fair) has capitals beyond its
-- first word. Chinese and Japanese names have no case and are never taken for bare kinds here.
{% macro named_by_kind_alone(event) -%}
    (coalesce({{ regexp_group(event ~ '.event_name', "'([a-zа-яё])'") }}, '') <> ''
     and ({{ event }}.event_name = lower({{ event }}.event_name) or strpos(trim({{ event }}.event_name), ' ') = 0))
{%- endmacro %}
