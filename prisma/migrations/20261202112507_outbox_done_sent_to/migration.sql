-- DropIndex
DROP INDEX "outbox_event_relayed_at_id_idx";

-- AlterTable
ALTER TABLE "outbox_event" ADD COLUMN     "done_at" TIMESTAMPTZ(3),
ADD COLUMN     "sent_to" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "outbox_event_done_at_relayed_at_idx" ON "outbox_event"("done_at", "relayed_at");

