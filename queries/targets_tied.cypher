// Relationships (either direction) between the nodes of a park group and companies:
// which companies are tied to the group, and through what.
// $local: keys of the parks and their local firms and projects
UNWIND $local AS k
MATCH (x:Entity {key: k})-[r]-(c:Company)
RETURN DISTINCT c.key AS key, type(r) AS rel, x.name AS other
