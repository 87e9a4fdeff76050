CREATE TABLE "matching_results" (
	"consortium_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"posting_id" uuid,
	"score" integer,
	"wish_rank" integer,
	"explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "matching_results_consortium_id_run_id_candidate_id_pk" PRIMARY KEY("consortium_id","run_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "matching_runs" (
	"consortium_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"mode" text NOT NULL,
	"place_first" boolean DEFAULT false NOT NULL,
	"posting_kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"phase" text,
	"config" jsonb NOT NULL,
	"instance" jsonb,
	"summary" jsonb,
	"objective" integer,
	"placed" integer,
	"student_count" integer,
	"post_count" integer,
	"edge_count" integer,
	"solve_ms" integer,
	"error" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"school_unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "matching_runs_consortium_id_id_pk" PRIMARY KEY("consortium_id","id")
);
--> statement-breakpoint
ALTER TABLE "postings" ADD COLUMN "staff_count" integer;--> statement-breakpoint
ALTER TABLE "matching_results" ADD CONSTRAINT "matching_results_run_fk" FOREIGN KEY ("consortium_id","run_id") REFERENCES "public"."matching_runs"("consortium_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matching_results_posting" ON "matching_results" USING btree ("consortium_id","run_id","posting_id");--> statement-breakpoint
CREATE INDEX "matching_runs_created" ON "matching_runs" USING btree ("consortium_id","created_at");