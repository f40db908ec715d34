CREATE TABLE "inspection_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"doc_number" text NOT NULL,
	"doc_year" integer NOT NULL,
	"doc_seq" integer NOT NULL,
	"notice_on" date NOT NULL,
	"planned_date" date NOT NULL,
	"supersedes_id" uuid,
	"reason" text,
	"working_days_ahead" integer,
	"required_working_days" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_notices_seq_idx" ON "inspection_notices" USING btree ("inspection_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_notices_number_idx" ON "inspection_notices" USING btree ("org_id","doc_year","doc_seq");--> statement-breakpoint
CREATE INDEX "inspection_notices_org_idx" ON "inspection_notices" USING btree ("org_id");--> statement-breakpoint
-- Existing notices become the first notice of their inspection (announced date = the planned date, never changed before this migration).
INSERT INTO "inspection_notices" ("org_id", "inspection_id", "seq", "doc_number", "doc_year", "doc_seq", "notice_on", "planned_date", "created_by", "created_at")
SELECT "org_id", "id", 1, "notice_doc_number", "notice_year", "notice_seq", "notice_on", "planned_date", "created_by", "updated_at"
FROM "inspections" WHERE "notice_doc_number" IS NOT NULL AND "notice_on" IS NOT NULL AND "notice_year" IS NOT NULL AND "notice_seq" IS NOT NULL;
