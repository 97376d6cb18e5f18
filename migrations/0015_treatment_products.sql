-- What touched the skin, the passes and the aftercare product given (ADR 034). Added columns,
-- never a rebuilt table: a rebuild would drop the append-only triggers of 0009 with the old table.
-- Records made before this migration keep NULL here; every record since has them. Column CHECKs
-- carry the constraints of the schema (NULL passes them, as for the older records).
ALTER TABLE `treatment_records` ADD `passes` integer CONSTRAINT "treatment_records_passes" CHECK("passes" BETWEEN 1 AND 10);--> statement-breakpoint
ALTER TABLE `treatment_records` ADD `skin_products` text;--> statement-breakpoint
ALTER TABLE `treatment_records` ADD `skin_product_other` text;--> statement-breakpoint
ALTER TABLE `treatment_records` ADD `skin_product_reason` text;--> statement-breakpoint
ALTER TABLE `treatment_records` ADD `aftercare_product` text CONSTRAINT "treatment_records_aftercare_product" CHECK("aftercare_product" IN ('soothing_cream', 'hyaluronic_gel', 'growth_factor_gel', 'other', 'none'));--> statement-breakpoint
ALTER TABLE `treatment_records` ADD `aftercare_product_name` text;
