CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurred_at` integer NOT NULL,
	`action` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`subject_type` text,
	`subject_id` text,
	`patient_id` text,
	`ip_address` text,
	`request_id` text,
	`details` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_patient` ON `audit_events` (`patient_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_events_subject` ON `audit_events` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `audit_events_action` ON `audit_events` (`action`,`seq`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`absolute_expires_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_id` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`blocked_until` integer
);
--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "user_roles_role" CHECK("user_roles"."role" IN ('clinician', 'admin'))
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`password_changed_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "users_email_lower" CHECK("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `availability_exceptions` (
	`id` text PRIMARY KEY NOT NULL,
	`practitioner_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`start_minute` integer,
	`end_minute` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "availability_exceptions_kind" CHECK("availability_exceptions"."kind" IN ('time_off', 'extra_hours')),
	CONSTRAINT "availability_exceptions_date" CHECK("availability_exceptions"."date" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "availability_exceptions_interval" CHECK(("availability_exceptions"."start_minute" IS NULL AND "availability_exceptions"."end_minute" IS NULL AND "availability_exceptions"."kind" = 'time_off') OR ("availability_exceptions"."start_minute" >= 0 AND "availability_exceptions"."end_minute" <= 1440 AND "availability_exceptions"."start_minute" < "availability_exceptions"."end_minute"))
);
--> statement-breakpoint
CREATE INDEX `availability_exceptions_practitioner_date` ON `availability_exceptions` (`practitioner_id`,`date`);--> statement-breakpoint
CREATE TABLE `clinic_closures` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "clinic_closures_date_format" CHECK("clinic_closures"."date" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clinic_closures_date` ON `clinic_closures` (`date`);--> statement-breakpoint
CREATE TABLE `clinic_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text NOT NULL,
	`address` text NOT NULL,
	`time_zone` text NOT NULL,
	`slot_step_minutes` integer NOT NULL,
	`min_notice_hours` integer NOT NULL,
	`max_advance_days` integer NOT NULL,
	`hold_minutes` integer NOT NULL,
	`cancellation_window_hours` integer NOT NULL,
	`min_days_between_needling` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "clinic_settings_singleton" CHECK("clinic_settings"."id" = 'clinic'),
	CONSTRAINT "clinic_settings_slot_step" CHECK("clinic_settings"."slot_step_minutes" BETWEEN 5 AND 120),
	CONSTRAINT "clinic_settings_hold" CHECK("clinic_settings"."hold_minutes" BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE TABLE `practitioner_services` (
	`practitioner_id` text NOT NULL,
	`service_id` text NOT NULL,
	PRIMARY KEY(`practitioner_id`, `service_id`),
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practitioner_services_service` ON `practitioner_services` (`service_id`);--> statement-breakpoint
CREATE TABLE `practitioners` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`display_name` text NOT NULL,
	`title` text NOT NULL,
	`credential` text NOT NULL,
	`registration` text NOT NULL,
	`max_needle_depth_um` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "practitioners_credential" CHECK("practitioners"."credential" IN ('medical', 'aesthetic')),
	CONSTRAINT "practitioners_depth" CHECK("practitioners"."max_needle_depth_um" BETWEEN 0 AND 3000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practitioners_userId_unique` ON `practitioners` (`user_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`kind` text NOT NULL,
	`tier` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`buffer_after_minutes` integer NOT NULL,
	`max_needle_depth_um` integer,
	`course_sessions` integer NOT NULL,
	`course_interval_weeks` integer NOT NULL,
	`price_cents` integer,
	`downtime` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "services_kind" CHECK("services"."kind" IN ('treatment', 'consultation')),
	CONSTRAINT "services_tier" CHECK("services"."tier" IN ('medical', 'cosmetic')),
	CONSTRAINT "services_duration" CHECK("services"."duration_minutes" BETWEEN 5 AND 480),
	CONSTRAINT "services_buffer" CHECK("services"."buffer_after_minutes" BETWEEN 0 AND 240),
	CONSTRAINT "services_course" CHECK("services"."course_sessions" BETWEEN 1 AND 12 AND "services"."course_interval_weeks" BETWEEN 0 AND 52),
	CONSTRAINT "services_depth" CHECK(("services"."kind" = 'consultation' AND "services"."max_needle_depth_um" IS NULL) OR ("services"."kind" = 'treatment' AND "services"."max_needle_depth_um" BETWEEN 100 AND 3000 AND ("services"."tier" = 'medical' OR "services"."max_needle_depth_um" <= 500)))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_slug_unique` ON `services` (`slug`);--> statement-breakpoint
CREATE TABLE `working_hours` (
	`id` text PRIMARY KEY NOT NULL,
	`practitioner_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "working_hours_weekday" CHECK("working_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "working_hours_interval" CHECK("working_hours"."start_minute" >= 0 AND "working_hours"."end_minute" <= 1440 AND "working_hours"."start_minute" < "working_hours"."end_minute")
);
--> statement-breakpoint
CREATE INDEX `working_hours_practitioner` ON `working_hours` (`practitioner_id`,`weekday`);