// Per chain segment of $segments, how many local companies and projects of a park group work
// in it, and the first $examples of them, best known first (most reports naming them, then
// key; their keys only: kg.analysis.presence.segment_cover). No firm's links or
// quotes leave the store. A firm is local when it is located in / invests in one of the
// parks; it works in a segment by its own name or through an industry it is IN_INDUSTRY of
// (MAPS_TO, or IN_INDUSTRY then MAPS_TO); a company investing in a project located there
// works in that project's segments too.
// The walk starts at the parks (x carries no label, so not every entity is scanned) and stays
// one row per firm, link, path and segment until one DISTINCT: the investors of a hosted project
// join through a path of length 0 or 1 (f is x itself, or a company investing in it when x is a
// project located in the park) instead of a per-firm aggregate and an OPTIONAL MATCH, which cost
// twice as much on a park of 30,000 firms. The segment key alone says what s is (no label test
// on 100,000 rows).
// $parks: park keys (a park and its sub-parks), $segments: segment keys asked about,
// $examples: ranked firms returned per segment
MATCH (p:Park) WHERE p.key IN $parks
MATCH (x)-[r:LOCATED_IN|INVESTS_IN]->(p)
WHERE x.type IN ['Company', 'Project']
MATCH (x)-[:MAPS_TO|IN_INDUSTRY*1..2]->(s)
WHERE s.key IN $segments
MATCH (f)-[:INVESTS_IN*0..1]->(x)
WHERE f = x OR (x.type = 'Project' AND type(r) = 'LOCATED_IN' AND f.type = 'Company')
WITH DISTINCT s, f
WITH s, f.key AS key, size(coalesce(f.reports, [])) AS known ORDER BY known DESC, key
RETURN s.key AS segment, count(key) AS firms, collect(key)[..$examples] AS best
