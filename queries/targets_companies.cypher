// Facts about companies for ranking: reports naming them, where they are (their parks
// and their projects' parks), and the known investment (yuan) of their projects, summed
// over distinct projects (no row per project leaves the store).
// $keys: company keys
MATCH (c:Company) WHERE c.key IN $keys
OPTIONAL MATCH (c)-[:LOCATED_IN]->(p:Park)
WITH c, collect(DISTINCT p.name) AS own_parks
OPTIONAL MATCH (c)-[:INVESTS_IN]->(x:Project)
WITH c, own_parks, collect(DISTINCT x) AS projects
WITH c, own_parks, projects, reduce(total = 0.0, y IN projects | total + coalesce(y.investment_cny, 0)) AS invested
UNWIND CASE WHEN size(projects) = 0 THEN [null] ELSE projects END AS x
OPTIONAL MATCH (x)-[:LOCATED_IN]->(q:Park)
WITH c, own_parks, invested, collect(DISTINCT q.name) AS project_parks
RETURN c.key AS key, c.name AS name, coalesce(c.reports, []) AS reports, c.investment_cny AS own_investment,
       own_parks + project_parks AS parks, invested AS projects_investment
