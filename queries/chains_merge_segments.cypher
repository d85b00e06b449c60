// Upsert chain-segment nodes; `chain` is the home chain key, `chains` every chain listing it.
// $rows: [{key, name, name_en, chain, chains, tier, aliases, iri, version}]
UNWIND $rows AS row
MERGE (s:Segment {key: row.key})
SET s.name = row.name, s.name_en = row.name_en, s.chain = row.chain, s.chains = row.chains,
    s.tier = row.tier, s.aliases = row.aliases, s.iri = row.iri, s.version = row.version
