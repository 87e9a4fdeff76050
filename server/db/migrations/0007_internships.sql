CREATE TABLE "agreement_confirmations" (
	"consortium_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"party" text NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	CONSTRAINT "agreement_confirmations_consortium_id_agreement_id_party_pk" PRIMARY KEY("consortium_id","agreement_id","party")
);
--> statement-breakpoint
CREATE TABLE "compliance_rule_settings" (
	"consortium_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"severity" text NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_rule_settings_consortium_id_rule_id_pk" PRIMARY KEY("consortium_id","rule_id")
);
--> statement-breakpoint
CREATE TABLE "internship_agreements" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internship_agreements_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "internship_assessments" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scores" jsonb NOT NULL,
	"total" numeric(5, 2) NOT NULL,
	"comment" text,
	"assessed_by" uuid NOT NULL,
	"assessed_by_name" text NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internship_assessments_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "internship_flags" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"placement_id" uuid NOT NULL,
	"log_id" uuid,
	"dedupe_key" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internship_flags_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "internship_hosts" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"region_code" text,
	"industry_code" text,
	"employee_count" integer,
	"employee_count_as_of" date,
	"contact_name" text,
	"contact_phone" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internship_hosts_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "internship_log_files" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"log_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internship_log_files_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "internship_logs" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"content" text NOT NULL,
	"signature" integer[],
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"device_id" text,
	"mentor_note" text,
	"cosigned_by" uuid,
	"cosigned_at" timestamp with time zone,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internship_logs_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "internship_placements" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"host_kind" text NOT NULL,
	"host_unit_id" uuid,
	"external_host_id" uuid,
	"posting_id" uuid,
	"post_title" text NOT NULL,
	"post_staff_count" integer,
	"post_major_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"school_mentor_user_id" uuid,
	"school_mentor_name" text NOT NULL,
	"enterprise_mentor_user_id" uuid,
	"enterprise_mentor_name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"daily_hours" numeric(4, 1) NOT NULL,
	"days_per_week" integer DEFAULT 5 NOT NULL,
	"night_shifts" boolean DEFAULT false NOT NULL,
	"holiday_work" boolean DEFAULT false NOT NULL,
	"overtime" boolean DEFAULT false NOT NULL,
	"hazardous_work" boolean DEFAULT false NOT NULL,
	"exemption_ref" text,
	"pay_amount" numeric(10, 2),
	"post_wage" numeric(10, 2),
	"pay_channel" text,
	"pay_frequency" text,
	"intensity_class" integer DEFAULT 1 NOT NULL,
	"venue_type" text NOT NULL,
	"address" text,
	"via_intermediary" boolean DEFAULT false NOT NULL,
	"fees_charged" boolean DEFAULT false NOT NULL,
	"documents_held" boolean DEFAULT false NOT NULL,
	"guardian_consent" boolean DEFAULT false NOT NULL,
	"insurer" text,
	"policy_no" text,
	"insurance_start" date,
	"insurance_end" date,
	"premium_paid_by" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"terminated_on" date,
	"status_note" text,
	"matching_run_id" uuid,
	"final_score" numeric(5, 2),
	"final_grade" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internship_placements_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "internship_plans" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"major_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"cohort" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"goals" text,
	"teacher_user_id" uuid,
	"teacher_name" text NOT NULL,
	"log_cadence_days" integer DEFAULT 14 NOT NULL,
	"rubric" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internship_plans_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "placement_findings" (
	"consortium_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"severity" text NOT NULL,
	"message_zh" text NOT NULL,
	"message_en" text NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_findings_consortium_id_placement_id_rule_id_pk" PRIMARY KEY("consortium_id","placement_id","rule_id")
);
--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_agreement_fk" FOREIGN KEY ("consortium_id","agreement_id") REFERENCES "public"."internship_agreements"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_rule_settings" ADD CONSTRAINT "compliance_rule_settings_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_agreements" ADD CONSTRAINT "internship_agreements_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_agreements" ADD CONSTRAINT "internship_agreements_placement_fk" FOREIGN KEY ("consortium_id","placement_id") REFERENCES "public"."internship_placements"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_assessments" ADD CONSTRAINT "internship_assessments_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_assessments" ADD CONSTRAINT "internship_assessments_placement_fk" FOREIGN KEY ("consortium_id","placement_id") REFERENCES "public"."internship_placements"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_flags" ADD CONSTRAINT "internship_flags_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_flags" ADD CONSTRAINT "internship_flags_placement_fk" FOREIGN KEY ("consortium_id","placement_id") REFERENCES "public"."internship_placements"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_hosts" ADD CONSTRAINT "internship_hosts_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_log_files" ADD CONSTRAINT "internship_log_files_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_log_files" ADD CONSTRAINT "internship_log_files_log_fk" FOREIGN KEY ("consortium_id","log_id") REFERENCES "public"."internship_logs"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_logs" ADD CONSTRAINT "internship_logs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_logs" ADD CONSTRAINT "internship_logs_placement_fk" FOREIGN KEY ("consortium_id","placement_id") REFERENCES "public"."internship_placements"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_plan_fk" FOREIGN KEY ("consortium_id","plan_id") REFERENCES "public"."internship_plans"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_candidate_fk" FOREIGN KEY ("consortium_id","candidate_id") REFERENCES "public"."candidates"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_host_unit_fk" FOREIGN KEY ("consortium_id","host_unit_id") REFERENCES "public"."member_units"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_external_host_fk" FOREIGN KEY ("consortium_id","external_host_id") REFERENCES "public"."internship_hosts"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_placements" ADD CONSTRAINT "internship_placements_posting_fk" FOREIGN KEY ("consortium_id","posting_id") REFERENCES "public"."postings"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_plans" ADD CONSTRAINT "internship_plans_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_plans" ADD CONSTRAINT "internship_plans_school_fk" FOREIGN KEY ("consortium_id","school_unit_id") REFERENCES "public"."member_units"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_findings" ADD CONSTRAINT "placement_findings_placement_fk" FOREIGN KEY ("consortium_id","placement_id") REFERENCES "public"."internship_placements"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "internship_agreements_version" ON "internship_agreements" USING btree ("consortium_id","placement_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_assessments_role" ON "internship_assessments" USING btree ("consortium_id","placement_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_flags_dedupe" ON "internship_flags" USING btree ("consortium_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "internship_flags_status" ON "internship_flags" USING btree ("consortium_id","status","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_hosts_uscc" ON "internship_hosts" USING btree ("consortium_id","uscc");--> statement-breakpoint
CREATE INDEX "internship_log_files_log" ON "internship_log_files" USING btree ("consortium_id","log_id");--> statement-breakpoint
CREATE INDEX "internship_logs_placement" ON "internship_logs" USING btree ("consortium_id","placement_id","period_end");--> statement-breakpoint
CREATE INDEX "internship_logs_device" ON "internship_logs" USING btree ("consortium_id","device_id");--> statement-breakpoint
CREATE INDEX "internship_logs_ip" ON "internship_logs" USING btree ("consortium_id","ip");--> statement-breakpoint
CREATE INDEX "internship_placements_plan" ON "internship_placements" USING btree ("consortium_id","plan_id");--> statement-breakpoint
CREATE INDEX "internship_placements_candidate" ON "internship_placements" USING btree ("consortium_id","candidate_id");--> statement-breakpoint
CREATE INDEX "internship_placements_host_unit" ON "internship_placements" USING btree ("consortium_id","host_unit_id","start_date");--> statement-breakpoint
CREATE INDEX "internship_placements_external_host" ON "internship_placements" USING btree ("consortium_id","external_host_id","start_date");--> statement-breakpoint
CREATE INDEX "internship_placements_school" ON "internship_placements" USING btree ("consortium_id","school_unit_id");--> statement-breakpoint
CREATE INDEX "internship_plans_school" ON "internship_plans" USING btree ("consortium_id","school_unit_id","start_date");--> statement-breakpoint
CREATE INDEX "placement_findings_rule" ON "placement_findings" USING btree ("consortium_id","rule_id");