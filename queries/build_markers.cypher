// Builds that started writing to this graph and have not finished (kg.build_marker): a
// marker left behind means that build was interrupted.
MATCH (b:KgBuild)
RETURN b.key AS key, b.started AS started, b.host AS host, b.pid AS pid, coalesce(b.loading, []) AS loading
ORDER BY started, key
