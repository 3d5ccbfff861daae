-- CreateEnum
CREATE TYPE "ReviewTriggerKind" AS ENUM ('PLAN_STALE', 'CRITICAL_SERVICE', 'NEW_ROLE_HOLDER', 'EXERCISE', 'INVOCATION');

-- CreateEnum
CREATE TYPE "ReviewProposalStatus" AS ENUM ('OPEN', 'STARTED', 'DISMISSED');

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "ReviewAnswer" ADD COLUMN     "hint" TEXT,
ADD COLUMN     "key" TEXT;

-- AlterTable
ALTER TABLE "ReviewChecklistItem" ADD COLUMN     "key" TEXT;

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "planStaleDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "reviewTriggersCheckedAt" TIMESTAMP(3);

-- Backfill: the starter questions already copied to schools (and into reviews) get their stable keys, matched by
-- the starter question's words (lib/reviews/checklist.ts STARTER_CHECKLIST). A school's own questions (no source)
-- keep none; should a school hold the same starter question twice, only the first gets the key.
UPDATE "ReviewChecklistItem" AS i SET "key" = k."key"
FROM (VALUES
  ('keep.assets', 'Asset changes (configuration management): does the plan reflect every asset that changed?'),
  ('keep.services', 'Service and service-level changes: does the plan reflect new or changed services and service levels?'),
  ('keep.changes', 'Changes made through change management: is every change since the last review reflected in the plan?'),
  ('keep.personnel', 'Personnel: are new people and appointments in the recovery team known, trained and rehearsed?'),
  ('improve.identified', 'Have you identified all your services, assets, risks and threats?'),
  ('improve.adequate', 'Are your contingency plans adequate?'),
  ('improve.improve', 'Can you improve the plans you have put in place?'),
  ('improve.add', 'Can you add to your plans?'),
  ('improve.rehearse', 'Do you need to rehearse your plans, for the first time or again?'),
  ('counter.service-desk', 'Service desk: does it help you spot or reduce risks to your ICT services?'),
  ('counter.incident', 'Incident management: does it help you spot or reduce risks to your ICT services?'),
  ('counter.problem', 'Problem management: does it help you spot or reduce risks to your ICT services?'),
  ('counter.change', 'Change management: does it help you spot or reduce risks to your ICT services?'),
  ('counter.configuration', 'Configuration management: does it help you spot or reduce risks to your ICT services?'),
  ('counter.release', 'Release management: does it help you spot or reduce risks to your ICT services?'),
  ('counter.availability', 'Availability management: does it help you spot or reduce risks to your ICT services?'),
  ('counter.capacity', 'Capacity management: does it help you spot or reduce risks to your ICT services?'),
  ('counter.service-level', 'Service level management: does it help you spot or reduce risks to your ICT services?'),
  ('counter.financial', 'Financial management: does it help you spot or reduce risks to your ICT services?'),
  ('prepare.roles', 'Roles and responsibilities: is the service continuity manager role assigned?'),
  ('prepare.training', 'Training: do those taking part understand what is required of them?'),
  ('prepare.start-date', 'Start date: is a go-live date set, with time for the preparatory tasks?'),
  ('prepare.communication', 'Communication: has the implementation team agreed plans, and have users been told about the new process?'),
  ('prepare.materials', 'Materials: are the templates and materials ready and can everyone involved reach them?'),
  ('prepare.prerequisites', 'Prerequisites: are service level, configuration and change management in place, or planned?')
) AS k("key", "question")
WHERE i."question" = k."question" AND i."source" <> ''
  AND i."id" = (
    SELECT j."id" FROM "ReviewChecklistItem" AS j
    WHERE j."schoolId" = i."schoolId" AND j."question" = i."question" AND j."source" <> ''
    ORDER BY j."createdAt", j."id" LIMIT 1
  );

UPDATE "ReviewAnswer" AS a SET "key" = i."key"
FROM "ReviewChecklistItem" AS i
WHERE a."itemId" = i."id" AND i."key" IS NOT NULL;

-- CreateTable
CREATE TABLE "ReviewProposal" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "kind" "ReviewTriggerKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "causeKey" TEXT NOT NULL,
    "auditEventIds" TEXT[],
    "status" "ReviewProposalStatus" NOT NULL DEFAULT 'OPEN',
    "dismissReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reviewId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewProposal_schoolId_status_idx" ON "ReviewProposal"("schoolId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewProposal_schoolId_causeKey_key" ON "ReviewProposal"("schoolId", "causeKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewChecklistItem_schoolId_key_key" ON "ReviewChecklistItem"("schoolId", "key");

-- AddForeignKey
ALTER TABLE "ReviewProposal" ADD CONSTRAINT "ReviewProposal_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewProposal" ADD CONSTRAINT "ReviewProposal_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Proposals are the school's records: writing them moves the data version (migration data_version), so the
-- dashboard's cached panels show a started or dismissed proposal at once.
CREATE TRIGGER "ReviewProposal_data_insert" AFTER INSERT ON "ReviewProposal"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_new"();
CREATE TRIGGER "ReviewProposal_data_update" AFTER UPDATE ON "ReviewProposal"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_both"();
CREATE TRIGGER "ReviewProposal_data_delete" AFTER DELETE ON "ReviewProposal"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_old"();

-- Where review triggers were last evaluated is a cursor, not a setting: moving it (on every dashboard load
-- by the manager or head) must not move the data version, or the dashboard's cache would never hold.
CREATE OR REPLACE FUNCTION "bump_data_version_school"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'dataVersion' - 'catalogueVersion' - 'planSourceVersion' - 'updatedAt' - 'reviewTriggersCheckedAt')
     IS DISTINCT FROM (to_jsonb(OLD) - 'dataVersion' - 'catalogueVersion' - 'planSourceVersion' - 'updatedAt' - 'reviewTriggersCheckedAt') THEN
    NEW."dataVersion" := OLD."dataVersion" + 1;
  END IF;
  RETURN NEW;
END $$;
