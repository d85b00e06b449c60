// Existing entities that share a match key with the incoming ones (cross-report resolution).
// $keys: list of match keys
MATCH (n:Entity)
WHERE any(k IN n.match_keys WHERE k IN $keys)
RETURN n.key AS key, n.type AS type, n.match_keys AS match_keys
