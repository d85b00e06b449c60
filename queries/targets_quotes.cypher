// Quotes naming each company: evidence of its relationships, where it is located first.
// $keys: company keys
MATCH (c:Company)-[r]-(:Entity)
WHERE c.key IN $keys AND r.evidence IS NOT NULL
WITH c, r ORDER BY CASE type(r) WHEN 'LOCATED_IN' THEN 0 WHEN 'INVESTS_IN' THEN 1 ELSE 2 END
RETURN c.key AS key, collect(r.evidence) AS quotes
