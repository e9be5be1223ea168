-- AlterTable
ALTER TABLE "evaluation" ADD COLUMN     "rated_by_id" UUID;

-- AddForeignKey
ALTER TABLE "evaluation" ADD CONSTRAINT "evaluation_rated_by_id_fkey" FOREIGN KEY ("rated_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

