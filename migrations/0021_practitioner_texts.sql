-- A practitioner's title and bio per language, as service_texts (0017) are for services: the
-- practitioners row keeps the words first written; a language without a row shows those (ADR 038).
-- Also: the demo seeded an English service_texts row equal to each service, which then hid an
-- admin's later edits of the service from English readers. Rows still equal to their service
-- are dropped; the services row is the English.
CREATE TABLE `practitioner_texts` (
	`practitioner_id` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`bio` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`practitioner_id`, `locale`),
	FOREIGN KEY (`practitioner_id`) REFERENCES `practitioners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "practitioner_texts_locale" CHECK("practitioner_texts"."locale" IN ('it', 'en'))
);--> statement-breakpoint
DELETE FROM `service_texts` WHERE `locale` = 'en' AND EXISTS (SELECT 1 FROM `services` s WHERE s.`id` = `service_texts`.`service_id` AND s.`name` = `service_texts`.`name` AND s.`description` = `service_texts`.`description` AND s.`downtime` = `service_texts`.`downtime`);
