import zlib from 'node:zlib'
import sharp from 'sharp'

/**
 * Pictures for upload tests, made on the spot: a phone-like JPEG with camera and GPS metadata
 * and a sideways orientation flag, and the files a clinic must refuse.
 */

/**
 * A JPEG stored sideways (EXIF orientation 6, as phones write it: shown turned 90° clockwise)
 * with camera and GPS data. Its left half is red and its right half blue, so a reader can tell
 * whether the orientation was applied.
 */
export async function phonePhoto({ width = 800, height = 600 } = {}): Promise<Buffer> {
  const half = Math.floor(width / 2)
  const blue = await sharp({
    create: { width: width - half, height, channels: 3, background: '#00f' },
  })
    .png()
    .toBuffer()
  return sharp({ create: { width, height, channels: 3, background: '#f00' } })
    .composite([{ input: blue, left: half, top: 0 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Camera 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 27/1 50/1', GPSLongitudeRef: 'E' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

/** A small PNG: an upload that should simply work. */
export function plainPng({ width = 400, height = 400 } = {}): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#6aa' } })
    .png()
    .toBuffer()
}

/**
 * A "decompression bomb": a few hundred bytes of PNG that declare `side × side` pixels (100
 * megapixels and more), which a decoder would try to allocate.
 */
export function pngBomb(side = 12_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(side + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A full-size camera JPEG with sensor grain: well over the 1 MB every other form is held to. */
export function fullSizePhoto({ width = 2000, height = 1500 } = {}): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}
