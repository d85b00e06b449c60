// Entity nodes per type.
MATCH (n:Entity)
RETURN n.type AS label, count(n) AS count
ORDER BY label
