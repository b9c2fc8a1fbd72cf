-- Which event id each document event carries, as a log: a row when a report first gets an id or changes id.
-- Ids are carried forward from the previous run, so adding documents never renames an event:
--   * a component whose reports had ids keeps the oldest of them (first assigned, then the smallest);
--     the others stop being ids, and ops.event_id_map says where they went;
--   * an id claimed by two components (a split) stays with the one holding most of its reports, then the one
--     with the smallest report;
--   * only a brand-new component is named by its smallest report (the same id a first run gives it).
{{ config(materialized='incremental', full_refresh=false, on_schema_change='fail') }}

with components as (
    select event_ref, cluster_ref from {{ ref('int_event_components') }}
),

{% if is_incremental() %}
history as (
    select event_ref, event_id, assigned_at from {{ this }}
),
{% else %}
history as (
    select null::varchar as event_ref, null::varchar as event_id, null::timestamp as assigned_at
    where false
),
{% endif %}

previous as (
    select event_ref, event_id
    from (
        select event_ref, event_id, row_number() over (partition by event_ref order by assigned_at desc, event_id) as id_rank
        from history
    ) as ranked
    where id_rank = 1
),

id_age as (
    select event_id, min(assigned_at) as first_assigned_at from history group by event_id
),

claims as (
    select components.cluster_ref, previous.event_id, count(*) as reports
    from components
    inner join previous using (event_ref)
    group by components.cluster_ref, previous.event_id
),

owners as (
    select event_id, cluster_ref
    from (
        select event_id, cluster_ref, row_number() over (partition by event_id order by reports desc, cluster_ref) as claim_rank
        from claims
    ) as ranked
    where claim_rank = 1
),

kept as (
    select cluster_ref, event_id
    from (
        select
            owners.cluster_ref, owners.event_id,
            row_number() over (partition by owners.cluster_ref order by id_age.first_assigned_at, owners.event_id) as age_rank
        from owners
        inner join id_age using (event_id)
    ) as ranked
    where age_rank = 1
),

assigned as (
    select
        components.event_ref,
        coalesce(
            kept.event_id,
            -- a new component whose smallest report once named an event that now lives elsewhere gets a fresh id
            case when {{ stable_id(['components.cluster_ref']) }} in (select event_id from id_age)
                then {{ stable_id(['components.cluster_ref', "'renamed'", 'current_timestamp']) }}
                else {{ stable_id(['components.cluster_ref']) }}
            end
        ) as event_id
    from components
    left join kept using (cluster_ref)
)

-- explicit types: an incremental run compares them with the table's (PostgreSQL tells text from varchar)
select
    cast(assigned.event_ref as varchar) as event_ref,
    cast(assigned.event_id as varchar) as event_id,
    cast(current_timestamp as timestamp) as assigned_at
from assigned
left join previous using (event_ref)
where previous.event_id is distinct from assigned.event_id
