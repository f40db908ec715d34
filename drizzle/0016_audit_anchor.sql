-- 全过程记录 anchored: signed checkpoints, tamper alerts, append-only tables, a head that only moves forward.
CREATE TABLE "audit_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"actor_name" text,
	"action" text
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"made_by" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_alerts_org_at_idx" ON "audit_alerts" USING btree ("org_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_checkpoints_org_seq_uq" ON "audit_checkpoints" USING btree ("org_id","seq");--> statement-breakpoint
CREATE INDEX "audit_checkpoints_org_day_idx" ON "audit_checkpoints" USING btree ("org_id","day");
--> statement-breakpoint
-- 全过程记录 tables are append-only: refuse UPDATE, DELETE and TRUNCATE (the app's role holds no such
-- privilege either; the triggers stop an owner acting by mistake).
CREATE OR REPLACE FUNCTION lantai_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION lantai_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION lantai_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_alerts_append_only BEFORE UPDATE OR DELETE ON audit_alerts
  FOR EACH ROW EXECUTE FUNCTION lantai_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_alerts_no_truncate BEFORE TRUNCATE ON audit_alerts
  FOR EACH STATEMENT EXECUTE FUNCTION lantai_audit_append_only();
--> statement-breakpoint
-- A chain's head only moves forward, to an event appended under it: a new head starts at the genesis
-- (seq 0), an update must raise seq and name an existing event with that hash; no head is deleted.
CREATE OR REPLACE FUNCTION lantai_audit_head_forward() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.seq <> 0 OR NEW.hash <> repeat('0', 64) THEN
      RAISE EXCEPTION 'audit_heads: a chain starts at seq 0 with the genesis hash' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.org_id IS DISTINCT FROM OLD.org_id OR NEW.seq <= OLD.seq
       OR NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.org_id = NEW.org_id AND e.seq = NEW.seq AND e.hash = NEW.hash) THEN
      RAISE EXCEPTION 'audit_heads only moves forward to an appended event (seq % to % refused)', OLD.seq, NEW.seq USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_heads: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_heads_forward_only BEFORE INSERT OR UPDATE OR DELETE ON audit_heads
  FOR EACH ROW EXECUTE FUNCTION lantai_audit_head_forward();
--> statement-breakpoint
CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads
  FOR EACH STATEMENT EXECUTE FUNCTION lantai_audit_append_only();
