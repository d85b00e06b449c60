// Which of the given keys belong to stored entity nodes (one `key IN` index scan).
// $keys: node keys
MATCH (n:Entity) WHERE n.key IN $keys
RETURN n.key AS key
