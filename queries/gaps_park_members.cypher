// Parks inside each given park through parks only (PART_OF / LOCATED_IN, up to four
// steps), the park itself excluded; a sub-park reached by several ways is listed once per way
// (callers drop the repeats). One labelled step at a time: a variable-length path would first
// walk every firm located in the park, then drop the paths through them.
// $parks: park keys
MATCH (p:Park) WHERE p.key IN $parks
OPTIONAL MATCH (s1:Park)-[:PART_OF|LOCATED_IN]->(p)
OPTIONAL MATCH (s2:Park)-[:PART_OF|LOCATED_IN]->(s1)
OPTIONAL MATCH (s3:Park)-[:PART_OF|LOCATED_IN]->(s2)
OPTIONAL MATCH (s4:Park)-[:PART_OF|LOCATED_IN]->(s3)
WITH p, collect(s1.key) + collect(s2.key) + collect(s3.key) + collect(s4.key) AS inside
RETURN p.key AS key, [k IN inside WHERE k <> p.key] AS members
