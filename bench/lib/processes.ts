import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Child processes for the benchmarks: servers on one core, load generators and workers on the
 * other (performance-goals.md section 5), each stopped by its own pid, each bounded in time.
 */

export type Role = 'server' | 'client'

export type Pinning = {
  pinned: boolean
  cores: number
  serverCore: number
  clientCore: number
  note: string
}

/** Can we put the server on core 0 and the load generator on core 1? Says why not if not. */
export function detectPinning(): Pinning {
  const cores = os.availableParallelism()
  const unpinned = (note: string): Pinning => ({
    pinned: false,
    cores,
    serverCore: 0,
    clientCore: 0,
    note: `NOT PINNED: ${note}; server and load generator share the cores, figures mix the two`,
  })
  if (process.platform !== 'linux') return unpinned(`${process.platform} has no taskset`)
  if (cores < 2) return unpinned(`only ${cores} core available`)
  const works = (core: number) =>
    spawnSync('taskset', ['-c', String(core), 'true'], { stdio: 'ignore' }).status === 0
  if (!works(0) || !works(1)) return unpinned('taskset is missing or may not pin to cores 0 and 1')
  return {
    pinned: true,
    cores,
    serverCore: 0,
    clientCore: 1,
    note: `pinned: server on core 0, load generator on core 1 (taskset; ${cores} cores)`,
  }
}

const running = new Set<ChildProcess>()

/** Stops every child still running (on exit, or when the benchmark is interrupted). */
export function stopAllChildren(): void {
  for (const child of running) if (child.pid && child.exitCode === null) child.kill('SIGKILL')
  running.clear()
}
process.once('exit', stopAllChildren)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAllChildren()
    process.exit(130)
  })
}

function pinnedCommand(pinning: Pinning, role: Role, command: string, args: string[]) {
  if (!pinning.pinned) return { command, args }
  const core = role === 'server' ? pinning.serverCore : pinning.clientCore
  return { command: 'taskset', args: ['-c', String(core), command, ...args] }
}

export type Started = { child: ChildProcess; logFile: string }

/** Starts a long-running process (a server) with its output in a log file. */
export function startProcess(input: {
  pinning: Pinning
  role: Role
  command: string
  args: string[]
  env: Record<string, string>
  logFile: string
}): Started {
  const { command, args } = pinnedCommand(input.pinning, input.role, input.command, input.args)
  const log = fs.openSync(input.logFile, 'w')
  const child = spawn(command, args, {
    env: { ...process.env, ...input.env },
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  running.add(child)
  child.once('exit', () => running.delete(child))
  return { child, logFile: input.logFile }
}

/** Stops one process by its pid: SIGTERM, then SIGKILL if it is still there after a while. */
export async function stopProcess(started: Started, graceMs = 5000): Promise<void> {
  const { child } = started
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = sleep(graceMs).then(() => 'timeout' as const)
  if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'timeout') {
    child.kill('SIGKILL')
    await exited
  }
}

/** Waits until the URL answers with any status below 500, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, started: Started, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) {
      const log = fs.existsSync(started.logFile) ? fs.readFileSync(started.logFile, 'utf8') : ''
      throw new Error(`${url}: the server exited (${started.child.exitCode}):\n${log.slice(-2000)}`)
    }
    const status = await new Promise<number | null>((resolve) => {
      const request = http.get(url, { timeout: 1000 }, (response) => {
        response.resume()
        resolve(response.statusCode ?? null)
      })
      request.on('error', () => resolve(null))
      request.on('timeout', () => request.destroy())
    })
    if (status !== null && status < 500) return
    await sleep(100)
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

/**
 * Runs a worker to completion and parses the last line of its output as JSON. Bounded: killed
 * (and an error thrown) after `timeoutMs`.
 */
export async function runJson<T>(input: {
  pinning: Pinning
  role: Role
  command: string
  args: string[]
  env?: Record<string, string>
  timeoutMs: number
}): Promise<T> {
  const { command, args } = pinnedCommand(input.pinning, input.role, input.command, input.args)
  const child = spawn(command, args, {
    env: { ...process.env, ...input.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), input.timeoutMs)
  const code = await new Promise<number | null>((resolve) =>
    child.once('close', (exitCode) => resolve(exitCode)),
  )
  clearTimeout(timer)
  running.delete(child)
  if (code !== 0) {
    throw new Error(
      `${input.command} ${input.args.join(' ')} exited with ${code ?? 'a kill (timeout?)'}\n${stderr.slice(-3000)}`,
    )
  }
  const lines = stdout.trim().split('\n')
  try {
    return JSON.parse(lines[lines.length - 1] ?? '') as T
  } catch {
    throw new Error(`No JSON result from ${input.args.join(' ')}:\n${stdout.slice(-2000)}`)
  }
}

let ticksPerSecond: number | null = null

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; null where there
 * is no /proc. Unlike throughput, it hardly moves when other work shares the core: a process
 * waiting for the CPU uses none.
 */
export function cpuTimeMs(pid: number): number | null {
  let stat: string
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  ticksPerSecond ??=
    Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100
  return cpuTicksOf(stat) * (1000 / ticksPerSecond)
}

/** utime + stime, in clock ticks, from the text of /proc/<pid>/stat (fields 14 and 15). */
export function cpuTicksOf(stat: string): number {
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  return Number(fields[14 - 3]) + Number(fields[15 - 3])
}
