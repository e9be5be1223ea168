-- AlterTable
ALTER TABLE "reminder_delivery" ADD COLUMN     "left_at" TIMESTAMPTZ(3);

