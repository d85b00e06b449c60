// Note a build that is writing to this graph: when it started, where it runs, and the
// reports of the chunk it is writing now (kg.build_marker).
// $rows: [{key, started, host, pid, loading}]
UNWIND $rows AS row
MERGE (b:KgBuild {key: row.key})
SET b.started = row.started, b.host = row.host, b.pid = row.pid, b.loading = row.loading
