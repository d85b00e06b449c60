// One entity's own properties.
// $key: entity key
MATCH (n:Entity {key: $key})
RETURN n.key AS key, n.name AS name, n.type AS type, coalesce(n.aliases, []) AS aliases,
       coalesce(n.reports, []) AS reports, n.stage AS stage, n.investment_cny AS investment_cny, n.role AS role
