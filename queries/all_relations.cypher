// Every relationship between graph nodes with its provenance (for the page and exports).
// evidence_reports (when stored) names the report of each evidence quote, position by position.
MATCH (a)-[r]->(b)
WHERE (a:Entity OR a:Chain OR a:Segment) AND (b:Entity OR b:Chain OR b:Segment)
RETURN a.key AS source, b.key AS target, type(r) AS type, r.evidence AS evidence,
       r.evidence_reports AS evidence_reports, r.reports AS reports, r.count AS count
ORDER BY source, type, target
