// How many companies have no pre-rank yet (written after the last kg build; see targets_prerank.cypher).
MATCH (c:Company)
WHERE c.prerank IS NULL
RETURN count(c) AS n
