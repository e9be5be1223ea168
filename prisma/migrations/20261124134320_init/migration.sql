-- CreateEnum
CREATE TYPE "NipKind" AS ENUM ('PNS', 'PPPK');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('id', 'en');

-- CreateEnum
CREATE TYPE "SupervisionKind" AS ENUM ('DEFINITIF', 'PLT', 'PLH');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('TELEGRAM', 'SLACK');

-- CreateEnum
CREATE TYPE "RhkKind" AS ENUM ('UTAMA', 'TAMBAHAN');

-- CreateEnum
CREATE TYPE "Aspect" AS ENUM ('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('DIAJUKAN', 'DISETUJUI', 'REVISI', 'DITOLAK');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('PHOTO', 'DOCUMENT', 'LINK');

-- CreateEnum
CREATE TYPE "AbsenceKind" AS ENUM ('CUTI', 'SAKIT', 'DINAS_LUAR', 'TUGAS_BELAJAR', 'DIKLAT');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('BULANAN', 'TRIWULAN', 'SEMESTER', 'TAHUNAN');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('DI_ATAS', 'SESUAI', 'DI_BAWAH');

-- CreateEnum
CREATE TYPE "Predikat" AS ENUM ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('DRAFT', 'FINAL');

-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('PLANNED', 'SENT', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "unit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parent_id" UUID,
    "time_zone" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_setting" (
    "unit_id" UUID NOT NULL,
    "working_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "minutes_per_day" INTEGER NOT NULL DEFAULT 450,
    "reminder_times" TEXT[] DEFAULT ARRAY['15:30', '19:30']::TEXT[],
    "backdate_working_days" INTEGER NOT NULL DEFAULT 2,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unit_setting_pkey" PRIMARY KEY ("unit_id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL,
    "nip" TEXT NOT NULL,
    "nip_kind" "NipKind" NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "email" TEXT,
    "slack_user_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" "Locale",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervisor_relation" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "supervisor_id" UUID NOT NULL,
    "kind" "SupervisionKind" NOT NULL DEFAULT 'DEFINITIF',
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supervisor_relation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delegation" (
    "id" UUID NOT NULL,
    "from_id" UUID NOT NULL,
    "to_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform_account" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "external_id" TEXT NOT NULL,
    "team_id" TEXT,
    "address" TEXT NOT NULL,
    "reachable" BOOLEAN NOT NULL DEFAULT true,
    "unreachable_reason" TEXT,
    "unreachable_at" TIMESTAMPTZ(3),
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "platform_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_code" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "used_by_platform" "Platform",
    "used_by_external_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_attempt" (
    "id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "external_id" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "skp" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "skp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rhk" (
    "id" UUID NOT NULL,
    "skp_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" "RhkKind" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rhk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "iki" (
    "id" UUID NOT NULL,
    "skp_id" UUID NOT NULL,
    "rhk_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "aspect" "Aspect" NOT NULL,
    "target" DECIMAL(14,2) NOT NULL,
    "unit_label" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "iki_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "iki_id" UUID,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_label" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "start_minute" INTEGER,
    "end_minute" INTEGER,
    "on_non_working_day" BOOLEAN NOT NULL DEFAULT false,
    "status" "ActivityStatus" NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "source" "Platform",
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "url" TEXT,
    "platform" "Platform",
    "file_id" TEXT,
    "file_unique_id" TEXT,
    "file_name" TEXT,
    "mime_type" TEXT,
    "size_bytes" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_status_change" (
    "id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "from_status" "ActivityStatus",
    "to_status" "ActivityStatus" NOT NULL,
    "actor_id" UUID,
    "reason" TEXT,
    "via" "Platform",
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activity_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback" (
    "id" UUID NOT NULL,
    "from_id" UUID NOT NULL,
    "to_id" UUID NOT NULL,
    "activity_id" UUID,
    "evaluation_id" UUID,
    "text" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "absence" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "kind" "AbsenceKind" NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "unit_id" UUID,
    "scope" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation" (
    "id" UUID NOT NULL,
    "skp_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "rater_id" UUID NOT NULL,
    "period_kind" "PeriodKind" NOT NULL,
    "period_index" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "rating_hasil_kerja" "Rating" NOT NULL,
    "rating_perilaku" "Rating" NOT NULL,
    "predikat" "Predikat" NOT NULL,
    "note" TEXT,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'DRAFT',
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_state" (
    "id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "external_id" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversation_state_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "key" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "reminder_delivery" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "slot" TEXT NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'PLANNED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "planned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "reminder_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "via" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "detail" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_code_key" ON "unit"("code");

-- CreateIndex
CREATE INDEX "unit_parent_id_idx" ON "unit"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "person_nip_key" ON "person"("nip");

-- CreateIndex
CREATE UNIQUE INDEX "person_slack_user_id_key" ON "person"("slack_user_id");

-- CreateIndex
CREATE INDEX "person_unit_id_idx" ON "person"("unit_id");

-- CreateIndex
CREATE INDEX "person_email_idx" ON "person"("email");

-- CreateIndex
CREATE INDEX "supervisor_relation_person_id_valid_from_idx" ON "supervisor_relation"("person_id", "valid_from");

-- CreateIndex
CREATE INDEX "supervisor_relation_supervisor_id_valid_from_idx" ON "supervisor_relation"("supervisor_id", "valid_from");

-- CreateIndex
CREATE INDEX "delegation_to_id_valid_from_idx" ON "delegation"("to_id", "valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "platform_account_platform_external_id_key" ON "platform_account"("platform", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "platform_account_person_id_platform_key" ON "platform_account"("person_id", "platform");

-- CreateIndex
CREATE UNIQUE INDEX "link_code_code_hash_key" ON "link_code"("code_hash");

-- CreateIndex
CREATE INDEX "link_code_person_id_idx" ON "link_code"("person_id");

-- CreateIndex
CREATE INDEX "link_attempt_platform_external_id_at_idx" ON "link_attempt"("platform", "external_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "skp_person_id_year_key" ON "skp"("person_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "rhk_skp_id_code_key" ON "rhk"("skp_id", "code");

-- CreateIndex
CREATE INDEX "iki_rhk_id_idx" ON "iki"("rhk_id");

-- CreateIndex
CREATE UNIQUE INDEX "iki_skp_id_code_key" ON "iki"("skp_id", "code");

-- CreateIndex
CREATE INDEX "activity_person_id_date_idx" ON "activity"("person_id", "date");

-- CreateIndex
CREATE INDEX "activity_status_submitted_at_idx" ON "activity"("status", "submitted_at");

-- CreateIndex
CREATE INDEX "evidence_activity_id_idx" ON "evidence"("activity_id");

-- CreateIndex
CREATE INDEX "activity_status_change_activity_id_at_idx" ON "activity_status_change"("activity_id", "at");

-- CreateIndex
CREATE INDEX "feedback_to_id_created_at_idx" ON "feedback"("to_id", "created_at");

-- CreateIndex
CREATE INDEX "absence_person_id_start_date_idx" ON "absence"("person_id", "start_date");

-- CreateIndex
CREATE UNIQUE INDEX "holiday_date_scope_key" ON "holiday"("date", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_skp_id_period_kind_period_index_key" ON "evaluation"("skp_id", "period_kind", "period_index");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_state_platform_external_id_key" ON "conversation_state"("platform", "external_id");

-- CreateIndex
CREATE INDEX "processed_event_received_at_idx" ON "processed_event"("received_at");

-- CreateIndex
CREATE INDEX "reminder_delivery_date_slot_status_idx" ON "reminder_delivery"("date", "slot", "status");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_delivery_person_id_date_slot_key" ON "reminder_delivery"("person_id", "date", "slot");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "unit" ADD CONSTRAINT "unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_setting" ADD CONSTRAINT "unit_setting_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervisor_relation" ADD CONSTRAINT "supervisor_relation_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervisor_relation" ADD CONSTRAINT "supervisor_relation_supervisor_id_fkey" FOREIGN KEY ("supervisor_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "platform_account" ADD CONSTRAINT "platform_account_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_code" ADD CONSTRAINT "link_code_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "skp" ADD CONSTRAINT "skp_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iki" ADD CONSTRAINT "iki_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iki" ADD CONSTRAINT "iki_rhk_id_fkey" FOREIGN KEY ("rhk_id") REFERENCES "rhk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_iki_id_fkey" FOREIGN KEY ("iki_id") REFERENCES "iki"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_status_change" ADD CONSTRAINT "activity_status_change_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_status_change" ADD CONSTRAINT "activity_status_change_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "absence" ADD CONSTRAINT "absence_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "holiday" ADD CONSTRAINT "holiday_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_skp_id_fkey" FOREIGN KEY ("skp_id") REFERENCES "skp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_rater_id_fkey" FOREIGN KEY ("rater_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_delivery" ADD CONSTRAINT "reminder_delivery_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
