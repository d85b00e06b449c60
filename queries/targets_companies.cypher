// Facts about companies for ranking: reports naming them, where they are (their parks
// and their projects' parks), and their projects with known investment (yuan).
// $keys: company keys
MATCH (c:Company) WHERE c.key IN $keys
OPTIONAL MATCH (c)-[:LOCATED_IN]->(p:Park)
OPTIONAL MATCH (c)-[:INVESTS_IN]->(x:Project)
OPTIONAL MATCH (x)-[:LOCATED_IN]->(q:Park)
RETURN c.key AS key, c.name AS name, coalesce(c.reports, []) AS reports, c.investment_cny AS own_investment,
       collect(DISTINCT p.name) + collect(DISTINCT q.name) AS parks,
       collect(DISTINCT [x.key, x.investment_cny]) AS projects
