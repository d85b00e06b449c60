// Projects that make given companies cover given segments: for each [company, segment] pair,
// the projects located in one of the parks that the company invests in and that work in the
// segment (by their own name, or an industry they are IN_INDUSTRY of), at most $per_segment of
// them, the largest known investment first (then key). The examples of
// kg.analysis.presence.with_examples are read through these only, not through every local
// project of a company that invests in thousands. (Pairs are grouped per company, so each
// project is walked once.)
// $pairs: [company key, segment key] pairs, $parks: park keys (a park and its sub-parks),
// $per_segment: projects kept per company and segment
UNWIND $pairs AS pair
WITH pair[0] AS company, collect(pair[1]) AS segments
MATCH (c:Entity {key: company})-[:INVESTS_IN]->(x:Project)-[:LOCATED_IN]->(p)
WHERE c.type = 'Company' AND p.key IN $parks
WITH DISTINCT company, x, segments
MATCH (x)-[:MAPS_TO|IN_INDUSTRY*1..2]->(s)
WHERE s.key IN segments
WITH DISTINCT company, s.key AS segment, x
WITH company, segment, x ORDER BY coalesce(x.investment_cny, 0) DESC, x.key
WITH company, segment, collect(x.key)[..$per_segment] AS projects
UNWIND projects AS project
RETURN company, segment, project
