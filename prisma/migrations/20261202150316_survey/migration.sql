-- CreateEnum
CREATE TYPE "SurveyChannel" AS ENUM ('WEB', 'TELEGRAM');

-- AlterTable
ALTER TABLE "unit" ADD COLUMN     "survey_token" TEXT;

-- AlterTable
ALTER TABLE "person" ADD COLUMN     "survey_code" TEXT;

-- CreateTable
CREATE TABLE "survey_response" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "local_date" DATE NOT NULL,
    "u1" SMALLINT NOT NULL,
    "u2" SMALLINT NOT NULL,
    "u3" SMALLINT NOT NULL,
    "u4" SMALLINT NOT NULL,
    "u5" SMALLINT NOT NULL,
    "u6" SMALLINT NOT NULL,
    "u7" SMALLINT NOT NULL,
    "u8" SMALLINT NOT NULL,
    "u9" SMALLINT NOT NULL,
    "comment" TEXT,
    "channel" "SurveyChannel" NOT NULL,
    "served_by_id" UUID,

    CONSTRAINT "survey_response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_answered" (
    "unit_id" UUID NOT NULL,
    "local_date" DATE NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "survey_answered_pkey" PRIMARY KEY ("unit_id","local_date","hash")
);

-- CreateIndex
CREATE INDEX "survey_response_unit_id_local_date_idx" ON "survey_response"("unit_id", "local_date");

-- CreateIndex
CREATE INDEX "survey_response_served_by_id_local_date_idx" ON "survey_response"("served_by_id", "local_date");

-- CreateIndex
CREATE INDEX "survey_answered_local_date_idx" ON "survey_answered"("local_date");

-- CreateIndex
CREATE UNIQUE INDEX "unit_survey_token_key" ON "unit"("survey_token");

-- CreateIndex
CREATE UNIQUE INDEX "person_survey_code_key" ON "person"("survey_code");

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_served_by_id_fkey" FOREIGN KEY ("served_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_answered" ADD CONSTRAINT "survey_answered_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma does not model CHECK constraints): every unsur scored 1–4, the comment bounded.
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_scores_check" CHECK (
    "u1" BETWEEN 1 AND 4 AND "u2" BETWEEN 1 AND 4 AND "u3" BETWEEN 1 AND 4 AND
    "u4" BETWEEN 1 AND 4 AND "u5" BETWEEN 1 AND 4 AND "u6" BETWEEN 1 AND 4 AND
    "u7" BETWEEN 1 AND 4 AND "u8" BETWEEN 1 AND 4 AND "u9" BETWEEN 1 AND 4);
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_comment_check" CHECK (char_length("comment") <= 1000);
