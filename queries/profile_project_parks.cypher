// Parks a company is present in through the projects it invests in, with the quotes.
// $key: company key
MATCH (c:Company {key: $key})-[:INVESTS_IN]->(x:Project)-[l:LOCATED_IN]->(p:Park)
RETURN p.name AS park, x.name AS project, coalesce(l.evidence, []) AS evidence, coalesce(l.reports, []) AS reports
ORDER BY park, project
