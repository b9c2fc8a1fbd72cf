-- Every event id that stopped being an event id, and the event it became: an id whose reports now carry
-- another id (two existing events merged). Where its reports went to several events, the one with most of them.
with history as (
    select event_ref, event_id, assigned_at from {{ ref('event_id_assignments') }}
),

current_ids as (
    select event_ref, event_id, assigned_at
    from (
        select
            event_ref, event_id, assigned_at,
            row_number() over (partition by event_ref order by assigned_at desc, event_id) as id_rank
        from history
        where event_ref in (select event_ref from {{ ref('int_event_components') }})
    ) as ranked
    where id_rank = 1
),

retired as (
    select distinct event_id from history
    where event_id not in (select event_id from current_ids)
),

moves as (
    select
        history.event_id as old_event_id,
        current_ids.event_id,
        count(distinct history.event_ref) as reports,
        max(current_ids.assigned_at) as changed_at
    from history
    inner join current_ids using (event_ref)
    where history.event_id in (select event_id from retired)
    group by history.event_id, current_ids.event_id
)

select old_event_id, event_id, changed_at, 'merged' as reason
from (
    select
        old_event_id, event_id, changed_at,
        row_number() over (partition by old_event_id order by reports desc, event_id) as move_rank
    from moves
) as ranked
where move_rank = 1
