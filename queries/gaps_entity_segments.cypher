// Chain segments entities work in: by their own name, or through an industry they are
// in (IN_INDUSTRY). Filter by entity keys and/or segment keys (null = no filter).
// Given keys, the entities are found through the key index (one `key IN` scan: in FalkorDB an
// UNWIND of the keys with one lookup each costs several times more); without keys the walk
// starts at the (few) segments and follows MAPS_TO backwards, so neither way scans all entities
// (an empty key list and the UNWINDs leave the branches of the other way empty, so they cost nothing).
// $keys: entity keys or null, $segments: segment keys or null, $types: entity types
MATCH (x:Entity) WHERE x.key IN coalesce($keys, []) AND x.type IN $types
MATCH (x)-[m:MAPS_TO]->(s:Segment)
WHERE ($segments IS NULL OR s.key IN $segments)
RETURN x.key AS key, x.name AS name, x.type AS type, s.key AS segment, s.name AS segment_name,
       'name' AS via, x.name AS via_name, m.rule AS rule, m.matched AS matched,
       [] AS evidence, coalesce(x.reports, []) AS reports
UNION ALL
MATCH (x:Entity) WHERE x.key IN coalesce($keys, []) AND x.type IN $types
MATCH (x)-[r:IN_INDUSTRY]->(i:Industry)-[m:MAPS_TO]->(s:Segment)
WHERE ($segments IS NULL OR s.key IN $segments)
RETURN x.key AS key, x.name AS name, x.type AS type, s.key AS segment, s.name AS segment_name,
       'industry' AS via, i.name AS via_name, m.rule AS rule, m.matched AS matched,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
UNION ALL
UNWIND CASE WHEN $keys IS NULL THEN [1] ELSE [] END AS no_keys
MATCH (s:Segment)
WHERE $segments IS NULL OR s.key IN $segments
MATCH (x)-[m:MAPS_TO]->(s)
WHERE x.type IN $types
RETURN x.key AS key, x.name AS name, x.type AS type, s.key AS segment, s.name AS segment_name,
       'name' AS via, x.name AS via_name, m.rule AS rule, m.matched AS matched,
       [] AS evidence, coalesce(x.reports, []) AS reports
UNION ALL
UNWIND CASE WHEN $keys IS NULL THEN [1] ELSE [] END AS no_keys
MATCH (s:Segment)
WHERE $segments IS NULL OR s.key IN $segments
MATCH (x)-[r:IN_INDUSTRY]->(i:Industry)-[m:MAPS_TO]->(s)
WHERE x.type IN $types
RETURN x.key AS key, x.name AS name, x.type AS type, s.key AS segment, s.name AS segment_name,
       'industry' AS via, i.name AS via_name, m.rule AS rule, m.matched AS matched,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
