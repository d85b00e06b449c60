// Segment -> the segment it directly feeds; `cross_chain` when no chain lists both.
// $rows: [{head, tail, cross_chain, version}]
UNWIND $rows AS row
MATCH (a:Segment {key: row.head})
MATCH (b:Segment {key: row.tail})
MERGE (a)-[r:UPSTREAM_OF]->(b)
SET r.cross_chain = row.cross_chain, r.version = row.version
