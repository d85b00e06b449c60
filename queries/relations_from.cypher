// Relationships between entity nodes that start at any of $keys, with all provenance.
// $keys: list of node keys
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.key IN $keys
RETURN a.key AS source, b.key AS target, type(r) AS type, r.evidence AS evidence,
       r.evidence_reports AS evidence_reports, r.reports AS reports, r.mentions AS mentions, r.count AS count
ORDER BY source, type, target
