-- CreateTable
CREATE TABLE "colleague_input" (
    "id" UUID NOT NULL,
    "giver_id" UUID NOT NULL,
    "receiver_id" UUID NOT NULL,
    "period_code" TEXT NOT NULL,
    "core_value" TEXT NOT NULL,
    "rating" "Rating" NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "colleague_input_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "colleague_input_decline" (
    "person_id" UUID NOT NULL,
    "period_code" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "colleague_input_decline_pkey" PRIMARY KEY ("person_id","period_code")
);

-- CreateIndex
CREATE INDEX "colleague_input_receiver_id_period_code_idx" ON "colleague_input"("receiver_id", "period_code");

-- CreateIndex
CREATE UNIQUE INDEX "colleague_input_giver_id_receiver_id_period_code_core_value_key" ON "colleague_input"("giver_id", "receiver_id", "period_code", "core_value");

-- AddForeignKey
ALTER TABLE "colleague_input" ADD CONSTRAINT "colleague_input_giver_id_fkey" FOREIGN KEY ("giver_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "colleague_input" ADD CONSTRAINT "colleague_input_receiver_id_fkey" FOREIGN KEY ("receiver_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "colleague_input_decline" ADD CONSTRAINT "colleague_input_decline_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

