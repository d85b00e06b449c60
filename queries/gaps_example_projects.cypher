// Projects that make given companies cover given segments: for each [company, segment] pair,
// the projects located in one of the parks that the company invests in and that work in the
// segment (by their own name, or an industry they are IN_INDUSTRY of). The examples of
// kg.analysis.presence.with_examples read only these, not every local project of a company
// that invests in thousands. (Pairs are grouped per company, so each project is walked once.)
// $pairs: [company key, segment key] pairs, $parks: park keys (a park and its sub-parks)
UNWIND $pairs AS pair
WITH pair[0] AS company, collect(pair[1]) AS segments
MATCH (c:Entity {key: company})-[:INVESTS_IN]->(x:Project)-[:LOCATED_IN]->(p)
WHERE c.type = 'Company' AND p.key IN $parks
WITH DISTINCT x, segments
MATCH (x)-[:MAPS_TO|IN_INDUSTRY*1..2]->(s)
WHERE s.key IN segments
RETURN DISTINCT x.key AS project
