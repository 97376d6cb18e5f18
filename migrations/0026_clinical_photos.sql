CREATE TABLE `clinical_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`consent_record_id` text NOT NULL,
	`area` text NOT NULL,
	`view` text NOT NULL,
	`stage` text NOT NULL,
	`display_key` text NOT NULL,
	`thumb_key` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`upload_sha256` text NOT NULL,
	`marketing_use` integer DEFAULT false NOT NULL,
	`taken_by_user_id` text NOT NULL,
	`taken_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`consent_record_id`) REFERENCES `consent_records`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`taken_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "clinical_photos_area" CHECK("clinical_photos"."area" IN ('forehead', 'cheeks', 'nose', 'upper_lip', 'chin_jaw', 'eye_area', 'neck', 'decollete', 'abdomen', 'thighs', 'arms', 'back')),
	CONSTRAINT "clinical_photos_view" CHECK("clinical_photos"."view" IN ('front', 'left_oblique', 'right_oblique', 'left_profile', 'right_profile', 'close_up')),
	CONSTRAINT "clinical_photos_stage" CHECK("clinical_photos"."stage" IN ('before', 'after')),
	CONSTRAINT "clinical_photos_display_key" CHECK(length("clinical_photos"."display_key") = 64 AND "clinical_photos"."display_key" NOT GLOB '*[^0-9a-f]*'),
	CONSTRAINT "clinical_photos_thumb_key" CHECK(length("clinical_photos"."thumb_key") = 64 AND "clinical_photos"."thumb_key" NOT GLOB '*[^0-9a-f]*'),
	CONSTRAINT "clinical_photos_upload_sha" CHECK(length("clinical_photos"."upload_sha256") = 64 AND "clinical_photos"."upload_sha256" NOT GLOB '*[^0-9a-f]*')
);
--> statement-breakpoint
CREATE INDEX `clinical_photos_patient_area_view` ON `clinical_photos` (`patient_id`,`area`,`view`,`taken_at`);--> statement-breakpoint
CREATE INDEX `clinical_photos_booking` ON `clinical_photos` (`booking_id`,`taken_at`);--> statement-breakpoint
-- Clinical photos are clinical records: appended, never edited or deleted (ADR 047).
CREATE TRIGGER clinical_photos_no_update BEFORE UPDATE ON clinical_photos
BEGIN
  SELECT RAISE(ABORT, 'clinical_photos is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER clinical_photos_no_delete BEFORE DELETE ON clinical_photos
BEGIN
  SELECT RAISE(ABORT, 'clinical_photos is append-only');
END;
