// Upsert relationships of one type between existing entity nodes, keeping provenance.
// evidence and evidence_reports are parallel lists: evidence[i] is a quote from report
// evidence_reports[i]; a (quote, report) pair is added only if it is not there yet, so
// both lists stay aligned. reports and mentions ("report@offset") grow as set unions;
// count = number of distinct mentions. Loading the same rows twice changes nothing.
// New values are computed in WITH before one SET (see merge_entities.cypher for why).
// $rows: [{head, tail, evidence, evidence_reports, reports, mentions}]
UNWIND $rows AS row
MATCH (a:Entity {key: row.head})
MATCH (b:Entity {key: row.tail})
MERGE (a)-[r:__REL__]->(b)
WITH r, row, coalesce(r.evidence, []) AS old_evidence, coalesce(r.reports, []) AS old_reports,
     coalesce(r.mentions, []) AS old_mentions
// a relationship written before evidence_reports existed gets "" (unknown) per quote
WITH r, row, old_evidence, old_reports, old_mentions,
     coalesce(r.evidence_reports, [x IN old_evidence | '']) AS old_sources
WITH r, row, old_evidence, old_sources, old_reports, old_mentions,
     [i IN range(0, size(row.evidence) - 1)
      WHERE NOT any(j IN range(0, size(old_evidence) - 1)
                    WHERE old_evidence[j] = row.evidence[i] AND old_sources[j] = row.evidence_reports[i])] AS fresh
WITH r, old_evidence + [i IN fresh | row.evidence[i]] AS evidence,
     old_sources + [i IN fresh | row.evidence_reports[i]] AS evidence_reports,
     old_reports + [x IN row.reports WHERE NOT x IN old_reports] AS reports,
     old_mentions + [x IN row.mentions WHERE NOT x IN old_mentions] AS mentions
SET r.evidence = evidence, r.evidence_reports = evidence_reports, r.reports = reports,
    r.mentions = mentions, r.count = size(mentions)
