// Every relationship of one entity, outgoing and incoming, with the neighbour's facts.
// $key: entity key
MATCH (n:Entity {key: $key})-[r]->(m:Entity)
RETURN 'out' AS direction, type(r) AS rel, m.key AS key, m.name AS name, m.type AS type,
       m.stage AS stage, m.investment_cny AS investment_cny,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
UNION ALL
MATCH (n:Entity {key: $key})<-[r]-(m:Entity)
RETURN 'in' AS direction, type(r) AS rel, m.key AS key, m.name AS name, m.type AS type,
       m.stage AS stage, m.investment_cny AS investment_cny,
       coalesce(r.evidence, []) AS evidence, coalesce(r.reports, []) AS reports
