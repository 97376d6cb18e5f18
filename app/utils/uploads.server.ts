import {
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  MaxPartSizeExceededError,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from '@remix-run/node'
import { MAX_IMAGE_BYTES } from '#app/domain/media/image.rules.ts'

export type ImageUpload =
  | { ok: true; fields: Record<string, string>; file: Buffer | null }
  | { ok: false; reason: 'too-large' | 'unreadable' }

/**
 * Reads an upload route's form: its text fields, and the one file field named `fileField` into
 * memory, at most `maxBytes` (MAX_IMAGE_BYTES unless the route says; the route's whole body is
 * capped too, app/server/uploads.ts).
 * Any other file in the form is discarded unread. A form sent without a file (urlencoded, as a
 * "remove" button sends it) is read as fields only.
 */
export async function readImageUpload(
  request: Request,
  fileField: string,
  maxBytes: number = MAX_IMAGE_BYTES,
): Promise<ImageUpload> {
  const type = request.headers.get('content-type') ?? ''
  try {
    if (!type.startsWith('multipart/form-data')) {
      return { ok: true, fields: textFields(await request.formData()), file: null }
    }
    const form = await parseMultipartFormData(
      request,
      composeUploadHandlers(
        createMemoryUploadHandler({
          maxPartSize: maxBytes,
          filter: ({ name, filename }) => filename === undefined || name === fileField,
        }),
      ),
    )
    const file = form.get(fileField)
    const bytes =
      file && typeof file !== 'string' && file.size > 0
        ? Buffer.from(await file.arrayBuffer())
        : null
    return { ok: true, fields: textFields(form), file: bytes }
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || isUploadTooLarge(error))
      return { ok: false, reason: 'too-large' }
    return { ok: false, reason: 'unreadable' }
  }
}

function textFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string') fields[key] = value
  return fields
}

/** The body stream failed because it passed the route's cap (app/server/uploads.ts). */
function isUploadTooLarge(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause)
    if (cause.name === 'UploadTooLargeError') return true
  return false
}
