-- AlterEnum
ALTER TYPE "ReminderStatus" ADD VALUE 'SENDING';

-- AlterTable
ALTER TABLE "reminder_delivery" ADD COLUMN     "due_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "sending_at" TIMESTAMPTZ(3);

