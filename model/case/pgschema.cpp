// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgschema.h"

#include "pgconnection.h"

namespace hs {
namespace {

// Version 1. Copied into docs/case-file.md: keep both the same. Every case in the database is a
// row of `cases`; the other tables name it in `case_name`. The audit table is append-only twice
// over: no role but its owner holds UPDATE, DELETE or TRUNCATE on it, and triggers refuse them
// even to the owner (a superuser who drops the triggers is caught by the hash chain).
constexpr char kSchemaV1[] = R"sql(
DO $roles$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hydrascope_reviewer') THEN
    CREATE ROLE hydrascope_reviewer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hydrascope_reader') THEN
    CREATE ROLE hydrascope_reader NOLOGIN;
  END IF;
END $roles$;
CREATE SCHEMA hydrascope;
CREATE TABLE hydrascope.schema_version(version integer NOT NULL);
CREATE TABLE hydrascope.cases(name text PRIMARY KEY, format_version integer NOT NULL, created_at bigint NOT NULL,
  reviewer text NOT NULL, title text NOT NULL, evidence_name text NOT NULL, evidence_size bigint NOT NULL,
  evidence_sha256 text NOT NULL, evidence_path text NOT NULL, next_annotation_id bigint NOT NULL);
CREATE TABLE hydrascope.annotations(case_name text NOT NULL REFERENCES hydrascope.cases, id bigint NOT NULL,
  kind text NOT NULL, title text NOT NULL, note text NOT NULL, tags text NOT NULL, severity text NOT NULL,
  author text NOT NULL, created_at bigint NOT NULL, edited_at bigint NOT NULL, t_from bigint NOT NULL,
  t_to bigint NOT NULL, target bigint NOT NULL, internal integer NOT NULL, revision bigint NOT NULL DEFAULT 1,
  PRIMARY KEY(case_name, id));
CREATE TABLE hydrascope.saved_views(case_name text NOT NULL REFERENCES hydrascope.cases, id bigint NOT NULL,
  name text NOT NULL, page text NOT NULL, all_groups integer NOT NULL, campaign_ids text NOT NULL,
  baseline integer NOT NULL, t_from bigint, t_to bigint, model_id bigint, capability_id bigint,
  created_at bigint NOT NULL, PRIMARY KEY(case_name, id), UNIQUE(case_name, name));
CREATE TABLE hydrascope.audit(case_name text NOT NULL REFERENCES hydrascope.cases, seq bigint NOT NULL,
  at bigint NOT NULL, actor text NOT NULL, action text NOT NULL, subject text NOT NULL, detail text NOT NULL,
  content_hash text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL, PRIMARY KEY(case_name, seq));
CREATE TABLE hydrascope.pseudonyms(case_name text NOT NULL REFERENCES hydrascope.cases, kind text NOT NULL,
  value text NOT NULL, pseudonym text NOT NULL, PRIMARY KEY(case_name, kind, value), UNIQUE(case_name, pseudonym));

CREATE FUNCTION hydrascope.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $f$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON hydrascope.audit
  FOR EACH ROW EXECUTE FUNCTION hydrascope.audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON hydrascope.audit
  FOR EACH STATEMENT EXECUTE FUNCTION hydrascope.audit_append_only();
-- An entry must follow the chain's head: the next number and the head's hash.
CREATE FUNCTION hydrascope.audit_follows_head() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE head record;
BEGIN
  SELECT seq, hash INTO head FROM hydrascope.audit WHERE case_name = NEW.case_name ORDER BY seq DESC LIMIT 1;
  IF (head IS NULL AND (NEW.seq <> 1 OR NEW.prev_hash <> repeat('0', 64)))
     OR (head IS NOT NULL AND (NEW.seq <> head.seq + 1 OR NEW.prev_hash <> head.hash)) THEN
    RAISE EXCEPTION 'audit entry % of case % does not follow the head of the chain', NEW.seq, NEW.case_name;
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER audit_follows_head BEFORE INSERT ON hydrascope.audit
  FOR EACH ROW EXECUTE FUNCTION hydrascope.audit_follows_head();

-- Pseudonyms for the values an export hides, made on first use and numbered per kind. Readers
-- may not read the mapping, yet their redacted exports need pseudonyms: this function answers
-- for the values the caller names (which it holds already, in the evidence) and nothing else.
CREATE FUNCTION hydrascope.pseudonyms_for(p_case text, p_kind text, p_values text[])
RETURNS TABLE(value text, pseudonym text) LANGUAGE plpgsql SECURITY DEFINER
SET search_path = hydrascope, pg_temp AS $f$
DECLARE n bigint; v text; prefix text;
BEGIN
  PERFORM pg_advisory_xact_lock(1213416263, hashtext(p_case));
  prefix := CASE p_kind WHEN 'account' THEN 'ACCT' WHEN 'payment' THEN 'PAY' WHEN 'indicator' THEN 'IND'
                        WHEN 'sample' THEN 'SAMPLE' ELSE upper(left(p_kind, 6)) END;
  SELECT count(*) INTO n FROM hydrascope.pseudonyms p WHERE p.case_name = p_case AND p.kind = p_kind;
  FOREACH v IN ARRAY p_values LOOP
    IF NOT EXISTS (SELECT 1 FROM hydrascope.pseudonyms p WHERE p.case_name = p_case AND p.kind = p_kind AND p.value = v) THEN
      n := n + 1;
      INSERT INTO hydrascope.pseudonyms VALUES (p_case, p_kind, v,
        prefix || '-' || CASE WHEN n < 10000 THEN lpad(n::text, 4, '0') ELSE n::text END);
    END IF;
  END LOOP;
  RETURN QUERY SELECT p.value, p.pseudonym FROM hydrascope.pseudonyms p
    WHERE p.case_name = p_case AND p.kind = p_kind AND p.value = ANY(p_values);
END $f$;

-- Readers may append only events without content (opened, exported, evidence-mismatch), and
-- no export made with the internal profile.
ALTER TABLE hydrascope.audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON hydrascope.audit FOR SELECT USING (true);
CREATE POLICY audit_append_reviewer ON hydrascope.audit FOR INSERT TO hydrascope_reviewer WITH CHECK (true);
CREATE POLICY audit_append_reader ON hydrascope.audit FOR INSERT TO hydrascope_reader
  WITH CHECK (action IN ('opened', 'exported', 'evidence-mismatch') AND content_hash = ''
              AND subject IN ('case', 'evidence') AND detail NOT LIKE '% with the internal profile %');

REVOKE ALL ON ALL TABLES IN SCHEMA hydrascope FROM PUBLIC;
REVOKE ALL ON FUNCTION hydrascope.pseudonyms_for(text, text, text[]) FROM PUBLIC;
GRANT USAGE ON SCHEMA hydrascope TO hydrascope_reviewer, hydrascope_reader;
GRANT SELECT ON hydrascope.schema_version, hydrascope.cases, hydrascope.annotations, hydrascope.saved_views,
  hydrascope.audit TO hydrascope_reviewer, hydrascope_reader;
GRANT INSERT ON hydrascope.audit TO hydrascope_reviewer, hydrascope_reader;
GRANT INSERT, UPDATE, DELETE ON hydrascope.annotations, hydrascope.saved_views TO hydrascope_reviewer;
GRANT INSERT ON hydrascope.cases TO hydrascope_reviewer;
GRANT UPDATE (next_annotation_id, evidence_path) ON hydrascope.cases TO hydrascope_reviewer;
GRANT SELECT, INSERT ON hydrascope.pseudonyms TO hydrascope_reviewer;
GRANT EXECUTE ON FUNCTION hydrascope.pseudonyms_for(text, text, text[]) TO hydrascope_reviewer, hydrascope_reader;
INSERT INTO hydrascope.schema_version VALUES (1);
)sql";

} // namespace

