// Parks inside each given park through parks only (PART_OF / LOCATED_IN, up to four
// steps), the park itself excluded.
// $parks: park keys
MATCH (p:Park) WHERE p.key IN $parks
OPTIONAL MATCH path = (sub:Park)-[:PART_OF|LOCATED_IN*1..4]->(p)
WHERE all(n IN nodes(path) WHERE n:Park)
WITH p, [k IN collect(DISTINCT sub.key) WHERE k <> p.key] AS members
RETURN p.key AS key, members
