// One page of entity nodes in key order (keyset paging: keys after $after), with every
// stored property. Used to stream the whole graph (exports, re-resolving the store).
// $after: last key of the previous page ("" for the first); $limit: page size
MATCH (n:Entity)
WHERE n.key > $after
RETURN n.key AS key, n.type AS label, n.name AS name, n.forms AS forms, n.aliases AS aliases,
       n.match_keys AS match_keys, n.reports AS reports, n.stage AS stage,
       n.investment_cny AS investment_cny, n.investment_original AS investment_original, n.role AS role
ORDER BY key
LIMIT $limit
