// Companies tied to a park group (a relationship, either direction, with one of its nodes):
// how many distinct ties (relationship type and node) each has, and its pre-ranked
// park-independent score part (targets_prerank.cypher); only the companies pre-ranked within
// $max_rank, and those whose part plus tie score (ties capped at $max_ties, times $tie_weight)
// reaches $floor (none when $floor is null), so the thousands of companies tied to a hub firm
// of the park that cannot reach the shortlist do not leave the store.
// $local: keys of the parks and their local firms and projects, $max_rank, $floor, $tie_weight, $max_ties
MATCH (x:Entity) WHERE x.key IN $local
MATCH (x)-[r]-(c:Company)
WITH DISTINCT c, type(r) AS rel, x.name AS other
WITH c, count(*) AS ties
WITH c, ties, coalesce(c.prescore, 0.0) AS static
WHERE c.prerank <= $max_rank
   OR ($floor IS NOT NULL AND static + $tie_weight * CASE WHEN ties > $max_ties THEN $max_ties ELSE ties END >= $floor)
RETURN c.key AS key, static, ties
