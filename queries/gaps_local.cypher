// Companies and projects that belong to a park group, each with the link that makes it
// local: located in / investing in one of the parks, or (companies) investing in a
// project located there (`project` names that project). $keys limits the answer to those
// entities (found through the key index in one `key IN` scan; the far end is labelled Park,
// so FalkorDB follows only a firm's links into parks, not its thousands of others; null =
// every local firm, the walk then starts at the parks: x carries no label so not every entity
// is scanned). An empty key list and the UNWINDs leave the branches of the other way empty, so
// they cost nothing. $projects limits the projects through which the given companies are local
// (null = all of them); that walk then starts at those projects, not at every project of a
// company that invests in thousands (the company filter stands in a WITH: in the MATCH's WHERE
// it makes FalkorDB scan every node for c).
// $parks: park keys (a park and its sub-parks), $keys: entity keys or null, $projects: project keys or null
UNWIND CASE WHEN $keys IS NULL THEN [1] ELSE [] END AS every
MATCH (p:Park) WHERE p.key IN $parks
MATCH (x)-[r:LOCATED_IN|INVESTS_IN]->(p)
WHERE x.type IN ['Company', 'Project']
RETURN x.key AS key, x.name AS name, x.type AS type, x.stage AS stage, x.investment_cny AS investment_cny,
       p.key AS park, p.name AS park_name, type(r) AS rel, null AS project, null AS project_name,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
UNION ALL
UNWIND CASE WHEN $keys IS NULL THEN [1] ELSE [] END AS every
MATCH (p:Park) WHERE p.key IN $parks
MATCH (c:Company)-[r:INVESTS_IN]->(x:Project)-[:LOCATED_IN]->(p)
RETURN c.key AS key, c.name AS name, c.type AS type, c.stage AS stage, c.investment_cny AS investment_cny,
       p.key AS park, p.name AS park_name, 'INVESTS_IN' AS rel, x.key AS project, x.name AS project_name,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
UNION ALL
MATCH (x:Entity) WHERE x.key IN coalesce($keys, []) AND x.type IN ['Company', 'Project']
MATCH (x)-[r:LOCATED_IN|INVESTS_IN]->(p:Park)
WHERE p.key IN $parks
RETURN x.key AS key, x.name AS name, x.type AS type, x.stage AS stage, x.investment_cny AS investment_cny,
       p.key AS park, p.name AS park_name, type(r) AS rel, null AS project, null AS project_name,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
UNION ALL
MATCH (c:Entity) WHERE c.key IN CASE WHEN $projects IS NULL THEN coalesce($keys, []) ELSE [] END AND c.type = 'Company'
MATCH (c)-[r:INVESTS_IN]->(x:Project)-[:LOCATED_IN]->(p:Park)
WHERE p.key IN $parks
RETURN c.key AS key, c.name AS name, c.type AS type, c.stage AS stage, c.investment_cny AS investment_cny,
       p.key AS park, p.name AS park_name, 'INVESTS_IN' AS rel, x.key AS project, x.name AS project_name,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
UNION ALL
MATCH (x:Entity) WHERE x.key IN CASE WHEN $keys IS NULL THEN [] ELSE coalesce($projects, []) END AND x.type = 'Project'
MATCH (x)-[:LOCATED_IN]->(p:Park)
WHERE p.key IN $parks
MATCH (c)-[r:INVESTS_IN]->(x)
WITH c, r, x, p WHERE c.type = 'Company' AND c.key IN $keys
RETURN c.key AS key, c.name AS name, c.type AS type, c.stage AS stage, c.investment_cny AS investment_cny,
       p.key AS park, p.name AS park_name, 'INVESTS_IN' AS rel, x.key AS project, x.name AS project_name,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
