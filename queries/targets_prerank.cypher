// Pre-rank every company for kg targets (kg.analysis.targets.prerank): `prescore` is the part
// of its score that does not depend on the park (the size of its known investment and the
// reports naming it), `prerank` its place in that order (1 = best, ties by key; indexed), so
// targets weighs the best first instead of scoring every company of the graph per call.
// $weights: {size: weight of log10(1 + investment in 亿元), yuan_per_yi, report: score per report
// naming the company, max_report: cap of that part}
MATCH (c:Company)
OPTIONAL MATCH (c)-[:INVESTS_IN]->(x:Project)
WITH c, coalesce(c.investment_cny, 0) + sum(coalesce(x.investment_cny, 0)) AS invested,
     $weights.report * size(coalesce(c.reports, [])) AS by_reports
WITH c, CASE WHEN invested > 0 THEN $weights.size * log10(1 + invested / $weights.yuan_per_yi) ELSE 0 END
        + CASE WHEN by_reports > $weights.max_report THEN $weights.max_report ELSE by_reports END AS prescore
ORDER BY prescore DESC, c.key
WITH collect([c, prescore]) AS ranked
UNWIND range(0, size(ranked) - 1) AS i
WITH ranked[i][0] AS c, ranked[i][1] AS prescore, i + 1 AS place
SET c.prescore = prescore, c.prerank = place
