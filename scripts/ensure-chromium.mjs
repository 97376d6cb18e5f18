// Finds a Chromium for the end-to-end tests, installing Debian's package when there is none.
// Order: CHROMIUM_PATH, /usr/bin/chromium, Playwright's own browser, then apt-get (as root).
// Prints the path it settled on; exits non-zero when there is no way to get one.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

export async function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`)
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  try {
    const { chromium } = await import('playwright-core')
    const own = chromium.executablePath()
    if (own && fs.existsSync(own)) return own
  } catch {
    // playwright-core missing or without a browser: fall through to apt-get.
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (isRoot && hasApt) {
    console.error("No Chromium found: installing Debian's chromium package (about 30 s)…")
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const update = spawnSync('apt-get', ['update', '-qq'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    })
    const install =
      update.status === 0 &&
      spawnSync(
        'apt-get',
        ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
        { stdio: ['ignore', 'ignore', 'inherit'], env },
      )
    if (install && install.status === 0 && fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  }
  throw new Error(
    "No Chromium: set CHROMIUM_PATH, install Debian's chromium package, or run as root with apt-get available.",
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(await findChromium())
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
