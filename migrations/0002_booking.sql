CREATE TABLE `booking_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`session_token_hash` text NOT NULL,
	`service_id` text NOT NULL,
	`held_booking_id` text,
	`full_name` text,
	`email` text,
	`phone` text,
	`date_of_birth` text,
	`completed_booking_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_token_hash`) REFERENCES `patient_sessions`(`token_hash`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`held_booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`completed_booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `booking_drafts_sessionTokenHash_unique` ON `booking_drafts` (`session_token_hash`);--> statement-breakpoint
CREATE TABLE `booking_events` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "booking_events_actor" CHECK("booking_events"."actor_type" IN ('patient', 'staff', 'system')),
	CONSTRAINT "booking_events_to" CHECK("booking_events"."to_status" IN ('held', 'pending_review', 'confirmed', 'declined', 'cancelled', 'completed', 'no_show', 'expired')),
	CONSTRAINT "booking_events_from" CHECK("booking_events"."from_status" IS NULL OR "booking_events"."from_status" IN ('held', 'pending_review', 'confirmed', 'declined', 'cancelled', 'completed', 'no_show', 'expired'))
);
--> statement-breakpoint
CREATE INDEX `booking_events_booking` ON `booking_events` (`booking_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `booking_manage_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `booking_manage_links_booking` ON `booking_manage_links` (`booking_id`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`service_id` text NOT NULL,
	`practitioner_id` text NOT NULL,
	`patient_id` text,
	`status` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`blocked_until` integer NOT NULL,
	`time_zone` text NOT NULL,
	`hold_expires_at` integer,
	`course_session_number` integer DEFAULT 1 NOT NULL,
	`confirmed_at` integer,
	`cancelled_at` integer,
	`cancellation_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "bookings_status" CHECK("bookings"."status" IN ('held', 'pending_review', 'confirmed', 'declined', 'cancelled', 'completed', 'no_show', 'expired')),
	CONSTRAINT "bookings_times" CHECK("bookings"."start_at" < "bookings"."end_at" AND "bookings"."end_at" <= "bookings"."blocked_until"),
	CONSTRAINT "bookings_span" CHECK("bookings"."blocked_until" - "bookings"."start_at" <= 86400000),
	CONSTRAINT "bookings_hold" CHECK("bookings"."status" <> 'held' OR "bookings"."hold_expires_at" IS NOT NULL),
	CONSTRAINT "bookings_patient" CHECK("bookings"."status" IN ('held', 'expired') OR "bookings"."patient_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_reference_unique` ON `bookings` (`reference`);--> statement-breakpoint
CREATE INDEX `bookings_practitioner_time` ON `bookings` (`practitioner_id`,`start_at`,`blocked_until`,`status`,`hold_expires_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_occupied_start` ON `bookings` (`practitioner_id`,`start_at`) WHERE "bookings"."status" IN ('held', 'pending_review', 'confirmed');--> statement-breakpoint
CREATE INDEX `bookings_patient` ON `bookings` (`patient_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `bookings_start` ON `bookings` (`start_at`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`dedupe_key` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text,
	`ics_content` text,
	`ics_filename` text,
	`booking_id` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`message_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "email_outbox_status" CHECK("email_outbox"."status" IN ('pending', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_outbox_dedupeKey_unique` ON `email_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `email_outbox_due` ON `email_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `email_outbox_created` ON `email_outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `email_verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`session_token_hash` text NOT NULL,
	`email` text NOT NULL,
	`purpose` text NOT NULL,
	`booking_id` text,
	`code_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_token_hash`) REFERENCES `patient_sessions`(`token_hash`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "email_verifications_purpose" CHECK("email_verifications"."purpose" IN ('booking', 'manage'))
);
--> statement-breakpoint
CREATE INDEX `email_verifications_session` ON `email_verifications` (`session_token_hash`,`created_at`);--> statement-breakpoint
CREATE TABLE `patient_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`verified_email` text,
	`proven_by` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`absolute_expires_at` integer NOT NULL,
	CONSTRAINT "patient_sessions_proof" CHECK(("patient_sessions"."verified_email" IS NULL) = ("patient_sessions"."proven_by" IS NULL)),
	CONSTRAINT "patient_sessions_proven_by" CHECK("patient_sessions"."proven_by" IS NULL OR "patient_sessions"."proven_by" IN ('email_code', 'manage_link'))
);
--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`full_name` text NOT NULL,
	`phone` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "patients_email_lower" CHECK("patients"."email" = lower("patients"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patients_email_dob` ON `patients` (`email`,`date_of_birth`);