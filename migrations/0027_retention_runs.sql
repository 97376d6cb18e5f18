CREATE TABLE `retention_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`job` text NOT NULL,
	`ran_at` integer NOT NULL,
	`counts` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `retention_runs_job` ON `retention_runs` (`job`,`ran_at`);