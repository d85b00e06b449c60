// Direct upstream -> downstream links among the given segments.
// $segments: segment keys
MATCH (a:Segment)-[:UPSTREAM_OF]->(b:Segment)
WHERE a.key IN $segments AND b.key IN $segments
RETURN a.key AS upstream, a.name AS upstream_name, b.key AS downstream, b.name AS downstream_name
ORDER BY upstream, downstream
