CREATE TABLE `check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`clinician_user_id` text NOT NULL,
	`identity_method` text NOT NULL,
	`health_unchanged` integer NOT NULL,
	`checked_in_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`clinician_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "check_ins_identity" CHECK("check_ins"."identity_method" IN ('photo_id', 'known_to_clinic'))
);
--> statement-breakpoint
CREATE INDEX `check_ins_booking` ON `check_ins` (`booking_id`,`checked_in_at`);--> statement-breakpoint
CREATE TABLE `treatment_records` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`practitioner_id` text NOT NULL,
	`recorded_by_user_id` text NOT NULL,
	`areas` text NOT NULL,
	`max_depth_um` integer NOT NULL,
	`device` text NOT NULL,
	`cartridge_lot` text NOT NULL,
	`anaesthetic` text NOT NULL,
	`anaesthetic_minutes` integer,
	`redness_grade` integer NOT NULL,
	`bleeding` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`corrects_record_id` text,
	`recorded_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "treatment_records_anaesthetic" CHECK("treatment_records"."anaesthetic" IN ('none', 'lidocaine_cream', 'lidocaine_prilocaine_cream', 'other')),
	CONSTRAINT "treatment_records_bleeding" CHECK("treatment_records"."bleeding" IN ('none', 'pinpoint', 'diffuse')),
	CONSTRAINT "treatment_records_redness" CHECK("treatment_records"."redness_grade" BETWEEN 0 AND 3),
	CONSTRAINT "treatment_records_lot" CHECK(length(trim("treatment_records"."cartridge_lot")) > 0),
	CONSTRAINT "treatment_records_depth" CHECK("treatment_records"."max_depth_um" BETWEEN 100 AND 3000)
);
--> statement-breakpoint
CREATE INDEX `treatment_records_booking` ON `treatment_records` (`booking_id`,`recorded_at`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `completed_at` integer;