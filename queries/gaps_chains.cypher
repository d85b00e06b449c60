// Every chain template in the store with its names (for resolving a chain the user names).
MATCH (c:Chain)
RETURN c.key AS key, c.name AS name, c.name_en AS name_en, coalesce(c.aliases, []) AS aliases
ORDER BY key
