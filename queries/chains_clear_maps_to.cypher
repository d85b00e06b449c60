// Drop the MAPS_TO edges of nodes about to be mapped again, and note what they are mapped
// from (mapping version, name, number of forms) so unchanged nodes are skipped next time.
// $rows: [{key, name, forms, version}]
UNWIND $rows AS row
MATCH (n:Entity {key: row.key})
OPTIONAL MATCH (n)-[r:MAPS_TO]->()
DELETE r
WITH DISTINCT n, row
SET n.maps_version = row.version, n.maps_name = row.name, n.maps_forms = row.forms
