{#- Whether two reports' host cities are one place: the same city, or two cities of one first-level region (a
    province, a prefecture) within 50 km, as a county-level city and the prefecture city that reports name in its
    stead. Null when either report has no host city. Degrees to km: 111 km a degree of latitude, longitude scaled
    by the cosine of the latitude. -#}
{% macro same_host_place(left, right) -%}
    ({{ left }}.host_city_id = {{ right }}.host_city_id
     or ({{ left }}.host_country = {{ right }}.host_country and {{ left }}.host_admin1 = {{ right }}.host_admin1
         and power(({{ left }}.host_latitude - {{ right }}.host_latitude) * 111.0, 2)
             + power(({{ left }}.host_longitude - {{ right }}.host_longitude) * 111.0
                     * cos(radians({{ left }}.host_latitude)), 2) < 2500))
{%- endmacro %}
