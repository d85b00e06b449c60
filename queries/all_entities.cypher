// Every node of the graph with its properties (for the page and exports): the entities
// from reports, plus chain-template nodes (Chain, Segment) when they are loaded.
MATCH (n)
WHERE n:Entity OR n:Chain OR n:Segment
RETURN n.key AS key, coalesce(n.type, CASE WHEN n:Chain THEN 'Chain' WHEN n:Segment THEN 'Segment' END) AS label,
       n.name AS name, n.aliases AS aliases, n.reports AS reports,
       n.stage AS stage, n.investment_cny AS investment_cny, n.investment_original AS investment_original,
       n.role AS role
ORDER BY key
