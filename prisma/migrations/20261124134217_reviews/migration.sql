-- CreateEnum
CREATE TYPE "ReviewSchedule" AS ENUM ('TERMLY', 'MONTHS');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('SCHEDULED', 'CHANGE_TRIGGERED', 'POST_INCIDENT', 'POST_EXERCISE');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('OPEN', 'SUBMITTED', 'RETURNED', 'SIGNED_OFF');

-- CreateEnum
CREATE TYPE "ReviewSection" AS ENUM ('KEEP_UP_TO_DATE', 'IMPROVE_PLAN', 'IMPROVE_COUNTERMEASURES', 'PREPARATION');

-- CreateEnum
CREATE TYPE "ReviewAnswerValue" AS ENUM ('YES', 'NO', 'NOT_APPLICABLE');

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "reviewSchedule" "ReviewSchedule" NOT NULL DEFAULT 'TERMLY',
ADD COLUMN     "reviewScheduleVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "termDates" JSONB;

-- CreateTable
CREATE TABLE "ReviewChecklistItem" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "section" "ReviewSection" NOT NULL,
    "question" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "firstReviewOnly" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "ReviewKind" NOT NULL DEFAULT 'SCHEDULED',
    "status" "ReviewStatus" NOT NULL DEFAULT 'OPEN',
    "dueDate" DATE NOT NULL,
    "coversFrom" TIMESTAMP(3),
    "firstReview" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "signedOffAt" TIMESTAMP(3),
    "signedOffById" TEXT,
    "signedOffName" TEXT,
    "signOffComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAnswer" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "itemId" TEXT,
    "section" "ReviewSection" NOT NULL,
    "question" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "answer" "ReviewAnswerValue",
    "notes" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ReviewAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAction" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "answerId" TEXT,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewChangeConsidered" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byId" TEXT,

    CONSTRAINT "ReviewChangeConsidered_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewEvent" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "byId" TEXT,
    "byName" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewChecklistItem_schoolId_archivedAt_idx" ON "ReviewChecklistItem"("schoolId", "archivedAt");

-- CreateIndex
CREATE INDEX "Review_schoolId_status_idx" ON "Review"("schoolId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Review_schoolId_number_key" ON "Review"("schoolId", "number");

-- CreateIndex
CREATE INDEX "ReviewAnswer_reviewId_idx" ON "ReviewAnswer"("reviewId");

-- CreateIndex
CREATE INDEX "ReviewAction_schoolId_doneAt_idx" ON "ReviewAction"("schoolId", "doneAt");

-- CreateIndex
CREATE INDEX "ReviewAction_reviewId_idx" ON "ReviewAction"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewChangeConsidered_reviewId_entity_entityId_key" ON "ReviewChangeConsidered"("reviewId", "entity", "entityId");

-- CreateIndex
CREATE INDEX "ReviewEvent_reviewId_at_idx" ON "ReviewEvent"("reviewId", "at");

-- AddForeignKey
ALTER TABLE "ReviewChecklistItem" ADD CONSTRAINT "ReviewChecklistItem_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAnswer" ADD CONSTRAINT "ReviewAnswer_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "ReviewAnswer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewChangeConsidered" ADD CONSTRAINT "ReviewChangeConsidered_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;
