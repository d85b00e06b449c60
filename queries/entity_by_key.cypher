// One entity node with every stored property (merging a stored node into another).
// $key: node key
MATCH (n:Entity {key: $key})
RETURN n.key AS key, n.type AS label, n.name AS name, n.forms AS forms, n.aliases AS aliases,
       n.match_keys AS match_keys, n.reports AS reports, n.stage AS stage,
       n.investment_cny AS investment_cny, n.investment_original AS investment_original, n.role AS role
