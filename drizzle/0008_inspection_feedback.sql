ALTER TABLE "inspections" ADD COLUMN "feedback_on" date;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "feedback_doc_number" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "feedback_year" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "feedback_seq" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "conclusion" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "rectification_items" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "rectification_due" date;--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_feedback_number_idx" ON "inspections" USING btree ("org_id","feedback_year","feedback_seq");