// Relationships between entity nodes that end at $key, with all provenance.
// $key: node key
MATCH (a:Entity)-[r]->(b:Entity {key: $key})
RETURN a.key AS source, b.key AS target, type(r) AS type, r.evidence AS evidence,
       r.evidence_reports AS evidence_reports, r.reports AS reports, r.mentions AS mentions, r.count AS count
ORDER BY source, type, target
