-- AlterTable
ALTER TABLE "ServiceAsset" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
