-- AlterTable
ALTER TABLE "School" ADD COLUMN     "auditRows" INTEGER NOT NULL DEFAULT 0;

-- How many audit rows the school has. Audit rows are only ever added, so the number names the set of rows
-- exactly: a statement that adds rows raises it by as many, in the same transaction, and the update
-- holds the school's row until that transaction commits, so a reader sees the number and the rows
-- together, whatever order transactions commit in. The activity log and the dashboard's latest changes
-- are kept per this number; it is read with the session, so a page view needs no count of its own (the
-- count it replaces grew with the audit trail). tests/integration/data-view.test.ts checks it against
-- count(*) after single and bulk inserts.
UPDATE "School" s SET "auditRows" = c.n
FROM (SELECT "schoolId", count(*)::int AS n FROM "AuditEvent" GROUP BY "schoolId") c
WHERE s."id" = c."schoolId";

CREATE FUNCTION "count_audit_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" s SET "auditRows" = s."auditRows" + c.n
  FROM (SELECT "schoolId", count(*)::int AS n FROM new_rows GROUP BY "schoolId") c
  WHERE s."id" = c."schoolId";
  RETURN NULL;
END $$;

CREATE TRIGGER "AuditEvent_count_insert" AFTER INSERT ON "AuditEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "count_audit_rows"();

-- The new counter is not a setting: raising it must not move the data version (a sign-in writes an audit
-- row, and would otherwise throw away every view the dashboard keeps).
CREATE OR REPLACE FUNCTION "bump_data_version_school"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'dataVersion' - 'catalogueVersion' - 'planSourceVersion' - 'updatedAt'
        - 'reviewTriggersCheckedAt' - 'auditRows')
     IS DISTINCT FROM (to_jsonb(OLD) - 'dataVersion' - 'catalogueVersion' - 'planSourceVersion' - 'updatedAt'
        - 'reviewTriggersCheckedAt' - 'auditRows') THEN
    NEW."dataVersion" := OLD."dataVersion" + 1;
  END IF;
  RETURN NEW;
END $$;
