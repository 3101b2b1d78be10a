"""`flashpoint bench`: score the pipeline against the shared gold data and time it.

`scoring` holds the pure scorers, `datasets` the loaders of the gold files, `tasks` one
function per benchmark task, and `runner` puts them together (`run_bench`) and renders
the table. Nothing here is imported by the pipeline.
"""
