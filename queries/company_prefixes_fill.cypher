// Give companies stored before Company.prefixes existed their prefixes (the first two
// characters of each match key; see company_prefixes.cypher). Touches no other node.
MATCH (n:Company)
WHERE n.prefixes IS NULL
SET n.prefixes = [k IN coalesce(n.match_keys, []) | substring(k, 0, 2)]
