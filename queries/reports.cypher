// Stored reports with their metadata and how many entities each mentions.
// $keys: report ids to show, or null for all.
MATCH (r:Report)
WHERE $keys IS NULL OR r.key IN $keys
OPTIONAL MATCH (n:Entity)
WHERE r.key IN n.reports
RETURN r.key AS report, r.date AS date, r.title AS title, r.zone AS zone, r.format AS format,
       r.source AS source, count(n) AS entities
ORDER BY report