bool ensurePgSchema(const PgConnection& c, QString* error)
{
    const PgResult exists = c.exec("SELECT to_regclass('hydrascope.schema_version') IS NOT NULL");
    if (!exists.ok()) {
        *error = exists.error();
        return false;
    }
    if (exists.text(0, 0) == QLatin1String("t")) {
        const PgResult v = c.exec("SELECT max(version) FROM hydrascope.schema_version");
        if (!v.ok()) {
            *error = QStringLiteral("cannot read hydrascope.schema_version: %1").arg(v.error());
            return false;
        }
        const int version = int(v.integer(0, 0));
        if (version > kPgSchemaVersion) {
            *error = QStringLiteral("the database holds cases of schema version %1; this Hydrascope knows %2 and "
                                    "older. Use a newer Hydrascope.").arg(version).arg(kPgSchemaVersion);
            return false;
        }
        // Version 1 is the first: a later version adds its migration here, run under the lock below.
        return true;
    }
    // Two programs creating the schema at once: one does it, the other finds it made.
    if (!c.run("BEGIN", {}, error))
        return false;
    bool ok = c.run("SELECT pg_advisory_xact_lock(1213416262, 0)", {}, error);
    const PgResult again = c.exec("SELECT to_regclass('hydrascope.schema_version') IS NOT NULL");
    if (ok && again.ok() && again.text(0, 0) == QLatin1String("f"))
        ok = c.script(kSchemaV1, error);
    if (ok && c.run("COMMIT", {}, error))
        return true;
    QString ignored;
    c.run("ROLLBACK", {}, &ignored);
    *error = QStringLiteral("cannot create the Hydrascope schema (the first case in a database needs a role that "
                            "may create schemas and roles; docs/case-file.md has the SQL): %1").arg(*error);
    return false;
}

} // namespace hs
