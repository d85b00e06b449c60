// Remove the markers of builds that finished (or were repaired).
// $keys: marker keys
UNWIND $keys AS key
MATCH (b:KgBuild {key: key})
DELETE b
