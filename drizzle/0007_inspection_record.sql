CREATE TABLE "inspection_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entry_id" uuid,
	"inspector_id" uuid,
	"signer_name" text,
	"file_name" text,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "record" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "on_site_date" date;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "signed_on" date;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "inspection_files_inspection_idx" ON "inspection_files" USING btree ("inspection_id","kind");