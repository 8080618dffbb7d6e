/**
 * The GitHub stand-in as its own process:
 *
 *   node --import ./scripts/ts-hooks.mjs test/support/github-stand-in-server.ts --scenario s.json [--ghes] [--port N]
 *
 * Prints one JSON line `{ "url", "graphqlUrl", "token", "control" }` once it listens, then serves until
 * SIGTERM/SIGINT. `control` is the base URL of its control routes (requests, data, fail, delay, reset).
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { ScenarioData } from './github-scenario.js'
import { startGitHubStandIn } from './github-stand-in.js'

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    ghes: { type: 'boolean', default: false },
    port: { type: 'string' }
  }
})
if (!values.scenario) {
  console.error('usage: github-stand-in-server.ts --scenario FILE [--ghes] [--port N]')
  process.exit(2)
}
const data = JSON.parse(readFileSync(values.scenario, 'utf8')) as ScenarioData
const standIn = await startGitHubStandIn(data, {
  ghes: values.ghes,
  port: values.port ? Number(values.port) : undefined
})
const origin = new URL(standIn.graphqlUrl).origin
console.log(
  JSON.stringify({
    url: standIn.url,
    graphqlUrl: standIn.graphqlUrl,
    token: standIn.token,
    control: `${origin}/_stand-in`
  })
)
const stop = () => {
  void standIn.close().then(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
