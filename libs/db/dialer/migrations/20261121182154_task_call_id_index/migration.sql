-- CreateIndex
CREATE INDEX "tasks_call_id_idx" ON "tasks"("call_id");
