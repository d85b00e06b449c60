// Every relationship between entity nodes with its provenance (for the page and exports).
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.key AS source, b.key AS target, type(r) AS type, r.evidence AS evidence,
       r.reports AS reports, r.count AS count
ORDER BY source, type, target
