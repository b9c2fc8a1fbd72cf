{#- Whether two reports' host cities are one place: the same city, or two cities of one first-level region (a
    province, a prefecture) within 50 km, as a county-level city and the prefecture city that reports name in its
    stead. Null when either report has no host city. Degrees to km: 111 km a degree of latitude, longitude scaled
    by the cosine of the latitude. ``prefix`` names another set of the same columns (``stated_``: the hosts a report
    states, not those only its dateline gives). -#}
{% macro same_host_place(left, right, prefix='') -%}
    ({{ left }}.{{ prefix }}host_city_id = {{ right }}.{{ prefix }}host_city_id
     or ({{ left }}.{{ prefix }}host_country = {{ right }}.{{ prefix }}host_country
         and {{ left }}.{{ prefix }}host_admin1 = {{ right }}.{{ prefix }}host_admin1
         and power(({{ left }}.{{ prefix }}host_latitude - {{ right }}.{{ prefix }}host_latitude) * 111.0, 2)
             + power(({{ left }}.{{ prefix }}host_longitude - {{ right }}.{{ prefix }}host_longitude) * 111.0
                     * cos(radians({{ left }}.{{ prefix }}host_latitude)), 2) < 2500))
{%- endmacro %}
