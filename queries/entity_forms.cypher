// Stored entities with a match key in $keys (cross-report resolution), one index lookup
// per key on stores whose index on Entity.match_keys answers list membership (FalkorDB;
// kg.merge picks entity_forms_scan.cypher for the others, e.g. Neo4j 5).
// $keys: list of match keys
UNWIND $keys AS k
MATCH (n:Entity)
WHERE k IN n.match_keys
RETURN DISTINCT n.key AS key, n.type AS type, n.match_keys AS match_keys
