// Template versions stored on chain nodes (one when the templates are loaded and current).
MATCH (c:Chain)
RETURN DISTINCT c.version AS version
