// Companies investing in the given projects, with the quote and where each project is.
// $projects: project keys
MATCH (c:Company)-[r:INVESTS_IN]->(x:Project)
WHERE x.key IN $projects
OPTIONAL MATCH (x)-[l:LOCATED_IN]->(p:Park)
RETURN c.key AS key, c.name AS name, x.key AS project, x.name AS project_name,
       collect(DISTINCT p.name) AS parks, coalesce(r.evidence, []) AS evidence,
       coalesce(r.reports, []) AS reports
