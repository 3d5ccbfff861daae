-- AlterTable
ALTER TABLE "School" ADD COLUMN     "catalogueVersion" INTEGER NOT NULL DEFAULT 0;

-- The catalogue's version: every statement that inserts, updates or deletes a school's services, assets,
-- service-asset links or asset dependencies bumps School.catalogueVersion once per school it touched, in
-- the same transaction. The portal caches what it derives from the catalogue (the dependency graph and
-- its picture) under this number, so no write path, present or future, can leave a stale copy behind.
-- Statement-level triggers with transition tables: a 1,500-row import bumps each school once, not 1,500
-- times. PostgreSQL allows transition tables only on single-event triggers, hence three per table.
CREATE FUNCTION "bump_catalogue_version_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "catalogueVersion" = "catalogueVersion" + 1
  WHERE "id" IN (SELECT DISTINCT "schoolId" FROM new_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "bump_catalogue_version_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "catalogueVersion" = "catalogueVersion" + 1
  WHERE "id" IN (SELECT DISTINCT "schoolId" FROM old_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "bump_catalogue_version_both"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "catalogueVersion" = "catalogueVersion" + 1
  WHERE "id" IN (SELECT "schoolId" FROM new_rows UNION SELECT "schoolId" FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER "Service_catalogue_insert" AFTER INSERT ON "Service"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_new"();
CREATE TRIGGER "Service_catalogue_update" AFTER UPDATE ON "Service"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_both"();
CREATE TRIGGER "Service_catalogue_delete" AFTER DELETE ON "Service"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_old"();

CREATE TRIGGER "Asset_catalogue_insert" AFTER INSERT ON "Asset"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_new"();
CREATE TRIGGER "Asset_catalogue_update" AFTER UPDATE ON "Asset"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_both"();
CREATE TRIGGER "Asset_catalogue_delete" AFTER DELETE ON "Asset"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_old"();

CREATE TRIGGER "ServiceAsset_catalogue_insert" AFTER INSERT ON "ServiceAsset"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_new"();
CREATE TRIGGER "ServiceAsset_catalogue_update" AFTER UPDATE ON "ServiceAsset"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_both"();
CREATE TRIGGER "ServiceAsset_catalogue_delete" AFTER DELETE ON "ServiceAsset"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_old"();

CREATE TRIGGER "AssetDependency_catalogue_insert" AFTER INSERT ON "AssetDependency"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_new"();
CREATE TRIGGER "AssetDependency_catalogue_update" AFTER UPDATE ON "AssetDependency"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_both"();
CREATE TRIGGER "AssetDependency_catalogue_delete" AFTER DELETE ON "AssetDependency"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_version_old"();
