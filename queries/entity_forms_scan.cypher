// Stored entities with a match key in $keys (cross-report resolution), in one pass over
// the entity nodes (for stores that cannot index list members; see entity_forms.cypher).
// $keys: list of match keys
MATCH (n:Entity)
WHERE any(k IN n.match_keys WHERE k IN $keys)
RETURN n.key AS key, n.type AS type, n.match_keys AS match_keys
