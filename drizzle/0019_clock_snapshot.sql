ALTER TABLE "clocks" ADD COLUMN "due" date;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "due_soon_from" date;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "due_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "due_paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "due_settled" text;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "due_stale_from" date;--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "due_stored" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "clocks_org_open_due_idx" ON "clocks" USING btree ("org_id","due") WHERE "clocks"."closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "clocks_org_unstored_idx" ON "clocks" USING btree ("org_id") WHERE "clocks"."closed_at" IS NULL AND (NOT "clocks"."due_stored" OR "clocks"."due_stale_from" IS NOT NULL);