// Segments of $segments that given companies work in: through their own name, an industry they
// are in, or a project they invest in (as targets_pool.cypher does for the pre-ranked best).
// $keys: company keys, $segments: segment keys
MATCH (c:Entity) WHERE c.key IN $keys AND c.type = 'Company'
MATCH (c)-[:INVESTS_IN*0..1]->(x)-[:MAPS_TO|IN_INDUSTRY*1..2]->(s)
WHERE s.key IN $segments
RETURN DISTINCT c.key AS key, s.key AS segment
