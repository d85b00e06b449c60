// Remove template nodes of one label (Chain / Segment) that the current load did not write.
// $version: the current template version
MATCH (n:__LABEL__)
WHERE n.version IS NULL OR n.version <> $version
DETACH DELETE n
