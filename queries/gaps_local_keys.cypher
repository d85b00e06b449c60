// Keys of the companies and projects local to a park group, as gaps_local.cypher finds
// them but without the links and quotes (one list per branch).
// $parks: park keys (a park and its sub-parks)
MATCH (p:Park) WHERE p.key IN $parks
MATCH (x)-[:LOCATED_IN|INVESTS_IN]->(p)
WHERE x.type IN ['Company', 'Project']
RETURN collect(DISTINCT x.key) AS keys
UNION ALL
MATCH (p:Park) WHERE p.key IN $parks
MATCH (c:Company)-[:INVESTS_IN]->(:Project)-[:LOCATED_IN]->(p)
RETURN collect(DISTINCT c.key) AS keys
