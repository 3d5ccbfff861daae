-- CreateEnum
CREATE TYPE "AssetType" AS ENUM ('HARDWARE', 'SOFTWARE', 'NETWORK', 'EXTERNAL_SERVICE', 'DATA', 'PEOPLE', 'PROCEDURE', 'FACILITY');

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "usersAffected" TEXT NOT NULL DEFAULT '',
    "criticality" INTEGER NOT NULL,
    "rtoMinutes" INTEGER NOT NULL,
    "rpoMinutes" INTEGER NOT NULL,
    "maxOutageMinutes" INTEGER NOT NULL,
    "minServiceLevel" TEXT NOT NULL DEFAULT '',
    "impacts" JSONB NOT NULL DEFAULT '[]',
    "starterKey" TEXT,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Asset" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "AssetType" NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "specification" TEXT NOT NULL DEFAULT '',
    "supplier" TEXT NOT NULL DEFAULT '',
    "contractRef" TEXT NOT NULL DEFAULT '',
    "specificationChangedAt" TIMESTAMP(3),
    "standbyAssetId" TEXT,
    "standbyArrangement" TEXT NOT NULL DEFAULT '',
    "standbyVerifiedAt" TIMESTAMP(3),
    "starterKey" TEXT,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceAsset" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceAsset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssetDependency" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "dependsOnId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssetDependency_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Service_schoolId_archivedAt_criticality_idx" ON "Service"("schoolId", "archivedAt", "criticality");

-- CreateIndex
CREATE UNIQUE INDEX "Service_schoolId_starterKey_key" ON "Service"("schoolId", "starterKey");

-- CreateIndex
CREATE INDEX "Asset_schoolId_archivedAt_type_idx" ON "Asset"("schoolId", "archivedAt", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_schoolId_starterKey_key" ON "Asset"("schoolId", "starterKey");

-- CreateIndex
CREATE INDEX "ServiceAsset_schoolId_idx" ON "ServiceAsset"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceAsset_serviceId_assetId_key" ON "ServiceAsset"("serviceId", "assetId");

-- CreateIndex
CREATE INDEX "AssetDependency_schoolId_idx" ON "AssetDependency"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "AssetDependency_assetId_dependsOnId_key" ON "AssetDependency"("assetId", "dependsOnId");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_standbyAssetId_fkey" FOREIGN KEY ("standbyAssetId") REFERENCES "Asset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAsset" ADD CONSTRAINT "ServiceAsset_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAsset" ADD CONSTRAINT "ServiceAsset_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAsset" ADD CONSTRAINT "ServiceAsset_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetDependency" ADD CONSTRAINT "AssetDependency_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetDependency" ADD CONSTRAINT "AssetDependency_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssetDependency" ADD CONSTRAINT "AssetDependency_dependsOnId_fkey" FOREIGN KEY ("dependsOnId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
