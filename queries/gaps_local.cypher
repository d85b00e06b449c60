// Companies and projects that belong to a park group, each with the link that makes it
// local: located in / investing in one of the parks, or (companies) investing in a
// project located there (`project` names that project).
// (x carries no label in the pattern so the walk starts at the parks, not at every entity.)
// $parks: park keys (a park and its sub-parks)
MATCH (p:Park) WHERE p.key IN $parks
MATCH (x)-[r:LOCATED_IN|INVESTS_IN]->(p)
WHERE x.type IN ['Company', 'Project']
RETURN x.key AS key, x.name AS name, x.type AS type, x.stage AS stage, x.investment_cny AS investment_cny,
       p.key AS park, p.name AS park_name, type(r) AS rel, null AS project, null AS project_name,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
UNION ALL
MATCH (p:Park) WHERE p.key IN $parks
MATCH (c:Company)-[r:INVESTS_IN]->(x:Project)-[:LOCATED_IN]->(p)
RETURN c.key AS key, c.name AS name, c.type AS type, c.stage AS stage, c.investment_cny AS investment_cny,
       p.key AS park, p.name AS park_name, 'INVESTS_IN' AS rel, x.key AS project, x.name AS project_name,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
