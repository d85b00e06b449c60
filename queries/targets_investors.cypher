// Companies investing in projects, with the quotes (the investment, and where the project is
// located) and the parks of each project: every investor of $projects, or the investments
// named by $pairs (the other one null; an empty list leaves the other branch empty). A pair is
// walked from its project: its company may invest in thousands of projects, a project has few
// investors (the company test stands in a WITH, else FalkorDB starts at the company).
// $projects: project keys or null, $pairs: [company key, project key] pairs or null
MATCH (x:Entity) WHERE x.key IN coalesce($projects, [])
MATCH (c:Company)-[r:INVESTS_IN]->(x)
OPTIONAL MATCH (x)-[l:LOCATED_IN]->(p:Park)
WITH c, r, x, collect(DISTINCT p.name) AS parks, collect(l.evidence) AS located
RETURN c.key AS key, c.name AS name, x.key AS project, x.name AS project_name, parks,
       coalesce(r.evidence, []) + reduce(q = [], e IN located | q + coalesce(e, [])) AS evidence,
       coalesce(r.reports, []) AS reports
UNION ALL
UNWIND coalesce($pairs, []) AS pair
MATCH (x:Entity {key: pair[1]})
MATCH (c:Company)-[r:INVESTS_IN]->(x)
WITH pair, c, r, x WHERE c.key = pair[0]
OPTIONAL MATCH (x)-[l:LOCATED_IN]->(p:Park)
WITH c, r, x, collect(DISTINCT p.name) AS parks, collect(l.evidence) AS located
RETURN c.key AS key, c.name AS name, x.key AS project, x.name AS project_name, parks,
       coalesce(r.evidence, []) + reduce(q = [], e IN located | q + coalesce(e, [])) AS evidence,
       coalesce(r.reports, []) AS reports
