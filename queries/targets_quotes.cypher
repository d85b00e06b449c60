// Quotes naming each company: evidence of its relationships, where it is located first, from
// at most $per_company relationships (a company with thousands of them is not read whole).
// $keys: company keys, $per_company: relationships whose quotes are returned per company
MATCH (c:Company)-[r]-(:Entity)
WHERE c.key IN $keys AND r.evidence IS NOT NULL
WITH c, r ORDER BY CASE type(r) WHEN 'LOCATED_IN' THEN 0 WHEN 'INVESTS_IN' THEN 1 ELSE 2 END
RETURN c.key AS key, collect(r.evidence)[..$per_company] AS quotes
