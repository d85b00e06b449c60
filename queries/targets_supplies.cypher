// SUPPLIES relationships among the given companies.
// $keys: company keys
MATCH (a:Company)-[:SUPPLIES]->(b:Company)
WHERE a.key IN $keys AND b.key IN $keys
RETURN a.key AS supplier, b.key AS customer
