// Per chain segment, the local companies and projects of a park group working in it,
// without their quotes (kg.analysis.presence.covered_segments): every key, best known first
// (most reports naming it, then key), and the first $examples of them with their report
// counts. A firm is local when it is located in / invests in one of the parks; it works in
// a segment by its own name or through an industry it is IN_INDUSTRY of; a company that
// invests in a project located there works in that project's segments. One branch per
// way; a firm may come from several, so kg.analysis.presence counts the union of the keys.
// (x carries no label in the pattern so the walk starts at the parks, not at every entity.)
// $parks: park keys (a park and its sub-parks), $segments: segment keys asked about,
// $examples: ranked firms returned per segment
MATCH (p:Park) WHERE p.key IN $parks
MATCH (x)-[:LOCATED_IN|INVESTS_IN]->(p)
WHERE x.type IN ['Company', 'Project']
WITH DISTINCT x
MATCH (x)-[:MAPS_TO]->(s:Segment)
WHERE s.key IN $segments
WITH s, x, size(coalesce(x.reports, [])) AS known ORDER BY known DESC, x.key
RETURN s.key AS segment, collect(x.key) AS firms, collect([x.key, known])[..$examples] AS best
UNION ALL
MATCH (p:Park) WHERE p.key IN $parks
MATCH (x)-[:LOCATED_IN|INVESTS_IN]->(p)
WHERE x.type IN ['Company', 'Project']
WITH DISTINCT x
MATCH (x)-[:IN_INDUSTRY]->(:Industry)-[:MAPS_TO]->(s:Segment)
WHERE s.key IN $segments
WITH DISTINCT s, x
WITH s, x, size(coalesce(x.reports, [])) AS known ORDER BY known DESC, x.key
RETURN s.key AS segment, collect(x.key) AS firms, collect([x.key, known])[..$examples] AS best
UNION ALL
MATCH (p:Park) WHERE p.key IN $parks
MATCH (c:Company)-[:INVESTS_IN]->(x:Project)-[:LOCATED_IN]->(p)
WITH DISTINCT c, x
MATCH (x)-[:MAPS_TO]->(s:Segment)
WHERE s.key IN $segments
WITH DISTINCT s, c
WITH s, c, size(coalesce(c.reports, [])) AS known ORDER BY known DESC, c.key
RETURN s.key AS segment, collect(c.key) AS firms, collect([c.key, known])[..$examples] AS best
UNION ALL
MATCH (p:Park) WHERE p.key IN $parks
MATCH (c:Company)-[:INVESTS_IN]->(x:Project)-[:LOCATED_IN]->(p)
WITH DISTINCT c, x
MATCH (x)-[:IN_INDUSTRY]->(:Industry)-[:MAPS_TO]->(s:Segment)
WHERE s.key IN $segments
WITH DISTINCT s, c
WITH s, c, size(coalesce(c.reports, [])) AS known ORDER BY known DESC, c.key
RETURN s.key AS segment, collect(c.key) AS firms, collect([c.key, known])[..$examples] AS best
