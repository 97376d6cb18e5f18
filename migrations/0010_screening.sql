CREATE TABLE `screening_confirmations` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text NOT NULL,
	`confirmed_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`submission_id`) REFERENCES `screening_submissions`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "screening_confirmations_actor" CHECK("screening_confirmations"."actor_type" IN ('staff', 'patient'))
);
--> statement-breakpoint
CREATE INDEX `screening_confirmations_booking` ON `screening_confirmations` (`booking_id`,`confirmed_at`);--> statement-breakpoint
CREATE TABLE `screening_review_events` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text NOT NULL,
	`message` text,
	`occurred_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`submission_id`) REFERENCES `screening_submissions`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "screening_review_events_kind" CHECK("screening_review_events"."kind" IN ('approved', 'declined', 'info_requested', 'info_provided')),
	CONSTRAINT "screening_review_events_actor" CHECK("screening_review_events"."actor_type" IN ('staff', 'patient')),
	CONSTRAINT "screening_review_events_message" CHECK("screening_review_events"."kind" = 'approved' OR length(trim("screening_review_events"."message")) > 0)
);
--> statement-breakpoint
CREATE INDEX `screening_review_events_booking` ON `screening_review_events` (`booking_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `screening_rule_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`settings` text NOT NULL,
	`note` text,
	`published_by_user_id` text,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`published_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "screening_rule_sets_version" CHECK("screening_rule_sets"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `screening_rule_sets_version_unique` ON `screening_rule_sets` (`version`);--> statement-breakpoint
CREATE TABLE `screening_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`rule_set_id` text NOT NULL,
	`rule_set_version` integer NOT NULL,
	`answers` text NOT NULL,
	`outcome` text NOT NULL,
	`wait_until` text,
	`findings` text NOT NULL,
	`source` text NOT NULL,
	`entered_by_user_id` text,
	`patient_id` text,
	`booking_id` text,
	`booking_version` integer,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`rule_set_id`) REFERENCES `screening_rule_sets`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`entered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "screening_submissions_outcome" CHECK("screening_submissions"."outcome" IN ('eligible', 'review', 'not_eligible')),
	CONSTRAINT "screening_submissions_source" CHECK("screening_submissions"."source" IN ('booking', 'patient_update', 'staff_update')),
	CONSTRAINT "screening_submissions_link" CHECK(("screening_submissions"."booking_id" IS NULL) = ("screening_submissions"."booking_version" IS NULL) AND ("screening_submissions"."booking_id" IS NULL OR "screening_submissions"."patient_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `screening_submissions_booking_version` ON `screening_submissions` (`booking_id`,`booking_version`);--> statement-breakpoint
CREATE INDEX `screening_submissions_patient` ON `screening_submissions` (`patient_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `screening_submissions_unlinked` ON `screening_submissions` (`submitted_at`) WHERE "screening_submissions"."booking_id" IS NULL;--> statement-breakpoint
ALTER TABLE `booking_drafts` ADD `screening_submission_id` text REFERENCES screening_submissions(id) ON DELETE SET NULL;