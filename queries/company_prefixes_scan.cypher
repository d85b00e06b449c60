// Stored companies with a match key starting with one of $prefixes, in one pass over the
// companies (for stores that cannot index list members; see company_prefixes.cypher).
// $prefixes: list of two-character prefixes
MATCH (n:Company)
WHERE any(p IN n.prefixes WHERE p IN $prefixes)
RETURN n.key AS key, n.type AS type, n.match_keys AS match_keys
