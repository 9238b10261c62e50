-- A call's message count is kept on the call as the projection stores each line, instead of being
-- counted over the transcript on every read of a page (50 calls times their lines).
ALTER TABLE "calls" ADD COLUMN "message_count" INTEGER NOT NULL DEFAULT 0;

UPDATE "calls" c SET "message_count" = t."lines"
  FROM (SELECT "call_id", count(*)::int AS "lines" FROM "transcript_entries" GROUP BY "call_id") t
  WHERE t."call_id" = c."id";
