-- CreateTable
CREATE TABLE "kudos" (
    "id" UUID NOT NULL,
    "from_id" UUID NOT NULL,
    "to_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "kudos_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "kudos_to_id_created_at_idx" ON "kudos"("to_id", "created_at");

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

