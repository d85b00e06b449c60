// Remove template relationships of one type that the current load did not write.
// $version: the version of the current load
MATCH ()-[r:__REL__]->()
WHERE r.version IS NULL OR r.version <> $version
DELETE r
