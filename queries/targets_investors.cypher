// Companies investing in projects, with the quotes (the investment, and where the project is
// located) and the parks of each project: every investor of $projects, or the investments
// named by $pairs (the other one null; the UNWINDs leave the other branch empty).
// $projects: project keys or null, $pairs: [company key, project key] pairs or null
UNWIND coalesce($projects, []) AS k
MATCH (c:Company)-[r:INVESTS_IN]->(x:Entity {key: k})
OPTIONAL MATCH (x)-[l:LOCATED_IN]->(p:Park)
WITH c, r, x, collect(DISTINCT p.name) AS parks, collect(l.evidence) AS located
RETURN c.key AS key, c.name AS name, x.key AS project, x.name AS project_name, parks,
       coalesce(r.evidence, []) + reduce(q = [], e IN located | q + coalesce(e, [])) AS evidence,
       coalesce(r.reports, []) AS reports
UNION ALL
UNWIND coalesce($pairs, []) AS pair
MATCH (c:Entity {key: pair[0]})-[r:INVESTS_IN]->(x:Entity {key: pair[1]})
OPTIONAL MATCH (x)-[l:LOCATED_IN]->(p:Park)
WITH c, r, x, collect(DISTINCT p.name) AS parks, collect(l.evidence) AS located
RETURN c.key AS key, c.name AS name, x.key AS project, x.name AS project_name, parks,
       coalesce(r.evidence, []) + reduce(q = [], e IN located | q + coalesce(e, [])) AS evidence,
       coalesce(r.reports, []) AS reports
