// Entities one of whose surface forms equals ($exact = true) or contains $name.
// $name: normalised name, $exact: boolean, $limit: most rows
MATCH (n:Entity)
WHERE any(f IN coalesce(n.forms, [n.name]) WHERE ($exact AND f = $name) OR (NOT $exact AND f CONTAINS $name))
RETURN n.key AS key, n.name AS name, n.type AS type, coalesce(n.forms, [n.name]) AS forms
ORDER BY size(n.name), key
LIMIT $limit
