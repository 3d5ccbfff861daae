-- CreateEnum
CREATE TYPE "BuiltInRecoveryRole" AS ENUM ('CONTINUITY_MANAGER', 'DEPUTY_CONTINUITY_MANAGER');

-- CreateTable
CREATE TABLE "RecoveryRole" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "responsibilities" TEXT NOT NULL DEFAULT '',
    "builtIn" "BuiltInRecoveryRole",
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecoveryRole_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecoveryRole_schoolId_archivedAt_idx" ON "RecoveryRole"("schoolId", "archivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryRole_schoolId_builtIn_key" ON "RecoveryRole"("schoolId", "builtIn");

-- AddForeignKey
ALTER TABLE "RecoveryRole" ADD CONSTRAINT "RecoveryRole_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;
