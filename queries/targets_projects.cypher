// Projects the given companies invest in that work in one of $segments (by their own name or
// an industry they are in): per company and segment at most $per_segment, the largest known
// investment first, so a company with thousands of projects is not read whole. (The walk starts at
// the companies, found through the key index in one `key IN` scan, not at the segments.)
// $keys: company keys, $segments: segment keys, $per_segment: projects kept per company and segment
MATCH (c:Entity) WHERE c.key IN $keys AND c.type = 'Company'
MATCH (c)-[:INVESTS_IN]->(x:Project)-[:MAPS_TO]->(s)
WHERE s.key IN $segments
WITH c, s, x ORDER BY coalesce(x.investment_cny, 0) DESC, x.key
WITH c, s, collect(x.key)[..$per_segment] AS projects
UNWIND projects AS project
RETURN c.key AS company, project
UNION
MATCH (c:Entity) WHERE c.key IN $keys AND c.type = 'Company'
MATCH (c)-[:INVESTS_IN]->(x:Project)-[:IN_INDUSTRY]->(i)-[:MAPS_TO]->(s)
WHERE s.key IN $segments
WITH DISTINCT c, s, x
WITH c, s, x ORDER BY coalesce(x.investment_cny, 0) DESC, x.key
WITH c, s, collect(x.key)[..$per_segment] AS projects
UNWIND projects AS project
RETURN c.key AS company, project
