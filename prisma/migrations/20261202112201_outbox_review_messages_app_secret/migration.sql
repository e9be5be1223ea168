-- CreateTable
CREATE TABLE "outbox_event" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "job_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "relayed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_message" (
    "id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "person_id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "chat_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "team_id" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_secret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_secret_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_job_id_key" ON "outbox_event"("job_id");

-- CreateIndex
CREATE INDEX "outbox_event_relayed_at_id_idx" ON "outbox_event"("relayed_at", "id");

-- CreateIndex
CREATE INDEX "review_message_activity_id_idx" ON "review_message"("activity_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_message_platform_chat_id_message_id_key" ON "review_message"("platform", "chat_id", "message_id");

