CREATE TABLE `consent_check_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`session_token_hash` text NOT NULL,
	`patient_id` text,
	`booking_id` text NOT NULL,
	`document_version_id` text NOT NULL,
	`answers` text NOT NULL,
	`wrong_question_keys` text NOT NULL,
	`passed` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`document_version_id`) REFERENCES `consent_document_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `consent_check_attempts_session` ON `consent_check_attempts` (`session_token_hash`,`document_version_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `consent_countersignatures` (
	`id` text PRIMARY KEY NOT NULL,
	`consent_record_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`clinician_user_id` text NOT NULL,
	`practitioner_id` text,
	`countersigned_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`record_sha256` text NOT NULL,
	FOREIGN KEY (`consent_record_id`) REFERENCES `consent_records`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`clinician_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioners`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_countersignatures_consentRecordId_unique` ON `consent_countersignatures` (`consent_record_id`);--> statement-breakpoint
CREATE INDEX `consent_countersignatures_booking` ON `consent_countersignatures` (`booking_id`);--> statement-breakpoint
CREATE TABLE `consent_document_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_user_id` text,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	`published_by_user_id` text,
	`effective_from` integer,
	FOREIGN KEY (`document_id`) REFERENCES `consent_documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`published_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "consent_versions_status" CHECK("consent_document_versions"."status" IN ('draft', 'published')),
	CONSTRAINT "consent_versions_number" CHECK("consent_document_versions"."version_number" >= 1),
	CONSTRAINT "consent_versions_published" CHECK("consent_document_versions"."status" = 'draft' OR ("consent_document_versions"."published_at" IS NOT NULL AND "consent_document_versions"."effective_from" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_versions_document_number` ON `consent_document_versions` (`document_id`,`version_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `consent_versions_one_draft` ON `consent_document_versions` (`document_id`) WHERE "consent_document_versions"."status" = 'draft';--> statement-breakpoint
CREATE TABLE `consent_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`tier` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "consent_documents_tier" CHECK("consent_documents"."tier" IN ('medical', 'cosmetic'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_documents_tier_unique` ON `consent_documents` (`tier`);--> statement-breakpoint
CREATE TABLE `consent_records` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`document_version_id` text NOT NULL,
	`tier` text NOT NULL,
	`text_sha256` text NOT NULL,
	`text_values` text NOT NULL,
	`check_attempt_id` text NOT NULL,
	`check_answers` text NOT NULL,
	`typed_name` text NOT NULL,
	`drawn_signature` text,
	`intent_confirmed` integer NOT NULL,
	`photo_clinical` integer NOT NULL,
	`photo_marketing` integer NOT NULL,
	`signed_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`email_proven_by` text NOT NULL,
	`verified_email` text NOT NULL,
	`session_token_hash` text NOT NULL,
	`record_sha256` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`document_version_id`) REFERENCES `consent_document_versions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`check_attempt_id`) REFERENCES `consent_check_attempts`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "consent_records_tier" CHECK("consent_records"."tier" IN ('medical', 'cosmetic')),
	CONSTRAINT "consent_records_proof" CHECK("consent_records"."email_proven_by" IN ('email_code', 'manage_link')),
	CONSTRAINT "consent_records_intent" CHECK("consent_records"."intent_confirmed" = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_records_checkAttemptId_unique` ON `consent_records` (`check_attempt_id`);--> statement-breakpoint
CREATE INDEX `consent_records_patient_tier` ON `consent_records` (`patient_id`,`tier`,`signed_at`);--> statement-breakpoint
CREATE INDEX `consent_records_booking` ON `consent_records` (`booking_id`);--> statement-breakpoint
CREATE TABLE `consent_withdrawals` (
	`id` text PRIMARY KEY NOT NULL,
	`consent_record_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`patient_id` text NOT NULL,
	`withdrawn_at` integer NOT NULL,
	`reason` text,
	`ip_address` text,
	`user_agent` text,
	`email_proven_by` text NOT NULL,
	`record_sha256` text NOT NULL,
	FOREIGN KEY (`consent_record_id`) REFERENCES `consent_records`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "consent_withdrawals_proof" CHECK("consent_withdrawals"."email_proven_by" IN ('email_code', 'manage_link'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_withdrawals_consentRecordId_unique` ON `consent_withdrawals` (`consent_record_id`);--> statement-breakpoint
CREATE INDEX `consent_withdrawals_patient` ON `consent_withdrawals` (`patient_id`);