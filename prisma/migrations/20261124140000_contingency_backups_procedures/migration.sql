-- CreateEnum
CREATE TYPE "RecoveryStrategy" AS ENUM ('DO_NOTHING', 'MANUAL_WORKAROUND', 'RECIPROCAL', 'GRADUAL', 'INTERMEDIATE', 'FAST', 'IMMEDIATE');

-- CreateEnum
CREATE TYPE "BackupLocation" AS ENUM ('ON_SITE', 'OFF_SITE', 'CLOUD');

-- CreateEnum
CREATE TYPE "BackupMedium" AS ENUM ('SAME_DEVICE', 'DISK', 'REMOVABLE_DISK', 'TAPE', 'CLOUD_STORAGE', 'OPTICAL');

-- CreateEnum
CREATE TYPE "RestoreResult" AS ENUM ('SUCCESS', 'PARTIAL', 'FAILED');

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "restoreTestMonths" INTEGER NOT NULL DEFAULT 6;

-- CreateTable
CREATE TABLE "ContingencyPlan" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "strategy" "RecoveryStrategy" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "oneOffCostPence" INTEGER,
    "yearlyCostPence" INTEGER,
    "manualWorkaround" TEXT NOT NULL DEFAULT '',
    "invocationCriteria" TEXT NOT NULL DEFAULT '',
    "standbySupplier" TEXT NOT NULL DEFAULT '',
    "standbyContract" TEXT NOT NULL DEFAULT '',
    "standbyContact" TEXT NOT NULL DEFAULT '',
    "standbyHowToInvoke" TEXT NOT NULL DEFAULT '',
    "standbyInvokeCostPence" INTEGER,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContingencyPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Procedure" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "planId" TEXT,
    "assetId" TEXT,
    "orderVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureStep" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "procedureId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "instruction" TEXT NOT NULL,
    "estimatedMinutes" INTEGER NOT NULL,
    "recoveryRoleId" TEXT,
    "afterStepId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcedureStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Backup" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "assetId" TEXT,
    "serviceId" TEXT,
    "name" TEXT NOT NULL,
    "location" "BackupLocation" NOT NULL,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "medium" "BackupMedium" NOT NULL,
    "frequencyMinutes" INTEGER NOT NULL,
    "retention" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Backup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestoreTest" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "backupId" TEXT NOT NULL,
    "testedOn" DATE NOT NULL,
    "whatRestored" TEXT NOT NULL,
    "minutesTaken" INTEGER NOT NULL,
    "result" "RestoreResult" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RestoreTest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContingencyPlan_schoolId_serviceId_archivedAt_idx" ON "ContingencyPlan"("schoolId", "serviceId", "archivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Procedure_planId_key" ON "Procedure"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "Procedure_assetId_key" ON "Procedure"("assetId");

-- CreateIndex
CREATE INDEX "Procedure_schoolId_idx" ON "Procedure"("schoolId");

-- CreateIndex
CREATE INDEX "ProcedureStep_schoolId_idx" ON "ProcedureStep"("schoolId");

-- CreateIndex
CREATE INDEX "ProcedureStep_procedureId_position_idx" ON "ProcedureStep"("procedureId", "position");

-- CreateIndex
CREATE INDEX "Backup_schoolId_archivedAt_idx" ON "Backup"("schoolId", "archivedAt");

-- CreateIndex
CREATE INDEX "Backup_assetId_idx" ON "Backup"("assetId");

-- CreateIndex
CREATE INDEX "Backup_serviceId_idx" ON "Backup"("serviceId");

-- CreateIndex
CREATE INDEX "RestoreTest_schoolId_idx" ON "RestoreTest"("schoolId");

-- CreateIndex
CREATE INDEX "RestoreTest_backupId_testedOn_idx" ON "RestoreTest"("backupId", "testedOn");

-- AddForeignKey
ALTER TABLE "ContingencyPlan" ADD CONSTRAINT "ContingencyPlan_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContingencyPlan" ADD CONSTRAINT "ContingencyPlan_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ContingencyPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureStep" ADD CONSTRAINT "ProcedureStep_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureStep" ADD CONSTRAINT "ProcedureStep_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureStep" ADD CONSTRAINT "ProcedureStep_recoveryRoleId_fkey" FOREIGN KEY ("recoveryRoleId") REFERENCES "RecoveryRole"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureStep" ADD CONSTRAINT "ProcedureStep_afterStepId_fkey" FOREIGN KEY ("afterStepId") REFERENCES "ProcedureStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Backup" ADD CONSTRAINT "Backup_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Backup" ADD CONSTRAINT "Backup_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Backup" ADD CONSTRAINT "Backup_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestoreTest" ADD CONSTRAINT "RestoreTest_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestoreTest" ADD CONSTRAINT "RestoreTest_backupId_fkey" FOREIGN KEY ("backupId") REFERENCES "Backup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exactly one owner each: a procedure belongs to a plan or to the restore of an asset, and a backup to an asset or a service.
ALTER TABLE "Procedure" ADD CONSTRAINT "Procedure_one_owner" CHECK (num_nonnulls("planId", "assetId") = 1);
ALTER TABLE "Backup" ADD CONSTRAINT "Backup_one_subject" CHECK (num_nonnulls("assetId", "serviceId") = 1);
