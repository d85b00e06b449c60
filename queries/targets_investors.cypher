// Companies investing in the given projects, with the quotes (the investment, and where
// the project is located) and the parks of each project.
// $projects: project keys, $companies: only these investors (company keys), or null for every one
MATCH (c:Company)-[r:INVESTS_IN]->(x:Project)
WHERE x.key IN $projects AND ($companies IS NULL OR c.key IN $companies)
OPTIONAL MATCH (x)-[l:LOCATED_IN]->(p:Park)
WITH c, r, x, collect(DISTINCT p.name) AS parks, collect(l.evidence) AS located
RETURN c.key AS key, c.name AS name, x.key AS project, x.name AS project_name, parks,
       coalesce(r.evidence, []) + reduce(q = [], e IN located | q + coalesce(e, [])) AS evidence,
       coalesce(r.reports, []) AS reports
