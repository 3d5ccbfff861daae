-- A published plan version is immutable (issue 11, item 4): only the head teacher's decision (status, who,
-- when, comment, and the row's version) may change. No action edits the rest, and this trigger makes sure no
-- future write path can either: the printed copy's fingerprint must always match the stored snapshot.
CREATE FUNCTION "plan_version_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."snapshot" IS DISTINCT FROM OLD."snapshot"
    OR NEW."fingerprint" IS DISTINCT FROM OLD."fingerprint"
    OR NEW."number" IS DISTINCT FROM OLD."number"
    OR NEW."schoolId" IS DISTINCT FROM OLD."schoolId"
    OR NEW."sourceVersion" IS DISTINCT FROM OLD."sourceVersion"
    OR NEW."gapCount" IS DISTINCT FROM OLD."gapCount"
    OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
    OR NEW."publishedByName" IS DISTINCT FROM OLD."publishedByName" THEN
    RAISE EXCEPTION 'A published plan version cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "PlanVersion_frozen" BEFORE UPDATE ON "PlanVersion"
  FOR EACH ROW EXECUTE FUNCTION "plan_version_frozen"();
