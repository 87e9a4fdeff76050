CREATE TABLE "applications" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"posting_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"cover_note" text,
	"interview_at" timestamp with time zone,
	"interview_place" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'student' NOT NULL,
	"school_unit_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"id_card" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"student_no" text,
	"mobile" text,
	"major_code" text,
	"level" text,
	"year_of_study" integer,
	"enrolment_year" integer,
	"expected_graduation" date,
	"home_district" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consent_share" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidates_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "employment_outcomes" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"school_unit_id" uuid,
	"major_code" text,
	"cohort_year" integer NOT NULL,
	"destination" text NOT NULL,
	"employer_name" text,
	"employer_uscc" text,
	"employer_district" text,
	"employer_industry" text,
	"occupation_code" text,
	"related_to_major" boolean,
	"start_date" date,
	"verification_source" text NOT NULL,
	"verified_by" text,
	"verified_at" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_outcomes_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "list_items" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"industry_code" text,
	"chain" text,
	"chain_position" text,
	"key_technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"year" integer,
	"field" text,
	"expected_outcome" text,
	"budget" numeric(12, 2),
	"deadline" date,
	"progress" text,
	"occupation_code" text,
	"major_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"level" text,
	"headcount" integer,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"window_start" date,
	"window_end" date,
	"region_code" text,
	"location" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_items_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "list_links" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"label" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_links_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"occupation_code" text,
	"major_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"headcount" integer NOT NULL,
	"district_code" text,
	"pay_min" integer,
	"pay_max" integer,
	"hours" text,
	"requirements" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reject_reason" text,
	"vetted_by" uuid,
	"vetted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"talent_demand_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"search_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postings_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
CREATE TABLE "status_events" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"field" text DEFAULT 'status' NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"data" jsonb,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_events_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_posting_fk" FOREIGN KEY ("consortium_id","posting_id") REFERENCES "public"."postings"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_candidate_fk" FOREIGN KEY ("consortium_id","candidate_id") REFERENCES "public"."candidates"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_school_fk" FOREIGN KEY ("consortium_id","school_unit_id") REFERENCES "public"."member_units"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_outcomes" ADD CONSTRAINT "employment_outcomes_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_outcomes" ADD CONSTRAINT "employment_outcomes_candidate_fk" FOREIGN KEY ("consortium_id","candidate_id") REFERENCES "public"."candidates"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_items" ADD CONSTRAINT "list_items_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_items" ADD CONSTRAINT "list_items_unit_fk" FOREIGN KEY ("consortium_id","unit_id") REFERENCES "public"."member_units"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_links" ADD CONSTRAINT "list_links_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_links" ADD CONSTRAINT "list_links_item_fk" FOREIGN KEY ("consortium_id","item_id") REFERENCES "public"."list_items"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_unit_fk" FOREIGN KEY ("consortium_id","unit_id") REFERENCES "public"."member_units"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_talent_demand_fk" FOREIGN KEY ("consortium_id","talent_demand_id") REFERENCES "public"."list_items"("consortium_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_unique" ON "applications" USING btree ("consortium_id","posting_id","candidate_id");--> statement-breakpoint
CREATE INDEX "applications_candidate" ON "applications" USING btree ("consortium_id","candidate_id");--> statement-breakpoint
CREATE INDEX "applications_status" ON "applications" USING btree ("consortium_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_id_card" ON "candidates" USING btree ("consortium_id","id_card");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_user" ON "candidates" USING btree ("consortium_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_student_no" ON "candidates" USING btree ("consortium_id","school_unit_id","student_no");--> statement-breakpoint
CREATE INDEX "candidates_major" ON "candidates" USING btree ("consortium_id","major_code");--> statement-breakpoint
CREATE INDEX "candidates_name_trgm" ON "candidates" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "employment_outcomes_unique" ON "employment_outcomes" USING btree ("consortium_id","candidate_id","cohort_year");--> statement-breakpoint
CREATE INDEX "employment_outcomes_scope" ON "employment_outcomes" USING btree ("consortium_id","cohort_year","school_unit_id","major_code");--> statement-breakpoint
CREATE INDEX "list_items_kind" ON "list_items" USING btree ("consortium_id","kind","status");--> statement-breakpoint
CREATE INDEX "list_items_unit" ON "list_items" USING btree ("consortium_id","unit_id");--> statement-breakpoint
CREATE INDEX "list_items_title_trgm" ON "list_items" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "list_links_unique" ON "list_links" USING btree ("consortium_id","item_id","target_kind","target_id");--> statement-breakpoint
CREATE INDEX "list_links_target" ON "list_links" USING btree ("consortium_id","target_kind","target_id");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","read_at","created_at");--> statement-breakpoint
CREATE INDEX "postings_status" ON "postings" USING btree ("consortium_id","status","deadline");--> statement-breakpoint
CREATE INDEX "postings_unit" ON "postings" USING btree ("consortium_id","unit_id");--> statement-breakpoint
CREATE INDEX "postings_search_trgm" ON "postings" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "postings_search_grams" ON "postings" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "status_events_entity" ON "status_events" USING btree ("consortium_id","entity","entity_id","at");