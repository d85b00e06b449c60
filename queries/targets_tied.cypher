// Companies tied to a park group (a relationship, either direction, with one of its nodes):
// how many distinct ties (relationship type and node) each has, and its pre-ranked
// park-independent score part (targets_prerank.cypher).
// $local: keys of the parks and their local firms and projects
UNWIND $local AS k
MATCH (x:Entity {key: k})-[r]-(c:Company)
RETURN c.key AS key, c.prescore AS static, size(collect(DISTINCT [type(r), x.name])) AS ties
