// Industry nodes that map to no chain segment: those mapping to nothing first, then
// those mapping only to a whole chain; with how often the graph uses them.
MATCH (i:Industry)
OPTIONAL MATCH (i)-[:MAPS_TO]->(s:Segment)
WITH i, count(DISTINCT s) AS segments
WHERE segments = 0
OPTIONAL MATCH (i)-[:MAPS_TO]->(c:Chain)
WITH i, collect(DISTINCT c.name) AS chains
OPTIONAL MATCH (i)-[r]-(:Entity)
RETURN i.name AS industry, chains, size(coalesce(i.reports, [])) AS reports, count(r) AS relations
ORDER BY size(chains), relations DESC, reports DESC, industry
