// The last build step: a brotli (.br) and a gzip (.gz) copy of every script and style sheet in
// public/build, at the strongest settings, once. app/server/precompressed.ts serves them.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'public/build')
/** Below this the headers outweigh the saving. */
const MIN_BYTES = 1024

let files = 0
let plain = 0
let brotli = 0
for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(js|css)$/.test(entry.name)) continue
  const file = path.join(entry.parentPath, entry.name)
  const content = fs.readFileSync(file)
  for (const suffix of ['.br', '.gz']) fs.rmSync(file + suffix, { force: true })
  if (content.length < MIN_BYTES) continue
  const br = zlib.brotliCompressSync(content, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  })
  fs.writeFileSync(`${file}.br`, br)
  fs.writeFileSync(
    `${file}.gz`,
    zlib.gzipSync(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
  )
  files++
  plain += content.length
  brotli += br.length
}
console.log(
  `Compressed ${files} assets: ${(plain / 1024).toFixed(0)} KB → ${(brotli / 1024).toFixed(0)} KB brotli`,
)
