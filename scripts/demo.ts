/**
 * `npm run demo`: the bundled action, end to end, on a built-in story. A GitHub stand-in (GraphQL executed
 * against GitHub's published schema) and a Jira stand-in run on 127.0.0.1; each deploy runs
 * `node dist/index.js` exactly as the runner starts it, with a local git ledger (a bare repository);
 * then the auditor's CLI verifies that ledger and lists its findings.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { scenario } from '../test/support/github-scenario.js'
import { startJiraStandIn, ticket } from '../test/support/jira-stand-in.js'
import { NODE24, ROOT } from '../test/support/run-action.js'
import { codes, stage } from '../test/support/stage.js'

// The story starts three hours ago (the scenario's clock moves a minute per event); tickets are approved the
// day before, or only tomorrow.
const START = Date.now() - 3 * 3600_000
const APPROVED_EARLY = new Date(START - 24 * 3600_000).toISOString()
const APPROVED_LATE = new Date(START + 24 * 3600_000).toISOString()

const s = scenario({ start: new Date(START).toISOString() })
const jira = await startJiraStandIn({
  tickets: [
    ticket('PAY-1').moved('To Do', 'Approved', APPROVED_EARLY),
    ticket('PAY-2').moved('To Do', 'Approved', APPROVED_EARLY),
    ticket('PAY-3').moved('To Do', 'Approved', APPROVED_EARLY),
    ticket('PAY-4').moved('To Do', 'Approved', APPROVED_LATE),
    ticket('PAY-5').moved('To Do', 'Approved', APPROVED_EARLY),
    ticket('PAY-6').moved('To Do', 'Approved', APPROVED_EARLY)
  ],
  projects: ['OPS']
})
const gate = await stage(s, { store: 'git', environment: 'production' })
// The stand-in is the whole "server": issue links point at it, so the CLI may ask it about follow-ups later.
s.data.serverUrl = new URL(gate.github.url).origin
const base = {
  'ticket-source': 'jira',
  'jira-base-url': jira.url,
  'jira-email': jira.email,
  'jira-api-token': jira.apiToken,
  'jira-projects': 'PAY'
}

interface Step {
  title: string
  /** Changes the scenario and returns the inputs of the deploy. */
  act(): Record<string, string>
  env?: Record<string, string>
}

let firstDeploy = ''
const steps: Step[] = [
  {
    title: 'PAY-1, reviewed by bob on its final commit, CI green, ticket approved before merge',
    act() {
      s.pullRequest({ author: 'alice', title: 'PAY-1 Retry card captures', approvals: ['bob'] })
      firstDeploy = s.head()
      return {}
    }
  },
  {
    title: 'PAY-2, approved only by its own author',
    act: () => (s.pullRequest({ author: 'carol', title: 'PAY-2 Faster checkout', approvals: ['carol'] }), {})
  },
  {
    title: 'plus PAY-3, approved before its last push (stale), and a direct push to main',
    act() {
      const pr = s.openPullRequest({ author: 'dave', title: 'PAY-3 Currency rounding' })
      s.approve(pr, 'erin')
      s.pushToPullRequest(pr, { message: 'one more thing' })
      s.checkRun(s.pull(pr).headRefOid, { name: 'ci' })
      s.merge(pr)
      s.commit({ author: 'mallory', message: 'hotfix straight to main' })
      s.checkRun(s.head(), { name: 'ci' })
      return {}
    }
  },
  {
    title: 'the same deploy as an emergency by the on-call lead (break glass)',
    env: { GITHUB_ACTOR: 'oncall-lead' },
    act: () => ({
      emergency: 'true',
      'emergency-justification':
        'Card captures failing for all EU customers since 14:02 (INC-4411); shipping the fix.',
      'emergency-approvers': 'oncall-lead'
    })
  },
  {
    title: 'PAY-4, whose ticket was approved only after the merge, and a Dependabot PR approved by a bot',
    act() {
      s.pullRequest({ author: 'frank', title: 'PAY-4 Refund emails', approvals: ['bob'] })
      s.pullRequest({ author: 'dependabot[bot]', title: 'PAY-5 Bump undici', approvals: ['renovate[bot]'] })
      return {}
    }
  },
  {
    title: 'a rollback to the first deploy',
    act: () => ({ sha: firstDeploy })
  },
  {
    title: 'a GitHub outage (every API answer is 502; retried for ~15 s): the gate fails closed',
    act() {
      s.pullRequest({ author: 'alice', title: 'PAY-6 Logging', approvals: ['bob'] })
      gate.github.failAll({ status: 502, message: 'Bad Gateway' })
      return {}
    }
  }
]

console.log(
  'deploy-gate demo: the bundled action (dist/index.js, Node 24) against local stand-ins of GitHub and Jira'
)
console.log(`ledger: ${gate.ledgerPath} (branch deploy-evidence)\n`)
let n = 0
for (const step of steps) {
  n += 1
  const inputs = { ...base, sha: '', ...step.act() }
  if (inputs.sha === '') inputs.sha = s.head()
  const run = await gate.run(inputs, step.env)
  const reasons = codes(run, 'reasons')
  const warnings = codes(run, 'warnings')
  const record = gate.records().at(-1)
  const verdict = run.outputs.emergency === 'true' ? 'allow (emergency)' : (run.outputs.decision ?? '(none)')
  console.log(`${n}. ${step.title}`)
  console.log(`   deploy ${inputs.sha.slice(0, 7)} → ${verdict.toUpperCase()}   step exit code ${run.code}`)
  if (record)
    console.log(
      `   range ${record.range}, ${record.changes.length} pull request(s), record #${record.seq} ${record.id.slice(0, 12)}…`
    )
  if (reasons.length) console.log(`   reasons:  ${reasons.join(', ')}`)
  if (warnings.length) console.log(`   warnings: ${warnings.join(', ')}`)
  if (record?.emergency?.followUp.url)
    console.log(`   retrospective due ${record.emergency.followUp.dueAt}: ${record.emergency.followUp.url}`)
  console.log('')
}
gate.github.stopFailing()

const cli = join(ROOT, 'dist', 'cli', 'index.js')
const ledgerUrl = `file://${gate.ledgerPath}`
for (const args of [
  ['verify', '--git', ledgerUrl],
  ['export', '--git', ledgerUrl, '--format', 'md'],
  // Two days on, asking the GitHub stand-in whether the emergency's retrospective issue was closed (it was not).
  [
    'findings',
    '--git',
    ledgerUrl,
    '--now',
    new Date(Date.now() + 48 * 3600_000).toISOString(),
    '--github-api-url',
    gate.github.url
  ]
]) {
  console.log(`$ deploy-gate ${args.join(' ')}`)
  const env = { ...process.env, DEPLOY_GATE_GITHUB_TOKEN: gate.github.token }
  // Not spawnSync: the stand-in answering the CLI runs in this process.
  const child = spawn(NODE24, [cli, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] })
  const code = await new Promise<number | null>(done => child.on('close', done))
  console.log(`(exit code ${code})\n`)
}

await gate.close()
await jira.close()
