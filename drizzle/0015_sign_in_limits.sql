CREATE TABLE "sign_in_limits" (
	"scope" text NOT NULL,
	"username" text NOT NULL,
	"address" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"first_failure_at" timestamp with time zone,
	"last_failure_at" timestamp with time zone,
	"locks" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	CONSTRAINT "sign_in_limits_scope_username_address_pk" PRIMARY KEY("scope","username","address")
);
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_attempts";