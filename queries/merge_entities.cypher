// Upsert entity nodes of one label. Lists (forms, match_keys, reports) grow as set
// unions, so loading the same report twice changes nothing. New values are computed
// from the old ones in WITH clauses before one SET: FalkorDB's later SET items do
// not see earlier SET items of the same query, Neo4j's do; this form means the same on both.
// Attributes two reports disagree on keep the later stage (stage_rank, kg.resolve.STAGES), else
// the larger value, as kg.resolve.preferred does in memory: the result is the same in any order.
// $rows: [{key, type, name, forms, match_keys, reports, stage, stage_rank, investment_cny, investment_original, role}]
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
          THEN row.name ELSE old_name END AS name,
     CASE WHEN n.stage IS NULL OR row.stage_rank > coalesce(n.stage_rank, 0)
               OR (row.stage_rank = coalesce(n.stage_rank, 0) AND row.stage > n.stage)
          THEN coalesce(row.stage, n.stage) ELSE n.stage END AS stage
SET n.type = row.type,
    n.name = name,
    n.forms = forms,
    n.aliases = [f IN forms WHERE f <> name],
    n.match_keys = match_keys,
    // companies: the first two characters of each match key (indexed; company_prefixes.cypher)
    n.prefixes = CASE WHEN row.type = 'Company' THEN [k IN match_keys | substring(k, 0, 2)] END,
    n.reports = reports,
    n.stage = stage,
    n.stage_rank = CASE WHEN stage = row.stage THEN row.stage_rank ELSE n.stage_rank END,
    n.investment_cny = CASE WHEN n.investment_cny IS NULL OR row.investment_cny > n.investment_cny
                            THEN coalesce(row.investment_cny, n.investment_cny) ELSE n.investment_cny END,
    n.investment_original = CASE WHEN n.investment_original IS NULL OR row.investment_original > n.investment_original
                                 THEN coalesce(row.investment_original, n.investment_original)
                                 ELSE n.investment_original END,
    n.role = CASE WHEN n.role IS NULL OR row.role > n.role THEN coalesce(row.role, n.role) ELSE n.role END
