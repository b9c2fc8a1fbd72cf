"""The report people look at: published/report/index.html (one offline page), the Great Expectations results
as HTML under published/validation/, and dbt's docs under published/dbt-docs/."""
