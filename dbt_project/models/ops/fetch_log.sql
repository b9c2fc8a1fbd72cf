-- a view: the fetch log grows by a file every run, even a run that finds nothing new and rebuilds no table
{{ config(materialized='view') }}

select * from {{ ref('stg_raw__fetch_log') }}
