// Upsert chain-template nodes (from ontology/chains.ttl); `version` marks this load.
// $rows: [{key, name, name_en, aliases, iri, version}]
UNWIND $rows AS row
MERGE (c:Chain {key: row.key})
SET c.name = row.name, c.name_en = row.name_en, c.aliases = row.aliases, c.iri = row.iri,
    c.version = row.version
