-- CreateEnum
CREATE TYPE "RecognitionStatus" AS ENUM ('MENUNGGU', 'DIPILIH', 'TIDAK_ADA');

-- CreateEnum
CREATE TYPE "TrainingRequestStatus" AS ENUM ('DIAJUKAN', 'DISETUJUI', 'DITOLAK');

-- CreateEnum
CREATE TYPE "TrainingCompletionStatus" AS ENUM ('DIAJUKAN', 'DISETUJUI', 'REVISI');

-- AlterTable
ALTER TABLE "unit" ADD COLUMN     "slack_channel" TEXT;

-- CreateTable
CREATE TABLE "recognition" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "head_id" UUID NOT NULL,
    "status" "RecognitionStatus" NOT NULL DEFAULT 'MENUNGGU',
    "note" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "recognition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recognition_candidate" (
    "recognition_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "capaian_percent" DOUBLE PRECISION NOT NULL,
    "days_reported" INTEGER NOT NULL,
    "working_days" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL,
    "approved_clean" INTEGER NOT NULL,
    "kudos" INTEGER NOT NULL,
    "served_average" DOUBLE PRECISION,
    "served_count" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "chosen" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "recognition_candidate_pkey" PRIMARY KEY ("recognition_id","person_id")
);

-- CreateTable
CREATE TABLE "training" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "competency" TEXT NOT NULL,
    "jp" DECIMAL(6,1) NOT NULL,
    "organizer" TEXT,
    "url" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_request" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "training_id" UUID NOT NULL,
    "status" "TrainingRequestStatus" NOT NULL DEFAULT 'DIAJUKAN',
    "decider_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "training_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_completion" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "training_id" UUID NOT NULL,
    "jp" DECIMAL(6,1) NOT NULL,
    "completed_on" DATE NOT NULL,
    "status" "TrainingCompletionStatus" NOT NULL DEFAULT 'DIAJUKAN',
    "platform" "Platform" NOT NULL,
    "file_id" TEXT NOT NULL,
    "file_unique_id" TEXT,
    "file_name" TEXT,
    "mime_type" TEXT,
    "size_bytes" INTEGER,
    "revision_note" TEXT,
    "decider_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "training_completion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "recognition_unit_id_month_key" ON "recognition"("unit_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "training_code_key" ON "training"("code");

-- CreateIndex
CREATE INDEX "training_request_person_id_created_at_idx" ON "training_request"("person_id", "created_at");

-- CreateIndex
CREATE INDEX "training_completion_status_created_at_idx" ON "training_completion"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "training_completion_person_id_training_id_key" ON "training_completion"("person_id", "training_id");

-- AddForeignKey
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_head_id_fkey" FOREIGN KEY ("head_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_candidate" ADD CONSTRAINT "recognition_candidate_recognition_id_fkey" FOREIGN KEY ("recognition_id") REFERENCES "recognition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_candidate" ADD CONSTRAINT "recognition_candidate_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_request" ADD CONSTRAINT "training_request_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_request" ADD CONSTRAINT "training_request_training_id_fkey" FOREIGN KEY ("training_id") REFERENCES "training"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_request" ADD CONSTRAINT "training_request_decider_id_fkey" FOREIGN KEY ("decider_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_completion" ADD CONSTRAINT "training_completion_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_completion" ADD CONSTRAINT "training_completion_training_id_fkey" FOREIGN KEY ("training_id") REFERENCES "training"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_completion" ADD CONSTRAINT "training_completion_decider_id_fkey" FOREIGN KEY ("decider_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

