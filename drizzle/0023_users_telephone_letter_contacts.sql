ALTER TABLE "users" ADD COLUMN "telephone" text;--> statement-breakpoint
ALTER TABLE "disclosure_letters" ADD COLUMN "contact" jsonb;--> statement-breakpoint
ALTER TABLE "inspection_interviews" ADD COLUMN "contact" jsonb;--> statement-breakpoint
ALTER TABLE "inspection_notices" ADD COLUMN "contact" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "feedback_contact" jsonb;--> statement-breakpoint
-- Letters issued before: their 附注 names the user who issued them (no telephone was kept; the letter shows the org's office telephone if one is set).
UPDATE "disclosure_letters" l SET "contact" = jsonb_build_object('name', u."display_name", 'telephone', NULL) FROM "users" u WHERE u."id" = l."created_by" AND l."contact" IS NULL;--> statement-breakpoint
UPDATE "inspection_notices" n SET "contact" = jsonb_build_object('name', u."display_name", 'telephone', NULL) FROM "users" u WHERE u."id" = n."created_by" AND n."contact" IS NULL;--> statement-breakpoint
UPDATE "inspection_interviews" i SET "contact" = jsonb_build_object('name', u."display_name", 'telephone', NULL) FROM "users" u WHERE u."id" = i."created_by" AND i."contact" IS NULL;--> statement-breakpoint
-- The feedback letter kept no issuer: the actor of its 'inspection.feedback' event in the record.
UPDATE "inspections" i SET "feedback_contact" = jsonb_build_object('name', a."actor_name", 'telephone', NULL)
FROM (
  SELECT DISTINCT ON ("entity_id") "entity_id", "actor_name" FROM "audit_events"
  WHERE "action" = 'inspection.feedback' AND "entity_type" = 'inspection' ORDER BY "entity_id", "seq" DESC
) a
WHERE a."entity_id" = i."id"::text AND i."feedback_doc_number" IS NOT NULL AND i."feedback_contact" IS NULL;
