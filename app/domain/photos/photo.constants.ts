/**
 * The words a clinical photo is filed under (docs/decisions/047-clinical-photos.md). Plain
 * constants, so the database schema can use them without importing anything else.
 */

/** The standard views of an area, as clinics photograph them to compare sessions (oblique: 45°). */
export const PHOTO_VIEWS = [
  'front',
  'left_oblique',
  'right_oblique',
  'left_profile',
  'right_profile',
  'close_up',
] as const
export type PhotoView = (typeof PHOTO_VIEWS)[number]

/** Before the needling (at check-in) or after it. */
export const PHOTO_STAGES = ['before', 'after'] as const
export type PhotoStage = (typeof PHOTO_STAGES)[number]
