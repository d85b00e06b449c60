// Stored companies with a match key starting with one of $prefixes (two characters):
// a short company name may abbreviate a longer stored one, or the other way round.
// One index lookup per prefix on stores whose index on Company.prefixes (the first two
// characters of each match key, kept by merge_entities.cypher) answers list membership
// (FalkorDB; kg.merge picks company_prefixes_scan.cypher for the others, e.g. Neo4j 5).
// $prefixes: list of two-character prefixes
UNWIND $prefixes AS p
MATCH (n:Company)
WHERE p IN n.prefixes
RETURN DISTINCT n.key AS key, n.type AS type, n.match_keys AS match_keys
