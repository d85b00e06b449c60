// Names and forms of every entity (for "did you mean" suggestions).
MATCH (n:Entity)
RETURN n.key AS key, n.name AS name, n.type AS type, coalesce(n.forms, [n.name]) AS forms
