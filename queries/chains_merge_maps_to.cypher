// Industry / company / project node -> the chain template node (__LABEL__: Segment or
// Chain) its name maps to (ontology/mapping.py); `rule` says how, `matched` which
// labels matched, `primary` marks the main target.
// $rows: [{head, tail, rule, matched, primary}]
UNWIND $rows AS row
MATCH (a:Entity {key: row.head})
MATCH (t:__LABEL__ {key: row.tail})
MERGE (a)-[r:MAPS_TO]->(t)
SET r.rule = row.rule, r.matched = row.matched, r.primary = row.primary
