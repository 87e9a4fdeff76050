CREATE TABLE "catalog_entries" (
	"catalog_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"education_level" text,
	"marks" text[] DEFAULT '{}'::text[] NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"certainty" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_entries_catalog_id_code_pk" PRIMARY KEY("catalog_id","code")
);
--> statement-breakpoint
CREATE TABLE "catalog_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalog_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"file_name" text,
	"rows" integer NOT NULL,
	"inserted" integer NOT NULL,
	"updated" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogs_kind_version" UNIQUE("kind","version")
);
--> statement-breakpoint
CREATE TABLE "major_crosswalk" (
	"major_catalog_id" uuid NOT NULL,
	"major_code" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_catalog_id" uuid NOT NULL,
	"target_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "major_crosswalk_pk" PRIMARY KEY("major_catalog_id","major_code","target_kind","target_catalog_id","target_code")
);
--> statement-breakpoint
ALTER TABLE "catalog_entries" ADD CONSTRAINT "catalog_entries_catalog_id_catalogs_id_fk" FOREIGN KEY ("catalog_id") REFERENCES "public"."catalogs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_imports" ADD CONSTRAINT "catalog_imports_catalog_id_catalogs_id_fk" FOREIGN KEY ("catalog_id") REFERENCES "public"."catalogs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_crosswalk" ADD CONSTRAINT "major_crosswalk_major_fk" FOREIGN KEY ("major_catalog_id","major_code") REFERENCES "public"."catalog_entries"("catalog_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_crosswalk" ADD CONSTRAINT "major_crosswalk_target_fk" FOREIGN KEY ("target_catalog_id","target_code") REFERENCES "public"."catalog_entries"("catalog_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_entries_parent" ON "catalog_entries" USING btree ("catalog_id","parent_code");--> statement-breakpoint
CREATE INDEX "catalog_entries_name_trgm" ON "catalog_entries" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_imports_catalog" ON "catalog_imports" USING btree ("catalog_id","at");--> statement-breakpoint
CREATE INDEX "major_crosswalk_target" ON "major_crosswalk" USING btree ("target_catalog_id","target_code");