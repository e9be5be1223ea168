-- CreateEnum
CREATE TYPE "OrganisationResult" AS ENUM ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "ObjectionDecision" AS ENUM ('TETAP', 'DIUBAH');

-- AlterEnum
BEGIN;
CREATE TYPE "EvaluationStatus_new" AS ENUM ('DINILAI', 'KEBERATAN', 'FINAL');
ALTER TABLE "evaluation" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "evaluation" ALTER COLUMN "status" TYPE "EvaluationStatus_new" USING ("status"::text::"EvaluationStatus_new");
ALTER TYPE "EvaluationStatus" RENAME TO "EvaluationStatus_old";
ALTER TYPE "EvaluationStatus_new" RENAME TO "EvaluationStatus";
DROP TYPE "EvaluationStatus_old";
ALTER TABLE "evaluation" ALTER COLUMN "status" SET DEFAULT 'DINILAI';
COMMIT;

-- DropForeignKey
ALTER TABLE "evaluation" DROP CONSTRAINT "evaluation_skp_id_fkey";

-- DropIndex
DROP INDEX "evaluation_skp_id_period_kind_period_index_key";

-- AlterTable
ALTER TABLE "evaluation" DROP COLUMN "decided_at",
DROP COLUMN "note",
DROP COLUMN "period_index",
DROP COLUMN "skp_id",
ADD COLUMN     "behaviour_notes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "feedback" TEXT,
ADD COLUMN     "final_at" TIMESTAMPTZ(3),
ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "objection_until" DATE NOT NULL,
ADD COLUMN     "organisation_result" "OrganisationResult",
ADD COLUMN     "period_code" TEXT NOT NULL,
ADD COLUMN     "period_name" TEXT NOT NULL,
ADD COLUMN     "rated_at" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "rating_deadline" DATE NOT NULL,
ADD COLUMN     "told_on" DATE NOT NULL,
ADD COLUMN     "unit_head" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "status" SET DEFAULT 'DINILAI';

-- CreateTable
CREATE TABLE "evaluation_period" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "rating_deadline" DATE NOT NULL,
    "unit_id" UUID,
    "scope" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "evaluation_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_achievement" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "period_code" TEXT NOT NULL,
    "result" "OrganisationResult" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisation_achievement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "objection" (
    "id" UUID NOT NULL,
    "evaluation_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "decider_id" UUID NOT NULL,
    "previous_hasil_kerja" "Rating" NOT NULL,
    "previous_perilaku" "Rating" NOT NULL,
    "previous_predikat" "Predikat" NOT NULL,
    "decision" "ObjectionDecision",
    "decision_reason" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "objection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "evaluation_period_end_date_idx" ON "evaluation_period"("end_date");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_period_code_scope_key" ON "evaluation_period"("code", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_achievement_unit_id_period_code_key" ON "organisation_achievement"("unit_id", "period_code");

-- CreateIndex
CREATE UNIQUE INDEX "objection_evaluation_id_key" ON "objection"("evaluation_id");

-- CreateIndex
CREATE INDEX "objection_decider_id_decided_at_idx" ON "objection"("decider_id", "decided_at");

-- CreateIndex
CREATE INDEX "evaluation_rater_id_period_code_idx" ON "evaluation"("rater_id", "period_code");

-- CreateIndex
CREATE INDEX "evaluation_status_objection_until_idx" ON "evaluation"("status", "objection_until");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_person_id_period_code_key" ON "evaluation"("person_id", "period_code");

-- AddForeignKey
ALTER TABLE "evaluation_period" ADD CONSTRAINT "evaluation_period_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_achievement" ADD CONSTRAINT "organisation_achievement_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection" ADD CONSTRAINT "objection_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection" ADD CONSTRAINT "objection_decider_id_fkey" FOREIGN KEY ("decider_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

