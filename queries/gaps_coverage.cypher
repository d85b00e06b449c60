// Per chain segment of $segments, how many local companies and projects of a park group work
// in it, and the first $examples of them, best known first (most reports naming them, then
// key), with their report counts (kg.analysis.presence.segment_cover). No firm's links or
// quotes leave the store. A firm is local when it is located in / invests in one of the
// parks; it works in a segment by its own name or through an industry it is IN_INDUSTRY of
// (MAPS_TO, or IN_INDUSTRY then MAPS_TO); a company investing in a project located there
// works in that project's segments too.
// (x carries no label in the pattern so the walk starts at the parks, not at every entity.)
// $parks: park keys (a park and its sub-parks), $segments: segment keys asked about,
// $examples: ranked firms returned per segment
MATCH (p:Park) WHERE p.key IN $parks
MATCH (x)-[r:LOCATED_IN|INVESTS_IN]->(p)
WHERE x.type IN ['Company', 'Project']
WITH x, max(CASE WHEN x.type = 'Project' AND type(r) = 'LOCATED_IN' THEN 1 ELSE 0 END) AS hosted
MATCH (x)-[:MAPS_TO|IN_INDUSTRY*1..2]->(s:Segment)
WHERE s.key IN $segments
WITH DISTINCT x, hosted, s
OPTIONAL MATCH (c:Company)-[:INVESTS_IN]->(x) WHERE hosted = 1
WITH s, x, collect(c) AS investors
UNWIND [x] + investors AS f
WITH DISTINCT s, f
WITH s, f, size(coalesce(f.reports, [])) AS known ORDER BY known DESC, f.key
RETURN s.key AS segment, count(f) AS firms, collect([f.key, known])[..$examples] AS best
