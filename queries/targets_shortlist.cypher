// Companies that work in the given segments (through their own name, an industry they are
// in, or a project they invest in), pre-ranked in the store so that only the best are
// weighed in full: the best fit of their segments plus the size and report parts of the
// score (kg.analysis.targets). The park's own firms are among them: the caller asks for as
// many more as it has firms and drops those (cheaper than testing each company here).
// $segments: segment keys, $fits: fit score of each segment (same order),
// $weights: {size: weight of log10(1 + investment in 亿元), yuan_per_yi, report: score per report
// naming the company, max_report: cap of that part}, $limit: how many companies to return
UNWIND range(0, size($segments) - 1) AS i
MATCH (s:Segment {key: $segments[i]})<-[:MAPS_TO]-(x)
WITH x, $fits[i] AS fit
OPTIONAL MATCH (member)-[:IN_INDUSTRY]->(x)
WITH fit, CASE WHEN x:Industry THEN member ELSE x END AS firm
WHERE firm IS NOT NULL AND firm.type IN ['Company', 'Project']
OPTIONAL MATCH (investor:Company)-[:INVESTS_IN]->(firm)
WITH fit, CASE WHEN firm.type = 'Project' THEN investor ELSE firm END AS c
WHERE c IS NOT NULL AND c.type = 'Company'
WITH c, max(fit) AS fit
OPTIONAL MATCH (c)-[:INVESTS_IN]->(project:Project)
WITH c, fit, coalesce(c.investment_cny, 0) + sum(coalesce(project.investment_cny, 0)) AS invested,
     $weights.report * size(coalesce(c.reports, [])) AS by_reports
WITH c, fit
     + CASE WHEN invested > 0 THEN $weights.size * log10(1 + invested / $weights.yuan_per_yi) ELSE 0 END
     + CASE WHEN by_reports > $weights.max_report THEN $weights.max_report ELSE by_reports END AS prescore
RETURN c.key AS key, prescore
ORDER BY prescore DESC, key
LIMIT $limit
