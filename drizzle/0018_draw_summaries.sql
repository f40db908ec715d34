ALTER TABLE "inspection_draws" ADD COLUMN "candidate_count" integer GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(candidates) = 'array' THEN jsonb_array_length(candidates) ELSE 0 END) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "selected_count" integer GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(result -> 'selected') = 'array' THEN jsonb_array_length(result -> 'selected') END) STORED;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "verification" jsonb;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "verified" boolean GENERATED ALWAYS AS ((verification ->> 'ok')::boolean) STORED;--> statement-breakpoint
ALTER TABLE "inspection_draws" ADD COLUMN "verified_digest" text;