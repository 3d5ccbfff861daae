-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "CountermeasureKind" AS ENUM ('PREVENT', 'DETECT', 'RECOVER');

-- CreateEnum
CREATE TYPE "CountermeasureStatus" AS ENUM ('PLANNED', 'IN_PLACE', 'VERIFIED');

-- CreateEnum
CREATE TYPE "FitsProcess" AS ENUM ('SERVICE_DESK', 'INCIDENT', 'PROBLEM', 'CHANGE', 'CONFIGURATION', 'RELEASE', 'AVAILABILITY', 'CAPACITY', 'SERVICE_LEVEL', 'FINANCIAL');

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "riskAppetite" INTEGER NOT NULL DEFAULT 9;

-- CreateTable
CREATE TABLE "RiskCategory" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "defaultKey" TEXT,
    "retiredAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Threat" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "defaultKey" TEXT,
    "retiredAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Threat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "categoryId" TEXT NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "impact" INTEGER NOT NULL,
    "residualLikelihood" INTEGER,
    "residualImpact" INTEGER,
    "owner" TEXT NOT NULL DEFAULT '',
    "status" "RiskStatus" NOT NULL DEFAULT 'OPEN',
    "nextReviewOn" DATE,
    "proposalKey" TEXT,
    "sourceAssetId" TEXT,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskProposalDismissal" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "proposalKey" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "assetVersion" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "dismissedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskProposalDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Countermeasure" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "CountermeasureKind" NOT NULL,
    "process" "FitsProcess" NOT NULL,
    "owner" TEXT NOT NULL DEFAULT '',
    "status" "CountermeasureStatus" NOT NULL DEFAULT 'PLANNED',
    "dueOn" DATE,
    "costPounds" INTEGER,
    "lastVerifiedOn" DATE,
    "verificationNote" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Countermeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_RiskAssets" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_RiskAssets_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_RiskToThreat" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_RiskToThreat_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_RiskToService" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_RiskToService_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_CountermeasureToRisk" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_CountermeasureToRisk_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "RiskCategory_schoolId_retiredAt_idx" ON "RiskCategory"("schoolId", "retiredAt");

-- CreateIndex
CREATE UNIQUE INDEX "RiskCategory_schoolId_defaultKey_key" ON "RiskCategory"("schoolId", "defaultKey");

-- CreateIndex
CREATE INDEX "Threat_schoolId_retiredAt_idx" ON "Threat"("schoolId", "retiredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Threat_schoolId_defaultKey_key" ON "Threat"("schoolId", "defaultKey");

-- CreateIndex
CREATE INDEX "Risk_schoolId_status_idx" ON "Risk"("schoolId", "status");

-- CreateIndex
CREATE INDEX "Risk_schoolId_proposalKey_idx" ON "Risk"("schoolId", "proposalKey");

-- CreateIndex
CREATE UNIQUE INDEX "RiskProposalDismissal_schoolId_proposalKey_key" ON "RiskProposalDismissal"("schoolId", "proposalKey");

-- CreateIndex
CREATE INDEX "Countermeasure_schoolId_status_idx" ON "Countermeasure"("schoolId", "status");

-- CreateIndex
CREATE INDEX "_RiskAssets_B_index" ON "_RiskAssets"("B");

-- CreateIndex
CREATE INDEX "_RiskToThreat_B_index" ON "_RiskToThreat"("B");

-- CreateIndex
CREATE INDEX "_RiskToService_B_index" ON "_RiskToService"("B");

-- CreateIndex
CREATE INDEX "_CountermeasureToRisk_B_index" ON "_CountermeasureToRisk"("B");

-- AddForeignKey
ALTER TABLE "RiskCategory" ADD CONSTRAINT "RiskCategory_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Threat" ADD CONSTRAINT "Threat_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "RiskCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_sourceAssetId_fkey" FOREIGN KEY ("sourceAssetId") REFERENCES "Asset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskProposalDismissal" ADD CONSTRAINT "RiskProposalDismissal_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Countermeasure" ADD CONSTRAINT "Countermeasure_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RiskAssets" ADD CONSTRAINT "_RiskAssets_A_fkey" FOREIGN KEY ("A") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RiskAssets" ADD CONSTRAINT "_RiskAssets_B_fkey" FOREIGN KEY ("B") REFERENCES "Risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RiskToThreat" ADD CONSTRAINT "_RiskToThreat_A_fkey" FOREIGN KEY ("A") REFERENCES "Risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RiskToThreat" ADD CONSTRAINT "_RiskToThreat_B_fkey" FOREIGN KEY ("B") REFERENCES "Threat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RiskToService" ADD CONSTRAINT "_RiskToService_A_fkey" FOREIGN KEY ("A") REFERENCES "Risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RiskToService" ADD CONSTRAINT "_RiskToService_B_fkey" FOREIGN KEY ("B") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CountermeasureToRisk" ADD CONSTRAINT "_CountermeasureToRisk_A_fkey" FOREIGN KEY ("A") REFERENCES "Countermeasure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CountermeasureToRisk" ADD CONSTRAINT "_CountermeasureToRisk_B_fkey" FOREIGN KEY ("B") REFERENCES "Risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;
