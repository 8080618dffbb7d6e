import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readLines, UnreadableLineError } from '../../src/cli/ledger-files.js'
import { removeDir, tempDir } from './support/ledger.js'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => removeDir(dir))

async function collect(lines: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = []
  for await (const line of lines) out.push(line)
  return out
}

describe('readLines', () => {
  it('yields lines split on \\n, keeps a last line without newline, and reads byte ranges', async () => {
    const path = join(dir, 'f.jsonl')
    writeFileSync(path, 'one\ntwo\r\nthré\nlast')
    expect(await collect(readLines(path))).toEqual(['one', 'two\r', 'thré', 'last'])
    expect(await collect(readLines(path, { start: 4, end: 15 }))).toEqual(['two\r', 'thré'])
  })

  it('splits lines across read chunks without changing them', async () => {
    const path = join(dir, 'big.jsonl')
    const lines = Array.from({ length: 3000 }, (_, i) => `${i}:${'é'.repeat(500 + (i % 7))}`)
    writeFileSync(path, `${lines.join('\n')}\n`)
    expect(await collect(readLines(path))).toEqual(lines)
  })

  it('refuses a line longer than the limit after yielding the lines before it', async () => {
    const path = join(dir, 'long.jsonl')
    writeFileSync(path, `short\n${'x'.repeat(5000)}`)
    const seen: string[] = []
    const reading = (async () => {
      for await (const line of readLines(path, null, 1000)) seen.push(line)
    })()
    await expect(reading).rejects.toBeInstanceOf(UnreadableLineError)
    await expect(reading).rejects.toThrow('the line is too long to be a record')
    expect(seen).toEqual(['short'])
  })
})
