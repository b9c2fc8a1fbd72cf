"""The Python stages of the flow, one module each: ingest (fetch), parse, extract, reference.

Each stage reads the hand-off tables of the stage before it and writes its own (orchestration/store),
without knowing anything of Dagster; orchestration/defs wires them as assets.
"""
