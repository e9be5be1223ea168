-- CreateEnum
CREATE TYPE "TrainingSubject" AS ENUM ('REQUEST', 'COMPLETION');

-- AlterEnum
ALTER TYPE "TrainingCompletionStatus" ADD VALUE 'DITOLAK';

-- CreateTable
CREATE TABLE "training_review_message" (
    "id" UUID NOT NULL,
    "subject" "TrainingSubject" NOT NULL,
    "subject_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "chat_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "team_id" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_review_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "training_review_message_subject_id_version_idx" ON "training_review_message"("subject_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "training_review_message_platform_chat_id_message_id_key" ON "training_review_message"("platform", "chat_id", "message_id");

