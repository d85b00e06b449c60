// The $limit companies pre-ranked best (targets_prerank.cypher; prerank index): one row each
// with its park-independent score part (segment null), then one row per segment of $segments
// it works in, through its own name, an industry it is in, or a project it invests in.
// kg.analysis.targets widens $limit until no company outside the pool can reach the shortlist.
// (The nodes after c carry no label, so every walk starts at the pool, not at the segments.)
// $limit: how many of the best pre-ranked companies, $segments: segment keys
MATCH (c:Company) WHERE c.prerank <= $limit
RETURN c.key AS key, c.prescore AS static, null AS segment
UNION ALL
MATCH (c:Company) WHERE c.prerank <= $limit
MATCH (c)-[:MAPS_TO]->(s)
WHERE s.key IN $segments
RETURN DISTINCT c.key AS key, c.prescore AS static, s.key AS segment
UNION ALL
MATCH (c:Company) WHERE c.prerank <= $limit
MATCH (c)-[:IN_INDUSTRY]->(i)-[:MAPS_TO]->(s)
WHERE s.key IN $segments
RETURN DISTINCT c.key AS key, c.prescore AS static, s.key AS segment
UNION ALL
MATCH (c:Company) WHERE c.prerank <= $limit
MATCH (c)-[:INVESTS_IN]->(x)-[:MAPS_TO]->(s)
WHERE s.key IN $segments
RETURN DISTINCT c.key AS key, c.prescore AS static, s.key AS segment
UNION ALL
MATCH (c:Company) WHERE c.prerank <= $limit
MATCH (c)-[:INVESTS_IN]->(x)-[:IN_INDUSTRY]->(i)-[:MAPS_TO]->(s)
WHERE s.key IN $segments
RETURN DISTINCT c.key AS key, c.prescore AS static, s.key AS segment
