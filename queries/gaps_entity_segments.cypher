// Chain segments entities work in: by their own name, or through an industry they are
// in (IN_INDUSTRY). Filter by entity keys and/or segment keys (null = no filter).
// $keys: entity keys or null, $segments: segment keys or null, $types: entity types
MATCH (x:Entity)-[m:MAPS_TO]->(s:Segment)
WHERE x.type IN $types AND ($keys IS NULL OR x.key IN $keys) AND ($segments IS NULL OR s.key IN $segments)
RETURN x.key AS key, x.name AS name, x.type AS type, s.key AS segment, s.name AS segment_name,
       'name' AS via, x.name AS via_name, m.rule AS rule, m.matched AS matched,
       [] AS evidence, coalesce(x.reports, []) AS reports
UNION ALL
MATCH (x:Entity)-[r:IN_INDUSTRY]->(i:Industry)-[m:MAPS_TO]->(s:Segment)
WHERE x.type IN $types AND ($keys IS NULL OR x.key IN $keys) AND ($segments IS NULL OR s.key IN $segments)
RETURN x.key AS key, x.name AS name, x.type AS type, s.key AS segment, s.name AS segment_name,
       'industry' AS via, i.name AS via_name, m.rule AS rule, m.matched AS matched,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
