// Create entity nodes of one label that are not stored yet (kg.writer checks their keys first):
// the properties merge_entities.cypher gives a node it creates, without its comparisons with
// old values, which take half the time of a merge. A key must appear once in $rows.
// $rows: [{key, type, name, forms, match_keys, reports, stage, stage_rank, investment_cny, investment_original, role}]
UNWIND $rows AS row
CREATE (n:Entity:__LABEL__)
SET n.key = row.key,
    n.type = row.type,
    n.name = row.name,
    n.forms = row.forms,
    n.aliases = [f IN row.forms WHERE f <> row.name],
    n.match_keys = row.match_keys,
    n.prefixes = CASE WHEN row.type = 'Company' THEN [k IN row.match_keys | substring(k, 0, 2)] END,
    n.reports = row.reports,
    n.stage = row.stage,
    n.stage_rank = CASE WHEN row.stage IS NULL THEN null ELSE row.stage_rank END,
    n.investment_cny = row.investment_cny,
    n.investment_original = row.investment_original,
    n.role = row.role
