-- Two languages (ADR 038): the clinic's default language, and a service's words per language.
-- An added column, never a rebuilt table (as 0015 and 0016).
CREATE TABLE `service_texts` (
	`service_id` text NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`downtime` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`service_id`, `locale`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "service_texts_locale" CHECK("service_texts"."locale" IN ('it', 'en'))
);
--> statement-breakpoint
ALTER TABLE `clinic_settings` ADD `default_locale` text DEFAULT 'en' NOT NULL CONSTRAINT "clinic_settings_default_locale" CHECK("default_locale" IN ('it', 'en'));
