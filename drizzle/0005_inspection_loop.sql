CREATE TABLE "inspection_doc_sequences" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "inspection_doc_sequences_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"source" text NOT NULL,
	"draw_id" uuid,
	"reason" text,
	"checklist_version_id" uuid NOT NULL,
	"planned_date" date NOT NULL,
	"team" jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"notice_on" date,
	"notice_doc_number" text,
	"notice_year" integer,
	"notice_seq" integer,
	"self_inspection" jsonb,
	"self_submitted_at" timestamp with time zone,
	"self_submitted_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_org_code_idx" ON "inspections" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_draw_unit_idx" ON "inspections" USING btree ("draw_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_notice_number_idx" ON "inspections" USING btree ("org_id","notice_year","notice_seq");--> statement-breakpoint
CREATE INDEX "inspections_org_status_idx" ON "inspections" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "inspections" USING btree ("unit_id");