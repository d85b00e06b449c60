// Stored entities that new reports may resolve to (cross-report resolution): those with
// a match key in $keys, and companies with a match key starting with one of $prefixes
// (two characters; a short company name may abbreviate a longer stored one).
// $keys: list of match keys; $prefixes: list of two-character prefixes
MATCH (n:Entity)
WHERE any(k IN n.match_keys WHERE k IN $keys)
   OR (n.type = 'Company' AND any(k IN n.match_keys WHERE substring(k, 0, 2) IN $prefixes))
RETURN n.key AS key, n.type AS type, n.match_keys AS match_keys
ORDER BY key
