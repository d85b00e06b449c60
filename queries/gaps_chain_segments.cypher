// Segments of the given chains in template order, each with the segments of the same
// chain it directly feeds (UPSTREAM_OF).
// $chains: chain keys
MATCH (c:Chain)-[h:HAS_SEGMENT]->(s:Segment)
WHERE c.key IN $chains
OPTIONAL MATCH (s)-[:UPSTREAM_OF]->(d:Segment)<-[:HAS_SEGMENT]-(c)
RETURN c.key AS chain, c.name AS chain_name, s.key AS key, s.name AS name, s.tier AS tier,
       h.position AS position, collect(d.key) AS feeds
ORDER BY chain, position
