// Nodes whose names map onto chain templates: industries, and companies / projects
// (their names often say what they make: 宇通新能源商用车基地).
MATCH (n:Entity)
WHERE n.type IN ['Industry', 'Company', 'Project']
RETURN n.key AS key, n.name AS name, n.forms AS forms
ORDER BY key
