// Every entity node with its properties (for the page and exports).
MATCH (n:Entity)
RETURN n.key AS key, n.type AS label, n.name AS name, n.aliases AS aliases, n.reports AS reports,
       n.stage AS stage, n.investment_cny AS investment_cny, n.investment_original AS investment_original,
       n.role AS role
ORDER BY key
