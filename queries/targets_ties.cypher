// Relationships (either direction) between companies and the nodes of a park group. The walk
// starts at the park group's nodes (found by one `key IN` index scan) and meets the companies,
// found by theirs, in a hash join on the node (FalkorDB's Value Hash Join): a `c.key IN
// $companies` test on each of the hundreds of thousands of relationships of a large park's hub
// firms would compare against the whole list every time.
// $companies: company keys, $local: keys of the parks and their local firms and projects
MATCH (k:Company) WHERE k.key IN $companies
MATCH (x:Entity) WHERE x.key IN $local
MATCH (x)-[r]-(c:Company)
WHERE c = k
RETURN c.key AS key, type(r) AS rel, x.name AS other, coalesce(r.evidence, []) AS evidence,
       coalesce(r.reports, []) AS reports
