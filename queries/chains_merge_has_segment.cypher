// Chain -> segment; `home` when the chain is the segment's home, `position` its order in the chain.
// $rows: [{head, tail, home, position, version}]
UNWIND $rows AS row
MATCH (c:Chain {key: row.head})
MATCH (s:Segment {key: row.tail})
MERGE (c)-[r:HAS_SEGMENT]->(s)
SET r.home = row.home, r.position = row.position, r.version = row.version
