// Delete one entity node and its relationships (after it was merged into another node).
// $key: node key
MATCH (n:Entity {key: $key})
DETACH DELETE n
