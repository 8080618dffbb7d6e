#!/usr/bin/env node
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { isMainThread } from 'node:worker_threads'
import { main } from './main.js'

export { main } from './main.js'
export type { CliIo } from './io.js'

/** Run only when this file is the program (`deploy-gate …`, `node dist/cli/index.js …`), not when imported. */
function isProgram(): boolean {
  const script = process.argv[1]
  if (script === undefined) return false
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url
  } catch {
    return false
  }
}

// Worker threads of `verify` load this same file (the bundle is one file): only the main thread runs.
if (isMainThread && isProgram()) {
  process.exitCode = await main(process.argv.slice(2))
}
