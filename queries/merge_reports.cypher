// Upsert one node per report with where and when it was reported. Entities and
// relationships list report ids in `reports`; this node's key is that id.
// The latest load of a report sets its metadata (a value it no longer states is removed).
// $rows: [{key, path, source, title, date, zone, format}]
UNWIND $rows AS row
MERGE (r:Report {key: row.key})
SET r.path = row.path,
    r.source = row.source,
    r.title = row.title,
    r.date = row.date,
    r.zone = row.zone,
    r.format = row.format
