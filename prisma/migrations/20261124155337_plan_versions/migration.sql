-- CreateEnum
CREATE TYPE "PlanVersionStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "PlanCopyLocation" AS ENUM ('GRAB_BAG', 'OFF_SITE', 'HEAD_TEACHER_HOME', 'MEMBER_PHONE', 'OTHER');

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "planSourceVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "sourceVersion" INTEGER NOT NULL,
    "gapCount" INTEGER NOT NULL DEFAULT 0,
    "status" "PlanVersionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    "publishedByName" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decisionComment" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanCopy" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "location" "PlanCopyLocation" NOT NULL,
    "holder" TEXT NOT NULL,
    "teamMemberId" TEXT,
    "versionNumber" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanCopy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanAcknowledgement" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "planVersionId" TEXT NOT NULL,
    "teamMemberId" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_fingerprint_key" ON "PlanVersion"("fingerprint");

-- CreateIndex
CREATE INDEX "PlanVersion_schoolId_status_number_idx" ON "PlanVersion"("schoolId", "status", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_schoolId_number_key" ON "PlanVersion"("schoolId", "number");

-- CreateIndex
CREATE INDEX "PlanCopy_schoolId_archivedAt_idx" ON "PlanCopy"("schoolId", "archivedAt");

-- CreateIndex
CREATE INDEX "PlanAcknowledgement_schoolId_idx" ON "PlanAcknowledgement"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanAcknowledgement_planVersionId_teamMemberId_key" ON "PlanAcknowledgement"("planVersionId", "teamMemberId");

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanCopy" ADD CONSTRAINT "PlanCopy_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanCopy" ADD CONSTRAINT "PlanCopy_teamMemberId_fkey" FOREIGN KEY ("teamMemberId") REFERENCES "TeamMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAcknowledgement" ADD CONSTRAINT "PlanAcknowledgement_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAcknowledgement" ADD CONSTRAINT "PlanAcknowledgement_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "PlanVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAcknowledgement" ADD CONSTRAINT "PlanAcknowledgement_teamMemberId_fkey" FOREIGN KEY ("teamMemberId") REFERENCES "TeamMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The plan's source version: every statement that writes a table the recovery plan is built from bumps
-- School.planSourceVersion once per school it touched, in the same transaction (as catalogue_version does
-- for the catalogue). A published version records the number it was taken at; the plan is stale when the
-- school's number has moved past the current approved version's, whatever path made the change.
CREATE FUNCTION "bump_plan_source_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "planSourceVersion" = "planSourceVersion" + 1
  WHERE "id" IN (SELECT DISTINCT "schoolId" FROM new_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "bump_plan_source_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "planSourceVersion" = "planSourceVersion" + 1
  WHERE "id" IN (SELECT DISTINCT "schoolId" FROM old_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION "bump_plan_source_both"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "School" SET "planSourceVersion" = "planSourceVersion" + 1
  WHERE "id" IN (SELECT "schoolId" FROM new_rows UNION SELECT "schoolId" FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER "Service_plan_insert" AFTER INSERT ON "Service"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "Service_plan_update" AFTER UPDATE ON "Service"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "Service_plan_delete" AFTER DELETE ON "Service"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "Asset_plan_insert" AFTER INSERT ON "Asset"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "Asset_plan_update" AFTER UPDATE ON "Asset"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "Asset_plan_delete" AFTER DELETE ON "Asset"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "ServiceAsset_plan_insert" AFTER INSERT ON "ServiceAsset"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "ServiceAsset_plan_update" AFTER UPDATE ON "ServiceAsset"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "ServiceAsset_plan_delete" AFTER DELETE ON "ServiceAsset"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "AssetDependency_plan_insert" AFTER INSERT ON "AssetDependency"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "AssetDependency_plan_update" AFTER UPDATE ON "AssetDependency"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "AssetDependency_plan_delete" AFTER DELETE ON "AssetDependency"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "ContingencyPlan_plan_insert" AFTER INSERT ON "ContingencyPlan"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "ContingencyPlan_plan_update" AFTER UPDATE ON "ContingencyPlan"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "ContingencyPlan_plan_delete" AFTER DELETE ON "ContingencyPlan"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "Procedure_plan_insert" AFTER INSERT ON "Procedure"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "Procedure_plan_update" AFTER UPDATE ON "Procedure"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "Procedure_plan_delete" AFTER DELETE ON "Procedure"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "ProcedureStep_plan_insert" AFTER INSERT ON "ProcedureStep"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "ProcedureStep_plan_update" AFTER UPDATE ON "ProcedureStep"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "ProcedureStep_plan_delete" AFTER DELETE ON "ProcedureStep"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "RecoveryRole_plan_insert" AFTER INSERT ON "RecoveryRole"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "RecoveryRole_plan_update" AFTER UPDATE ON "RecoveryRole"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "RecoveryRole_plan_delete" AFTER DELETE ON "RecoveryRole"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "TeamMember_plan_insert" AFTER INSERT ON "TeamMember"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "TeamMember_plan_update" AFTER UPDATE ON "TeamMember"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "TeamMember_plan_delete" AFTER DELETE ON "TeamMember"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "TeamMemberRole_plan_insert" AFTER INSERT ON "TeamMemberRole"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "TeamMemberRole_plan_update" AFTER UPDATE ON "TeamMemberRole"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "TeamMemberRole_plan_delete" AFTER DELETE ON "TeamMemberRole"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "Backup_plan_insert" AFTER INSERT ON "Backup"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "Backup_plan_update" AFTER UPDATE ON "Backup"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "Backup_plan_delete" AFTER DELETE ON "Backup"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();

CREATE TRIGGER "RestoreTest_plan_insert" AFTER INSERT ON "RestoreTest"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_new"();
CREATE TRIGGER "RestoreTest_plan_update" AFTER UPDATE ON "RestoreTest"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_both"();
CREATE TRIGGER "RestoreTest_plan_delete" AFTER DELETE ON "RestoreTest"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_plan_source_old"();
