CREATE TABLE "licensing_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"code" text NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"source" text DEFAULT 'desk' NOT NULL,
	"received_on" date NOT NULL,
	"applicant_type" text NOT NULL,
	"applicant_name" text NOT NULL,
	"id_number" text,
	"contact" text,
	"summary" text,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"accepted_on" date,
	"acceptance_deemed" boolean DEFAULT false NOT NULL,
	"correction_sent_on" date,
	"correction_items" jsonb,
	"corrected_on" date,
	"exclusions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extension_request_reason" text,
	"extension_requested_by" uuid,
	"extension_requested_on" date,
	"extension_refused_on" date,
	"extension_refusal_reason" text,
	"extension_days" integer,
	"extension_reason" text,
	"extension_approved_by" uuid,
	"extension_approved_on" date,
	"decided_on" date,
	"result" text,
	"decision_no" text,
	"decision_reason" text,
	"remedies" text,
	"late_reason" text,
	"certificate_no" text,
	"certificate_issued_on" date,
	"published_on" date,
	"withdrawn_on" date,
	"withdrawal_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licensing_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"material" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licensing_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"category" text DEFAULT 'licensing' NOT NULL,
	"department" text,
	"legal_basis" text NOT NULL,
	"conditions" text NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"procedure" text NOT NULL,
	"statutory_days" integer DEFAULT 20 NOT NULL,
	"promised_days" integer,
	"fee" text DEFAULT '不收费' NOT NULL,
	"remedies" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"status" text DEFAULT 'active' NOT NULL,
	"abolished_on" date,
	"abolished_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "licensing_applications_tracking_idx" ON "licensing_applications" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "licensing_applications_org_code_idx" ON "licensing_applications" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "licensing_applications_org_received_idx" ON "licensing_applications" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "licensing_applications_org_decided_idx" ON "licensing_applications" USING btree ("org_id","decided_on");--> statement-breakpoint
CREATE INDEX "licensing_applications_org_status_idx" ON "licensing_applications" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "licensing_applications_item_idx" ON "licensing_applications" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "licensing_files_application_idx" ON "licensing_files" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licensing_items_org_name_idx" ON "licensing_items" USING btree ("org_id","name");