import { spawn } from 'node:child_process'
import path from 'node:path'
import { getDatabasePath } from '#db/client.server.ts'

/**
 * A script of tests/fixtures in another process, on this test's database: the child (to kill),
 * its exit, what it wrote to stderr, and the JSON report it prints on stdout when it succeeds.
 * A kill for a child still running goes into `cleanups` (run after each test).
 */
export function fixtureProcess<Report>(
  fixture: string,
  env: Record<string, string>,
  cleanups: (() => Promise<void> | void)[],
) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(fixture)], {
    env: { ...process.env, DATABASE_PATH: getDatabasePath(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  return {
    child,
    exited,
    stderr: () => stderr,
    async report(): Promise<Report> {
      const { code } = await exited
      if (code !== 0) throw new Error(`${path.basename(fixture)} failed (${code}): ${stderr}`)
      return JSON.parse(stdout) as Report
    },
  }
}
