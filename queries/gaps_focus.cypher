// What a park group focuses on (FOCUSES_ON of the parks and of the agencies that
// administer them, or belong to those), mapped onto chain templates.
// $parks: park keys
MATCH (p:Park) WHERE p.key IN $parks
OPTIONAL MATCH (a:Agency)-[:ADMINISTERS]->(p)
OPTIONAL MATCH (b:Agency)-[:PART_OF*1..2]->(a)
WITH collect(DISTINCT p) + collect(DISTINCT a) + collect(DISTINCT b) AS actors
UNWIND actors AS who
WITH DISTINCT who
MATCH (who)-[f:FOCUSES_ON]->(i:Industry)-[m:MAPS_TO]->(t)
RETURN who.key AS actor, who.name AS actor_name, i.name AS industry, t.key AS target,
       CASE WHEN t:Segment THEN 'Segment' ELSE 'Chain' END AS kind,
       coalesce(t.chains, [t.key]) AS chains, m.primary AS primary,
       coalesce(f.evidence, []) AS evidence, coalesce(f.reports, []) AS reports
ORDER BY actor, industry, target
