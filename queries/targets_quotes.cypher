// Quotes naming each company: evidence of its relationships, where it is located first, then
// its investments, then the rest, from at most $per_company relationships. Each kind is read by
// a subquery that stops at $per_company, so a company with thousands of relationships is not
// read (or sorted) whole.
// $keys: company keys, $per_company: relationships whose quotes are returned per company
MATCH (c:Company) WHERE c.key IN $keys
CALL {
  WITH c
  MATCH (c)-[r:LOCATED_IN]-(:Entity) WHERE r.evidence IS NOT NULL
  RETURN r.evidence AS quote LIMIT $per_company
  UNION ALL
  WITH c
  MATCH (c)-[r:INVESTS_IN]-(:Entity) WHERE r.evidence IS NOT NULL
  RETURN r.evidence AS quote LIMIT $per_company
  UNION ALL
  WITH c
  MATCH (c)-[r]-(:Entity) WHERE NOT type(r) IN ['LOCATED_IN', 'INVESTS_IN'] AND r.evidence IS NOT NULL
  RETURN r.evidence AS quote LIMIT $per_company
}
RETURN c.key AS key, collect(quote)[..$per_company] AS quotes
