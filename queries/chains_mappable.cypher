// Nodes whose names map onto chain templates — industries, and companies / projects
// (their names often say what they make: 宇通新能源商用车基地) — that were not yet
// mapped under this mapping version with their current name and forms (all when $all).
// $version: the mapping version, $all: boolean
MATCH (n:Entity)
WHERE n.type IN ['Industry', 'Company', 'Project']
  AND ($all OR n.maps_version IS NULL OR n.maps_version <> $version OR n.maps_name <> n.name
       OR n.maps_forms <> size(coalesce(n.forms, [])))
RETURN n.key AS key, n.name AS name, coalesce(n.forms, []) AS forms
ORDER BY key
