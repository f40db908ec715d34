CREATE TABLE "enforcement_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"source_ref" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"referred_on" date NOT NULL,
	"facts" text NOT NULL,
	"entries" jsonb NOT NULL,
	"suspected_basis" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"case_id" uuid,
	"decision_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"interviewers" jsonb NOT NULL,
	"attendees" jsonb NOT NULL,
	"item_ids" jsonb NOT NULL,
	"content" text NOT NULL,
	"commitments" text,
	"commitment_due" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "parent_inspection_id" uuid;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "follow_up_item_ids" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "close_note" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "published_on" date;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "public_result" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "exemplary" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "exemplary_note" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "exemplary_on" date;--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_referrals_org_code_idx" ON "enforcement_referrals" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "enforcement_referrals_org_status_idx" ON "enforcement_referrals" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "enforcement_referrals_source_idx" ON "enforcement_referrals" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "inspection_interviews_inspection_idx" ON "inspection_interviews" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_interviews_org_held_idx" ON "inspection_interviews" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "inspections_parent_idx" ON "inspections" USING btree ("parent_inspection_id");--> statement-breakpoint
CREATE INDEX "inspections_org_published_idx" ON "inspections" USING btree ("org_id","published_on");