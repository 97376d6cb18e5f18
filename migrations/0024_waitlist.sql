CREATE TABLE `waitlist_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`practitioner_id` text,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`times_of_day` text NOT NULL,
	`full_name` text NOT NULL,
	`email` text NOT NULL,
	`locale` text NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`confirm_token_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioners`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "waitlist_entries_status" CHECK("waitlist_entries"."status" IN ('pending', 'active', 'accepted', 'removed')),
	CONSTRAINT "waitlist_entries_source" CHECK("waitlist_entries"."source" IN ('online', 'staff')),
	CONSTRAINT "waitlist_entries_locale" CHECK("waitlist_entries"."locale" IN ('it', 'en'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_entries_confirmTokenHash_unique` ON `waitlist_entries` (`confirm_token_hash`);--> statement-breakpoint
CREATE INDEX `waitlist_entries_status_created` ON `waitlist_entries` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `waitlist_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`practitioner_id` text NOT NULL,
	`start_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`status` text NOT NULL,
	`token_hash` text NOT NULL,
	`responded_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `waitlist_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioners`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "waitlist_offers_status" CHECK("waitlist_offers"."status" IN ('offered', 'accepted', 'lapsed', 'withdrawn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_offers_token` ON `waitlist_offers` (`token_hash`);--> statement-breakpoint
CREATE INDEX `waitlist_offers_entry` ON `waitlist_offers` (`entry_id`);--> statement-breakpoint
CREATE INDEX `waitlist_offers_status` ON `waitlist_offers` (`status`,`expires_at`);