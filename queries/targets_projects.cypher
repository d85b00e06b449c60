// Projects the given companies invest in.
// $keys: company keys
MATCH (c:Company)-[:INVESTS_IN]->(x:Project)
WHERE c.key IN $keys
RETURN DISTINCT x.key AS key
