// Jira requests per gate decision for change sets linking 1, 10 and 50 tickets (target: 1), for Jira Cloud
// (email + API token) and Data Center (PAT), measured with the real jira.js client against the local
// stand-in. `npm run bench` imports benchJira(); alone: `node --import ./scripts/ts-hooks.mjs scripts/bench-jira.ts`
// (prints a table and exits 1 when a count misses the target).
import { fileURLToPath } from 'node:url'
import { createJiraClient } from '../src/tickets/jira.js'
import { startJiraStandIn, ticket } from '../test/support/jira-stand-in.js'

export const JIRA_REQUEST_TARGET = 1

export interface JiraBenchRow {
  flavour: 'cloud' | 'data-center'
  tickets: number
  /** HTTP requests one ticket lookup (one decision) sent to Jira. */
  requests: number
  ms: number
  /** The first lookup of a process also loads jira.js (lazily imported). */
  includesLoading: boolean
}

export async function benchJira(sizes: readonly number[] = [1, 10, 50]): Promise<JiraBenchRow[]> {
  const rows: JiraBenchRow[] = []
  const largest = Math.max(...sizes)
  for (const flavour of ['cloud', 'data-center'] as const) {
    // Realistic tickets: a few status moves and edits each.
    const tickets = Array.from({ length: largest }, (_, i) =>
      ticket(`PAY-${i + 1}`)
        .created('2024-06-01T08:00:00Z')
        .moved('To Do', 'In Progress', '2024-06-01T09:00:00Z')
        .edited('summary', '2024-06-01T10:00:00Z', 'draft', 'final')
        .moved('In Progress', 'In Review', '2024-06-02T09:00:00Z')
        .moved('In Review', 'Approved', '2024-06-03T09:00:00Z')
    )
    const standIn = await startJiraStandIn({ flavour, tickets })
    try {
      const client = createJiraClient({
        baseUrl: standIn.url,
        auth:
          flavour === 'cloud'
            ? { kind: 'basic', email: standIn.email, apiToken: standIn.apiToken }
            : { kind: 'pat', token: standIn.pat }
      })
      for (const size of sizes) {
        const keys = Array.from({ length: size }, (_, i) => `PAY-${i + 1}`)
        standIn.reset()
        const started = performance.now()
        const result = await client.fetchTickets(keys)
        const ms = performance.now() - started
        const missing = keys.filter(k => !result.get(k)?.found)
        if (missing.length) throw new Error(`bench: ${flavour} did not find ${missing.join(', ')}`)
        rows.push({
          flavour,
          tickets: size,
          requests: standIn.requests.length,
          ms: Math.round(ms),
          includesLoading: rows.length === 0
        })
      }
    } finally {
      await standIn.close()
    }
  }
  return rows
}

export function formatJiraBench(rows: readonly JiraBenchRow[]): string {
  const lines = rows.map(
    r =>
      `jira ${r.flavour.padEnd(11)} ${String(r.tickets).padStart(3)} tickets: ${r.requests} request${
        r.requests === 1 ? '' : 's'
      } per decision (target ${JIRA_REQUEST_TARGET}), ${r.ms} ms${r.includesLoading ? ' (includes loading jira.js)' : ''}`
  )
  return lines.join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchJira()
  console.log(formatJiraBench(rows))
  if (rows.some(r => r.requests > JIRA_REQUEST_TARGET)) process.exitCode = 1
}
