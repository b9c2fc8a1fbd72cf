"""The warehouse on PostgreSQL (ACCORDS_WAREHOUSE_URL=postgresql://…): where to connect, loading the Parquet
hand-off with COPY, and publishing a checked build by renaming schemas. Nothing here is used on DuckDB."""
