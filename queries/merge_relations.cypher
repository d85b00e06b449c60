// Upsert relationships of one type between existing entity nodes. Evidence, reports
// and mentions ("report@offset") grow as set unions; count = number of mentions.
// New values are computed in WITH before one SET (see merge_entities.cypher for why).
// $rows: [{head, tail, evidence, reports, mentions}]
UNWIND $rows AS row
MATCH (a:Entity {key: row.head})
MATCH (b:Entity {key: row.tail})
MERGE (a)-[r:__REL__]->(b)
WITH r, row, coalesce(r.evidence, []) AS old_evidence, coalesce(r.reports, []) AS old_reports,
     coalesce(r.mentions, []) AS old_mentions
WITH r, old_evidence + [x IN row.evidence WHERE NOT x IN old_evidence] AS evidence,
     old_reports + [x IN row.reports WHERE NOT x IN old_reports] AS reports,
     old_mentions + [x IN row.mentions WHERE NOT x IN old_mentions] AS mentions
SET r.evidence = evidence, r.reports = reports, r.mentions = mentions, r.count = size(mentions)
