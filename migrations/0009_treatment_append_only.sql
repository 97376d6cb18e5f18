-- Clinical records are appended, never edited or deleted: a correction is a new treatment record
-- pointing at the one it corrects, a second check-in is a new row.
CREATE TRIGGER treatment_records_no_update BEFORE UPDATE ON treatment_records
BEGIN
  SELECT RAISE(ABORT, 'treatment_records is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER treatment_records_no_delete BEFORE DELETE ON treatment_records
BEGIN
  SELECT RAISE(ABORT, 'treatment_records is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER check_ins_no_update BEFORE UPDATE ON check_ins
BEGIN
  SELECT RAISE(ABORT, 'check_ins is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER check_ins_no_delete BEFORE DELETE ON check_ins
BEGIN
  SELECT RAISE(ABORT, 'check_ins is append-only');
END;
