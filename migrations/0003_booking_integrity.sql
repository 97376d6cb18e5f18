-- No double booking, enforced by the database for every path that occupies time (create, hold,
-- confirm, reschedule, admin changes): an occupying booking may not overlap another occupying
-- booking of the same practitioner, counting the buffer after each (start_at .. blocked_until).
-- Holds that have lapsed are set to 'expired' by the application in the same transaction before
-- it writes, so the triggers need no clock. The partial unique index bookings_occupied_start is
-- the backstop for identical starts. No booking spans more than a day (CHECK bookings_span), so
-- each check looks back at most 24 hours and stays a short range scan of the practitioner index.
CREATE TRIGGER bookings_no_overlap_insert BEFORE INSERT ON bookings
WHEN NEW.status IN ('held', 'pending_review', 'confirmed')
BEGIN
  SELECT RAISE(ABORT, 'booking_overlap')
  WHERE EXISTS (
    SELECT 1 FROM bookings AS other
    WHERE other.practitioner_id = NEW.practitioner_id
      AND other.start_at > NEW.start_at - 86400000
      AND other.start_at < NEW.blocked_until
      AND other.status IN ('held', 'pending_review', 'confirmed')
      AND NEW.start_at < other.blocked_until
  );
END;
--> statement-breakpoint
CREATE TRIGGER bookings_no_overlap_update BEFORE UPDATE OF status, start_at, blocked_until, practitioner_id ON bookings
WHEN NEW.status IN ('held', 'pending_review', 'confirmed')
BEGIN
  SELECT RAISE(ABORT, 'booking_overlap')
  WHERE EXISTS (
    SELECT 1 FROM bookings AS other
    WHERE other.id <> NEW.id
      AND other.practitioner_id = NEW.practitioner_id
      AND other.start_at > NEW.start_at - 86400000
      AND other.start_at < NEW.blocked_until
      AND other.status IN ('held', 'pending_review', 'confirmed')
      AND NEW.start_at < other.blocked_until
  );
END;
--> statement-breakpoint
-- Bookings are cancelled, never deleted.
CREATE TRIGGER bookings_no_delete BEFORE DELETE ON bookings
BEGIN
  SELECT RAISE(ABORT, 'bookings are never deleted');
END;
--> statement-breakpoint
-- Booking events are the history: append-only.
CREATE TRIGGER booking_events_no_update BEFORE UPDATE ON booking_events
BEGIN
  SELECT RAISE(ABORT, 'booking_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER booking_events_no_delete BEFORE DELETE ON booking_events
BEGIN
  SELECT RAISE(ABORT, 'booking_events is append-only');
END;
