// Stored companies with a match key starting with one of $prefixes (two characters):
// a short company name may abbreviate a longer stored one, or the other way round.
// $prefixes: list of two-character prefixes
MATCH (n:Company)
WHERE any(k IN n.match_keys WHERE substring(k, 0, 2) IN $prefixes)
RETURN n.key AS key, n.type AS type, n.match_keys AS match_keys
