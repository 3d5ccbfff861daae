-- AlterTable
ALTER TABLE "School" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;

-- The school's data version: every statement that inserts, updates or deletes any of a school's records
-- (every table with a "schoolId" but the audit trail, which sign-ins also write) bumps School.dataVersion
-- once per school it touched, in the same transaction, as catalogue_version does for the catalogue. The
-- dashboard keeps what it derives from many domains (coverage, risks, reviews) per this number, so a page
-- view reads one row instead of every table, and no write path can leave a stale figure behind.
-- tests/integration/data-version.test.ts fails when a table with a "schoolId" has no trigger here.
CREATE FUNCTION "bump_data_version_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "dataVersion" = "dataVersion" + 1
  WHERE "id" IN (SELECT DISTINCT "schoolId" FROM new_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "bump_data_version_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "dataVersion" = "dataVersion" + 1
  WHERE "id" IN (SELECT DISTINCT "schoolId" FROM old_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "bump_data_version_both"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "dataVersion" = "dataVersion" + 1
  WHERE "id" IN (SELECT "schoolId" FROM new_rows UNION SELECT "schoolId" FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER "Invitation_data_insert" AFTER INSERT ON "Invitation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Invitation_data_update" AFTER UPDATE ON "Invitation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Invitation_data_delete" AFTER DELETE ON "Invitation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "Membership_data_insert" AFTER INSERT ON "Membership"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Membership_data_update" AFTER UPDATE ON "Membership"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Membership_data_delete" AFTER DELETE ON "Membership"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "Service_data_insert" AFTER INSERT ON "Service"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Service_data_update" AFTER UPDATE ON "Service"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Service_data_delete" AFTER DELETE ON "Service"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "Asset_data_insert" AFTER INSERT ON "Asset"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Asset_data_update" AFTER UPDATE ON "Asset"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Asset_data_delete" AFTER DELETE ON "Asset"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "ServiceAsset_data_insert" AFTER INSERT ON "ServiceAsset"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "ServiceAsset_data_update" AFTER UPDATE ON "ServiceAsset"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "ServiceAsset_data_delete" AFTER DELETE ON "ServiceAsset"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "AssetDependency_data_insert" AFTER INSERT ON "AssetDependency"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "AssetDependency_data_update" AFTER UPDATE ON "AssetDependency"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "AssetDependency_data_delete" AFTER DELETE ON "AssetDependency"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "RecoveryRole_data_insert" AFTER INSERT ON "RecoveryRole"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "RecoveryRole_data_update" AFTER UPDATE ON "RecoveryRole"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "RecoveryRole_data_delete" AFTER DELETE ON "RecoveryRole"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "ContingencyPlan_data_insert" AFTER INSERT ON "ContingencyPlan"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "ContingencyPlan_data_update" AFTER UPDATE ON "ContingencyPlan"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "ContingencyPlan_data_delete" AFTER DELETE ON "ContingencyPlan"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "Procedure_data_insert" AFTER INSERT ON "Procedure"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Procedure_data_update" AFTER UPDATE ON "Procedure"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Procedure_data_delete" AFTER DELETE ON "Procedure"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "ProcedureStep_data_insert" AFTER INSERT ON "ProcedureStep"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "ProcedureStep_data_update" AFTER UPDATE ON "ProcedureStep"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "ProcedureStep_data_delete" AFTER DELETE ON "ProcedureStep"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "Backup_data_insert" AFTER INSERT ON "Backup"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Backup_data_update" AFTER UPDATE ON "Backup"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Backup_data_delete" AFTER DELETE ON "Backup"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "RestoreTest_data_insert" AFTER INSERT ON "RestoreTest"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "RestoreTest_data_update" AFTER UPDATE ON "RestoreTest"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "RestoreTest_data_delete" AFTER DELETE ON "RestoreTest"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "TeamMember_data_insert" AFTER INSERT ON "TeamMember"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "TeamMember_data_update" AFTER UPDATE ON "TeamMember"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "TeamMember_data_delete" AFTER DELETE ON "TeamMember"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "TeamMemberRole_data_insert" AFTER INSERT ON "TeamMemberRole"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "TeamMemberRole_data_update" AFTER UPDATE ON "TeamMemberRole"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "TeamMemberRole_data_delete" AFTER DELETE ON "TeamMemberRole"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "TrainingRecord_data_insert" AFTER INSERT ON "TrainingRecord"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "TrainingRecord_data_update" AFTER UPDATE ON "TrainingRecord"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "TrainingRecord_data_delete" AFTER DELETE ON "TrainingRecord"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "RiskCategory_data_insert" AFTER INSERT ON "RiskCategory"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "RiskCategory_data_update" AFTER UPDATE ON "RiskCategory"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "RiskCategory_data_delete" AFTER DELETE ON "RiskCategory"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "Threat_data_insert" AFTER INSERT ON "Threat"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Threat_data_update" AFTER UPDATE ON "Threat"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Threat_data_delete" AFTER DELETE ON "Threat"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "Risk_data_insert" AFTER INSERT ON "Risk"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Risk_data_update" AFTER UPDATE ON "Risk"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Risk_data_delete" AFTER DELETE ON "Risk"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "RiskProposalDismissal_data_insert" AFTER INSERT ON "RiskProposalDismissal"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "RiskProposalDismissal_data_update" AFTER UPDATE ON "RiskProposalDismissal"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "RiskProposalDismissal_data_delete" AFTER DELETE ON "RiskProposalDismissal"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "Countermeasure_data_insert" AFTER INSERT ON "Countermeasure"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Countermeasure_data_update" AFTER UPDATE ON "Countermeasure"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Countermeasure_data_delete" AFTER DELETE ON "Countermeasure"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "ReviewChecklistItem_data_insert" AFTER INSERT ON "ReviewChecklistItem"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "ReviewChecklistItem_data_update" AFTER UPDATE ON "ReviewChecklistItem"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "ReviewChecklistItem_data_delete" AFTER DELETE ON "ReviewChecklistItem"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "Review_data_insert" AFTER INSERT ON "Review"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "Review_data_update" AFTER UPDATE ON "Review"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "Review_data_delete" AFTER DELETE ON "Review"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "ReviewAnswer_data_insert" AFTER INSERT ON "ReviewAnswer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "ReviewAnswer_data_update" AFTER UPDATE ON "ReviewAnswer"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "ReviewAnswer_data_delete" AFTER DELETE ON "ReviewAnswer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "ReviewAction_data_insert" AFTER INSERT ON "ReviewAction"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "ReviewAction_data_update" AFTER UPDATE ON "ReviewAction"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "ReviewAction_data_delete" AFTER DELETE ON "ReviewAction"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "ReviewChangeConsidered_data_insert" AFTER INSERT ON "ReviewChangeConsidered"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "ReviewChangeConsidered_data_update" AFTER UPDATE ON "ReviewChangeConsidered"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "ReviewChangeConsidered_data_delete" AFTER DELETE ON "ReviewChangeConsidered"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "ReviewEvent_data_insert" AFTER INSERT ON "ReviewEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "ReviewEvent_data_update" AFTER UPDATE ON "ReviewEvent"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "ReviewEvent_data_delete" AFTER DELETE ON "ReviewEvent"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "PlanVersion_data_insert" AFTER INSERT ON "PlanVersion"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "PlanVersion_data_update" AFTER UPDATE ON "PlanVersion"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "PlanVersion_data_delete" AFTER DELETE ON "PlanVersion"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "PlanCopy_data_insert" AFTER INSERT ON "PlanCopy"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "PlanCopy_data_update" AFTER UPDATE ON "PlanCopy"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "PlanCopy_data_delete" AFTER DELETE ON "PlanCopy"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

CREATE TRIGGER "PlanAcknowledgement_data_insert" AFTER INSERT ON "PlanAcknowledgement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "PlanAcknowledgement_data_update" AFTER UPDATE ON "PlanAcknowledgement"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "PlanAcknowledgement_data_delete" AFTER DELETE ON "PlanAcknowledgement"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

-- The school's own settings (review schedule, risk appetite, restore-test interval...) live on its row:
-- any change to it other than these counters moves the data version too, whichever columns are added later.
CREATE FUNCTION "bump_data_version_school"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'dataVersion' - 'catalogueVersion' - 'planSourceVersion' - 'updatedAt')
     IS DISTINCT FROM (to_jsonb(OLD) - 'dataVersion' - 'catalogueVersion' - 'planSourceVersion' - 'updatedAt') THEN
    NEW."dataVersion" := OLD."dataVersion" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "School_data_update" BEFORE UPDATE ON "School"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version_school"();
