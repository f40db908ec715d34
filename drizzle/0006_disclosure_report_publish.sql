CREATE TABLE "disclosure_annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"template_id" text NOT NULL,
	"tables" jsonb NOT NULL,
	"narrative" jsonb NOT NULL,
	"docx" "bytea" NOT NULL,
	"docx_file_name" text NOT NULL,
	"reason" text,
	"supersedes" uuid,
	"published_by" uuid NOT NULL,
	"published_by_name" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_annual_reports_version_idx" ON "disclosure_annual_reports" USING btree ("org_id","year","version");--> statement-breakpoint
CREATE INDEX "disclosure_annual_reports_published_idx" ON "disclosure_annual_reports" USING btree ("published_at");