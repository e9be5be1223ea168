-- AlterTable
ALTER TABLE "outbox_event" ADD COLUMN     "claimed_until" TIMESTAMPTZ(3);

