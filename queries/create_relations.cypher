// Create relationships of one type that cannot be stored yet, because one end was created in the
// same write (kg.writer): the properties merge_relations.cypher gives a relationship it creates,
// without its comparisons with old values. A (head, tail) pair must appear once in $rows.
// $rows: [{head, tail, evidence, evidence_reports, reports, mentions}]
UNWIND $rows AS row
MATCH (a:Entity {key: row.head})
MATCH (b:Entity {key: row.tail})
CREATE (a)-[r:__REL__]->(b)
SET r.evidence = row.evidence, r.evidence_reports = row.evidence_reports, r.reports = row.reports,
    r.mentions = row.mentions, r.count = size(row.mentions)
