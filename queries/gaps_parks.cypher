// Every park with its name and surface forms (for resolving a park the user names).
MATCH (p:Park)
RETURN p.key AS key, p.name AS name, coalesce(p.forms, [p.name]) AS forms
ORDER BY key
