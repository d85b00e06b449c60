// Relationships (either direction) between companies and the nodes of a park group.
// $companies: company keys, $local: keys of the parks and their local firms and projects
MATCH (c:Company)-[r]-(x:Entity)
WHERE c.key IN $companies AND x.key IN $local
RETURN c.key AS key, type(r) AS rel, x.name AS other, coalesce(r.evidence, []) AS evidence,
       coalesce(r.reports, []) AS reports
