// Upsert entity nodes of one label. Lists (forms, match_keys, reports) grow as set
// unions, so loading the same report twice changes nothing. New values are computed
// from the old ones in WITH clauses before one SET: FalkorDB's later SET items do
// not see earlier SET items of the same query, Neo4j's do; this form means the same on both.
// $rows: [{key, type, name, forms, match_keys, reports, stage, investment_cny, investment_original, role}]
UNWIND $rows AS row
MERGE (n:Entity:__LABEL__ {key: row.key})
WITH n, row, coalesce(n.forms, []) AS old_forms, coalesce(n.match_keys, []) AS old_keys,
     coalesce(n.reports, []) AS old_reports, coalesce(n.name, row.name) AS old_name
WITH n, row,
     old_forms + [f IN row.forms WHERE NOT f IN old_forms] AS forms,
     old_keys + [k IN row.match_keys WHERE NOT k IN old_keys] AS match_keys,
     old_reports + [r IN row.reports WHERE NOT r IN old_reports] AS reports,
     // the fullest name whatever the loading order: longer wins, then the smaller string
     CASE WHEN size(row.name) > size(old_name) OR (size(row.name) = size(old_name) AND row.name < old_name)
          THEN row.name ELSE old_name END AS name
SET n.type = row.type,
    n.name = name,
    n.forms = forms,
    n.aliases = [f IN forms WHERE f <> name],
    n.match_keys = match_keys,
    n.reports = reports,
    n.stage = coalesce(row.stage, n.stage),
    n.investment_cny = coalesce(row.investment_cny, n.investment_cny),
    n.investment_original = coalesce(row.investment_original, n.investment_original),
    n.role = coalesce(row.role, n.role)
