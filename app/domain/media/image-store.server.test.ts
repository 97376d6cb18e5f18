import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { phonePhoto, plainPng, pngBomb } from '#tests/support/image-fixtures.ts'
import { deleteImage, preparePortrait, readImage, storeImage } from './image-store.server.ts'
import { MAX_IMAGE_BYTES } from './image.rules.ts'

describe('preparePortrait', () => {
  test('a phone photo comes out upright, square, as WebP, with no camera or GPS data', async () => {
    const upload = await phonePhoto({ width: 800, height: 600 })
    expect((await sharp(upload).metadata()).exif).toBeDefined()
    const result = await preparePortrait(upload)
    if (!result.ok) throw new Error(result.reason)
    const meta = await sharp(result.bytes).metadata()
    expect(meta.format).toBe('webp')
    expect([meta.width, meta.height]).toEqual([320, 320])
    expect(meta.exif).toBeUndefined()
    expect(meta.icc).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(result.key).toBe(createHash('sha256').update(result.bytes).digest('hex'))
  })

  test('the orientation flag is applied: the red and blue halves end up top and bottom', async () => {
    const result = await preparePortrait(await phonePhoto({ width: 800, height: 400 }))
    if (!result.ok) throw new Error(result.reason)
    const { data, info } = await sharp(result.bytes).raw().toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => {
      const at = (y * info.width + x) * info.channels
      return [data[at]!, data[at + 2]!] // red, blue
    }
    // Upright, every row is one colour; stored sideways, the left and right would differ.
    const middle = Math.floor(info.height / 2)
    const [left, right] = [pixel(10, middle), pixel(info.width - 10, middle)]
    expect(Math.abs(left[0]! - right[0]!)).toBeLessThan(40)
    expect(Math.abs(left[1]! - right[1]!)).toBeLessThan(40)
  })

  test.each([
    ['a text file', Buffer.from('not a picture at all, just some words\n'.repeat(20))],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF')],
  ])('%s is not an image', async (_name, upload) => {
    expect(await preparePortrait(upload)).toEqual({ ok: false, reason: 'not-an-image' })
  })

  test('a truncated JPEG is refused, not half-decoded', async () => {
    const whole = await phonePhoto()
    const result = await preparePortrait(whole.subarray(0, Math.floor(whole.length / 2)))
    expect(result).toEqual({ ok: false, reason: 'not-an-image' })
  })

  test('a GIF is refused: only photo formats are taken', async () => {
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } })
      .gif()
      .toBuffer()
    expect(await preparePortrait(gif)).toEqual({ ok: false, reason: 'not-an-image' })
  })

  test('a decompression bomb (144 megapixels in a few hundred bytes) is refused unread', async () => {
    const bomb = pngBomb(12_000)
    expect(bomb.length).toBeLessThan(64 * 1024)
    expect(await preparePortrait(bomb)).toEqual({ ok: false, reason: 'too-many-pixels' })
  })

  test('an empty upload is missing; one over the limit is too large', async () => {
    expect(await preparePortrait(Buffer.alloc(0))).toEqual({ ok: false, reason: 'missing' })
    expect(await preparePortrait(Buffer.alloc(MAX_IMAGE_BYTES + 1))).toEqual({
      ok: false,
      reason: 'too-large',
    })
  })
})

describe('the store', () => {
  test('stores under the key, reads it back, deletes it; malformed keys read nothing', async () => {
    const prepared = await preparePortrait(await plainPng())
    if (!prepared.ok) throw new Error(prepared.reason)
    await storeImage('portraits', prepared)
    expect(await readImage('portraits', prepared.key)).toEqual(prepared.bytes)
    expect(await readImage('portraits', '../../etc/passwd')).toBeNull()
    expect(await readImage('portraits', prepared.key.toUpperCase())).toBeNull()
    await deleteImage('portraits', prepared.key)
    expect(await readImage('portraits', prepared.key)).toBeNull()
  })
})
