CREATE TABLE "checklist_version_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"area" text NOT NULL,
	"legal_basis" text NOT NULL,
	"method" text,
	"evidence_hint" text,
	"points" double precision,
	"veto" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"checklist_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"thresholds" jsonb,
	"note" text,
	"based_on_id" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"checklist_version_id" uuid NOT NULL,
	"unit_id" uuid,
	"title" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"results" jsonb NOT NULL,
	"compliant" integer NOT NULL,
	"applicable" integer NOT NULL,
	"not_applicable" integer NOT NULL,
	"share" double precision NOT NULL,
	"score" double precision,
	"max_score" double precision,
	"grade" text NOT NULL,
	"veto_failed" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"draw_id" text NOT NULL,
	"planned_date" date NOT NULL,
	"candidates" jsonb NOT NULL,
	"list_hash" text NOT NULL,
	"strata" jsonb,
	"k" integer NOT NULL,
	"team_size" integer NOT NULL,
	"exclusions" jsonb NOT NULL,
	"units" jsonb NOT NULL,
	"inspector_pool" jsonb NOT NULL,
	"conflicts" jsonb NOT NULL,
	"entropy_source" text DEFAULT 'server' NOT NULL,
	"public_value_name" text,
	"entropy" text,
	"seed" text,
	"result" jsonb,
	"status" text DEFAULT 'pool_frozen' NOT NULL,
	"supersedes_id" uuid,
	"redraw_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"executed_at" timestamp with time zone,
	"executed_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"area" text NOT NULL,
	"legal_basis" text NOT NULL,
	"method" text,
	"evidence_hint" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"unit_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"risk_tiers" text[] DEFAULT '{}'::text[] NOT NULL,
	"stratify_by_risk" boolean DEFAULT false NOT NULL,
	"target_coverage" jsonb NOT NULL,
	"schedule" text,
	"checklist_version_id" uuid,
	"inspectors_snapshot" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_version_items_item_idx" ON "checklist_version_items" USING btree ("version_id","item_id");--> statement-breakpoint
CREATE INDEX "checklist_version_items_version_idx" ON "checklist_version_items" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_versions_no_idx" ON "checklist_versions" USING btree ("checklist_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_versions_one_draft_idx" ON "checklist_versions" USING btree ("checklist_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "checklist_versions_org_idx" ON "checklist_versions" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checklists_org_name_idx" ON "checklists" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "evaluations_org_idx" ON "evaluations" USING btree ("org_id","evaluated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_draws_org_draw_idx" ON "inspection_draws" USING btree ("org_id","draw_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_draws_supersedes_idx" ON "inspection_draws" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "inspection_draws_plan_idx" ON "inspection_draws" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_draws_status_idx" ON "inspection_draws" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_items_org_code_idx" ON "inspection_items" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "inspection_items_org_area_idx" ON "inspection_items" USING btree ("org_id","area");--> statement-breakpoint
CREATE INDEX "inspection_plans_org_year_idx" ON "inspection_plans" USING btree ("org_id","year");