// Relationships (either direction) between companies and the nodes of a park group. The walk
// starts at the park group's nodes and tests the (few) shortlisted companies at the other end,
// not at the companies, whose thousands of relationships would each be tested against every
// local key (the test stands in a WITH: in the MATCH's WHERE FalkorDB starts at the companies).
// $companies: company keys, $local: keys of the parks and their local firms and projects
UNWIND $local AS k
MATCH (x:Entity {key: k})-[r]-(c)
WITH x, r, c WHERE c.type = 'Company' AND c.key IN $companies
RETURN c.key AS key, type(r) AS rel, x.name AS other, coalesce(r.evidence, []) AS evidence,
       coalesce(r.reports, []) AS reports
