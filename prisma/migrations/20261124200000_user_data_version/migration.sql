-- A person's name and e-mail show on the pages of every school they belong to (people, team, the
-- activity log's names), but "User" has no "schoolId", so data_version's triggers never saw it change.
-- Pages kept per School.dataVersion (lib/records/data-view.ts) would show an old name until the school's
-- next change. Now changing a login's name or e-mail moves the data version of each of its schools.
CREATE FUNCTION "bump_data_version_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "dataVersion" = "dataVersion" + 1
  WHERE "id" IN (SELECT "schoolId" FROM "Membership" WHERE "userId" = NEW."id");
  RETURN NULL;
END $$;

CREATE TRIGGER "User_data_update" AFTER UPDATE OF "name", "email" ON "User"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."email" IS DISTINCT FROM NEW."email")
  EXECUTE FUNCTION "bump_data_version_user"();
