// Segments of $segments that given companies work in: through their own name, an industry they
// are in, or a project they invest in (as targets_pool.cypher does for the pre-ranked best).
// $keys: company keys, $segments: segment keys
UNWIND $keys AS k
MATCH (c:Entity {key: k})-[:INVESTS_IN*0..1]->(x)-[:MAPS_TO|IN_INDUSTRY*1..2]->(s)
WHERE c.type = 'Company' AND s.key IN $segments
RETURN DISTINCT c.key AS key, s.key AS segment
