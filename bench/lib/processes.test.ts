import { expect, test } from 'vitest'
import { cpuTicksOf, cpuTimeMs } from './processes.ts'

test('utime + stime are fields 14 and 15 of /proc/<pid>/stat, even when the name has spaces', () => {
  const fields = Array.from({ length: 50 }, (_, i) => String(i + 3))
  // Fields 3.. after "pid (comm)": field 14 is "14" and field 15 is "15" here.
  expect(cpuTicksOf(`1234 (node) ${fields.join(' ')}`)).toBe(29)
  expect(cpuTicksOf(`1234 (a (b) c) ${fields.join(' ')}`)).toBe(29)
})

test.runIf(process.platform === 'linux')('reads this process’s own CPU time', () => {
  const before = cpuTimeMs(process.pid)!
  let x = 0
  for (let i = 0; i < 5e7; i++) x += i
  expect(x).toBeGreaterThan(0)
  expect(cpuTimeMs(process.pid)!).toBeGreaterThan(before)
})
