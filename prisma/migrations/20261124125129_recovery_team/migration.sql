-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('NCSC_CYBER', 'TRAINING', 'REHEARSAL');

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL DEFAULT '',
    "membershipId" TEXT,
    "mobile" TEXT NOT NULL DEFAULT '',
    "otherPhone" TEXT NOT NULL DEFAULT '',
    "personalEmail" TEXT NOT NULL DEFAULT '',
    "outOfHoursNotes" TEXT NOT NULL DEFAULT '',
    "fallbackContact" TEXT NOT NULL DEFAULT '',
    "systemAccess" BOOLEAN NOT NULL DEFAULT true,
    "leftAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMemberRole" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "teamMemberId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMemberRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "teamMemberId" TEXT NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "heldOn" TIMESTAMP(3) NOT NULL,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_membershipId_key" ON "TeamMember"("membershipId");

-- CreateIndex
CREATE INDEX "TeamMember_schoolId_leftAt_idx" ON "TeamMember"("schoolId", "leftAt");

-- CreateIndex
CREATE INDEX "TeamMemberRole_schoolId_roleId_idx" ON "TeamMemberRole"("schoolId", "roleId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMemberRole_teamMemberId_roleId_key" ON "TeamMemberRole"("teamMemberId", "roleId");

-- CreateIndex
CREATE INDEX "TrainingRecord_schoolId_teamMemberId_idx" ON "TrainingRecord"("schoolId", "teamMemberId");

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMemberRole" ADD CONSTRAINT "TeamMemberRole_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMemberRole" ADD CONSTRAINT "TeamMemberRole_teamMemberId_fkey" FOREIGN KEY ("teamMemberId") REFERENCES "TeamMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMemberRole" ADD CONSTRAINT "TeamMemberRole_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "RecoveryRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_teamMemberId_fkey" FOREIGN KEY ("teamMemberId") REFERENCES "TeamMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: every school that already exists gets the two built-in recovery roles (new schools get them from
-- lib/team/mutations.ts ensureBuiltInRoles). The names and responsibilities match lib/team/schema.ts.
INSERT INTO "RecoveryRole" ("id", "schoolId", "name", "responsibilities", "builtIn", "updatedAt")
SELECT 'rr_' || md5(s."id" || 'CONTINUITY_MANAGER'), s."id", 'Service continuity manager',
       'Owns the service continuity process and leads the recovery plan''s development. Invokes the plan personally. Appoints a deputy to cover during absence, but does not delegate responsibility.',
       'CONTINUITY_MANAGER', CURRENT_TIMESTAMP
FROM "School" s
ON CONFLICT ("schoolId", "builtIn") DO NOTHING;

INSERT INTO "RecoveryRole" ("id", "schoolId", "name", "responsibilities", "builtIn", "updatedAt")
SELECT 'rr_' || md5(s."id" || 'DEPUTY_CONTINUITY_MANAGER'), s."id", 'Deputy service continuity manager',
       'Stands in for the service continuity manager during their absence, including invoking the plan.',
       'DEPUTY_CONTINUITY_MANAGER', CURRENT_TIMESTAMP
FROM "School" s
ON CONFLICT ("schoolId", "builtIn") DO NOTHING;
