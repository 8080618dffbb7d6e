/**
 * The one place that wires a run: inputs → ledger view → range → facts (GitHub, tickets) → decision →
 * follow-up → ledger record → evidence file, webhook, artifact → outputs, summary, annotations.
 * Every edge is a dependency so that tests run the same flow against stand-ins.
 */
import * as core from '@actions/core'
import type { Config } from './config.js'
import { ConfigError, LedgerIntegrityError, UpstreamError, getErrorMessage, type Service } from './errors.js'
import type { ArtifactOutcome, uploadEvidenceArtifact } from './evidence/artifact.js'
import { buildRecord } from './evidence/build-record.js'
import { writeEvidenceFile } from './evidence/evidence-file.js'
import type { LedgerStore, LedgerView } from './evidence/ledger.js'
import { planFromLedger, planRange, type RangePlan } from './evidence/range.js'
import type { EvidenceRecord } from './evidence/record.js'
import type { WebhookResult, WebhookTarget } from './evidence/webhook.js'
import { WARNING_CODES, inContractOrder, type WarningCode } from './gate/codes.js'
import type { Decision } from './gate/decision.js'
import type { EmergencyRequest } from './gate/emergency.js'
import { blockedByUpstream, evaluate, ticketKeysToFetch } from './gate/evaluate.js'
import type { ChangeSetFacts, TicketLookup } from './gate/facts.js'
import type { GitHubFacts, GitHubIssues } from './github/facts.js'
import { readConfig } from './inputs.js'
import { annotationsFor, emitAnnotations } from './report/annotations.js'
import { outputsFor, setOutputs } from './report/outputs.js'
import { composeGitHubRetrospective } from './report/retrospective.js'
import { renderSummary } from './report/summary.js'
import type { JiraFollowUps, TicketReader } from './tickets/jira.js'
import {
  composeJiraRetrospective,
  retrospectiveDueAt,
  type RetrospectiveFacts
} from './tickets/retrospective.js'

/**
 * The edges of a run. Adapters are created through `await import()` so that only the modules a run uses
 * are loaded, and none of them before the inputs are known to be valid (start-up time, SPEC §7).
 */
export interface Deps {
  readConfig(): Config
  github(config: Config): Promise<{ facts: GitHubFacts; issues: GitHubIssues }>
  /** Jira, when `ticket-source: jira` or `retrospective: jira`. */
  jira(config: Config): Promise<TicketReader & JiraFollowUps>
  ledger(config: Config): Promise<LedgerStore>
  postRecord(target: WebhookTarget, record: EvidenceRecord): Promise<WebhookResult>
  uploadArtifact(input: Parameters<typeof uploadEvidenceArtifact>[0]): Promise<ArtifactOutcome>
  now(): Date
  core: Pick<typeof core, 'setOutput' | 'setFailed' | 'error' | 'warning' | 'notice' | 'info'> & {
    writeSummary(markdown: string): Promise<void>
  }
}

function defaultDeps(): Deps {
  return {
    readConfig: () => readConfig(),
    github: async config => {
      const { createGitHubAdapter } = await import('./github/facts.js')
      return createGitHubAdapter({
        token: config.githubToken,
        apiUrl: config.context.apiUrl,
        graphqlUrl: config.context.graphqlUrl,
        repository: config.context.repository
      })
    },
    jira: async config => {
      if (config.jira === null) throw new ConfigError('Jira is needed but jira-base-url is not set.')
      const { createJiraClient } = await import('./tickets/jira.js')
      return createJiraClient(config.jira)
    },
    ledger: async config => {
      const { openLedger } = await import('./evidence/open-ledger.js')
      return openLedger(config.evidence, { actor: config.context.actor })
    },
    postRecord: async (target, record) => {
      const { postRecord } = await import('./evidence/webhook.js')
      return postRecord(target, record)
    },
    uploadArtifact: async input => {
      const { uploadEvidenceArtifact } = await import('./evidence/artifact.js')
      return uploadEvidenceArtifact(input)
    },
    now: () => new Date(),
    core: {
      setOutput: core.setOutput,
      setFailed: core.setFailed,
      error: core.error,
      warning: core.warning,
      notice: core.notice,
      info: core.info,
      writeSummary: async markdown => {
        if (!process.env.GITHUB_STEP_SUMMARY) return
        await core.summary.addRaw(markdown, true).write()
      }
    }
  }
}

/** What the gate established before the record is written. */
interface Outcome {
  plan: RangePlan | null
  facts: ChangeSetFacts | null
  tickets: TicketLookup[]
  decision: Decision
  warnings: WarningCode[]
  followUp: { url: string | null; dueAt: string } | null
  errors: string[]
}

/** The outcome of a run once the ledger has been written to, or has refused. */
interface Recorded {
  outcome: Outcome | null
  decision: Decision
  record: EvidenceRecord | null
  /** Why no record was appended, if none was. */
  failure: string | null
  ledger: { location: string; attempts: number | null; commit: string | null }
}

export async function run(deps: Deps = defaultDeps()): Promise<void> {
  let config: Config
  try {
    config = deps.readConfig()
  } catch (error) {
    // An input error stops the step before any request; nothing is recorded (SPEC §2).
    deps.core.setOutput('decision', 'block')
    deps.core.setFailed(getErrorMessage(error))
    return
  }
  const recorded = await decideAndRecord(config, deps)
  const { warnings, evidenceFile } = await publish(config, deps, recorded)
  await report(config, deps, recorded, warnings, evidenceFile)
}

/** Reads the ledger, decides, appends the record. A decision is only final once it is recorded. */
async function decideAndRecord(config: Config, deps: Deps): Promise<Recorded> {
  const started = deps.now()
  let outcome: Outcome | null = null
  let ledger: LedgerStore | null = null
  let phase: 'read the ledger' | 'decide' | 'append the record' = 'read the ledger'
  try {
    ledger = await deps.ledger(config)
    const view = await ledger.read(config.environment)
    assertSameRepository(view, config)
    phase = 'decide'
    const decided = await decide(config, deps, view, started)
    outcome = decided
    phase = 'append the record'
    const appended = await ledger.append(config.environment, () =>
      buildRecord({
        decision: decided.decision,
        facts: decided.facts,
        environment: config.environment,
        repository: config.context.repository,
        sha: config.sha,
        previousSha: decided.plan?.previousSha ?? null,
        actor: config.context.actor,
        decidedAt: started.toISOString(),
        run: runOf(config),
        followUp: decided.followUp,
        warnings: decided.warnings
      })
    )
    return {
      outcome,
      decision: decided.decision,
      record: appended.record,
      failure: null,
      ledger: {
        location: ledger.describe(config.environment),
        attempts: appended.attempts,
        commit: appended.commit
      }
    }
  } catch (error) {
    // No deploy goes out unrecorded: a ledger that cannot be read, verified or appended to is a block, and
    // so is a failure before deciding could start (the adapters not loading). Fail closed.
    const failure = `deploy-gate could not ${phase}: ${getErrorMessage(error)}`
    const service = phase === 'decide' ? 'deploy-gate' : 'ledger'
    return {
      outcome,
      decision: blockedByUpstream(outcome?.plan?.range ?? 'initial', service, failure, null, config.sha),
      record: null,
      failure,
      ledger: {
        location: ledger?.describe(config.environment) ?? config.evidence.store,
        attempts: null,
        commit: null
      }
    }
  }
}

/** Forwards the record (webhook), writes this run's evidence file and uploads it. None of it can block. */
async function publish(
  config: Config,
  deps: Deps,
  { outcome, decision, record, failure, ledger }: Recorded
): Promise<{ warnings: WarningCode[]; evidenceFile: string | null }> {
  const warnings = [...(outcome?.warnings ?? [])]
  let webhook: WebhookResult | null = null
  if (record && config.webhook) {
    webhook = await deps.postRecord(config.webhook, record)
    if (!webhook.ok) {
      warnings.push('webhook-failed')
      deps.core.warning(webhook.message, { title: 'deploy-gate: evidence webhook' })
    }
  }

  let evidenceFile: string | null = null
  try {
    evidenceFile = await writeEvidenceFile(config.context.runnerTemp, {
      environment: config.environment,
      runId: config.context.runId,
      runAttempt: config.context.runAttempt,
      record,
      decision,
      plan: outcome?.plan ?? null,
      facts: outcome?.facts ?? null,
      tickets: outcome?.tickets ?? [],
      warnings: inContractOrder(WARNING_CODES, warnings),
      ledger: { ...ledger, error: failure },
      webhook,
      errors: [...(outcome?.errors ?? []), ...(failure ? [failure] : [])]
    })
  } catch (error) {
    deps.core.warning(`The evidence file could not be written: ${getErrorMessage(error)}`)
  }
  if (evidenceFile && config.uploadArtifact) {
    const uploaded = await deps.uploadArtifact({
      path: evidenceFile,
      environment: config.environment,
      runId: config.context.runId,
      runAttempt: config.context.runAttempt
    })
    if (uploaded.status === 'uploaded') deps.core.info(`Uploaded artifact ${uploaded.name}.`)
    else deps.core.notice(uploaded.message)
  }
  return { warnings, evidenceFile }
}

/** Outputs, annotations, the job summary, and the step's result. */
async function report(
  config: Config,
  deps: Deps,
  { outcome, decision, record, failure }: Recorded,
  runWarnings: readonly WarningCode[],
  evidenceFile: string | null
): Promise<void> {
  const warnings = inContractOrder(WARNING_CODES, [...runWarnings, ...decision.warnings])
  setOutputs(
    outputsFor({ decision, warnings, sha: config.sha, recordId: record?.id ?? null, evidenceFile }),
    deps.core
  )
  emitAnnotations(
    annotationsFor(decision, { sha: config.sha, mode: config.mode, facts: outcome?.facts ?? null }),
    deps.core
  )
  try {
    await deps.core.writeSummary(
      renderSummary({
        decision,
        facts: outcome?.facts ?? null,
        recordId: record?.id ?? null,
        environment: config.environment,
        sha: config.sha,
        mode: config.mode,
        warnings,
        emergency: config.emergency
          ? {
              actor: config.context.actor,
              justification: config.emergency.justification,
              followUp: outcome?.followUp ?? null
            }
          : null,
        serverUrl: config.context.serverUrl,
        evidenceFile
      })
    )
  } catch (error) {
    deps.core.warning(`The job summary could not be written: ${getErrorMessage(error)}`)
  }

  const override = decision.emergency ? ' (emergency override)' : ''
  deps.core.info(
    `deploy-gate: ${decision.decision}${override} for ${config.environment} at ${config.sha}; reasons: ${JSON.stringify(decision.reasons)}; warnings: ${JSON.stringify(warnings)}`
  )
  if (!record) {
    deps.core.setFailed(
      `${failure ?? 'The evidence record was not appended'}. No record was written, so the deploy is blocked.`
    )
  } else if (decision.decision === 'block') {
    const because = `blocked: ${decision.reasons.join(', ')}`
    if (config.mode === 'enforce') deps.core.setFailed(`deploy-gate ${because}.`)
    else deps.core.warning(`deploy-gate ${because} (mode: report, the step does not fail).`)
  }
}

/** Range, facts and the gate's decision, plus the emergency follow-up. Upstream failures become a block. */
async function decide(config: Config, deps: Deps, view: LedgerView, now: Date): Promise<Outcome> {
  const github = await deps.github(config)
  const emergency: EmergencyRequest | null = config.emergency && {
    actor: config.context.actor,
    justification: config.emergency.justification,
    approvers: config.emergency.approvers
  }
  const errors: string[] = []
  const protection = readLedgerProtection(config, deps, github.facts)
  const rangeInput = { view, sha: config.sha, sinceSha: config.sinceSha }
  // What the ledger alone establishes is recorded even if GitHub cannot say whether this is a rollback.
  let plan: RangePlan = planFromLedger(rangeInput)
  let facts: ChangeSetFacts | null = null
  let tickets: TicketsRead = { byKey: new Map(), unavailable: [] }
  let decision: Decision
  try {
    plan = await planRange({ ...rangeInput, isAncestor: (a, b) => github.facts.isAncestor(a, b) })
    facts = await github.facts.fetchChangeSet({
      // A rollback is checked against itself: an empty change set, only the deployed commit's CI.
      base: plan.range === 'rollback' ? config.sha : plan.base,
      sha: config.sha,
      deployBranch: config.deployBranch,
      withClosingIssues: config.policy.ticketSource === 'github-issues'
    })
    tickets = await readTickets(
      config,
      deps,
      plan.range === 'rollback' ? [] : ticketKeysToFetch(facts, config.policy)
    )
    errors.push(...tickets.unavailable.map(u => u.message))
    const { byKey, unavailable } = tickets
    decision = evaluate({
      facts,
      range: plan.range,
      policy: config.policy,
      tickets: byKey,
      emergency,
      unavailable
    })
  } catch (error) {
    // Whatever could not be established blocks, and the block is recorded like any decision (SPEC §4): a
    // service that did not answer, or deploy-gate itself failing on an answer it did not expect.
    const [service, message] =
      error instanceof UpstreamError
        ? [error.service, error.message]
        : (['deploy-gate', `deploy-gate failed while deciding: ${getErrorMessage(error)}`] as const)
    errors.push(message)
    decision = blockedByUpstream(plan.range, service, message, emergency, config.sha)
  }

  const warnings: WarningCode[] = [...plan.warnings]
  if ((await protection) === 'unprotected') warnings.push('ledger-unprotected')
  let followUp: Outcome['followUp'] = null
  if (decision.emergency) {
    followUp = { url: null, dueAt: retrospectiveDueAt(now.toISOString()) }
    try {
      followUp.url = await openFollowUp(config, deps, github.issues, decision, now)
    } catch (error) {
      // It is an emergency: the deploy still goes out, and the record says the follow-up is missing.
      warnings.push('follow-up-not-opened')
      const message = `The retrospective follow-up could not be opened: ${getErrorMessage(error)}`
      errors.push(message)
      deps.core.warning(message, { title: 'deploy-gate: emergency follow-up' })
    }
  }
  const lookups = [...tickets.byKey.values()]
  return {
    plan,
    facts,
    tickets: lookups,
    decision,
    warnings: inContractOrder(WARNING_CODES, warnings),
    followUp,
    errors
  }
}

interface TicketsRead {
  byKey: Map<string, TicketLookup>
  /** Services that did not answer: the gate blocks on them but still judges every other rule. */
  unavailable: Array<{ service: Service; message: string }>
}

async function readTickets(config: Config, deps: Deps, keys: readonly string[]): Promise<TicketsRead> {
  if (keys.length === 0) return { byKey: new Map(), unavailable: [] }
  try {
    const jira = await deps.jira(config)
    return { byKey: await jira.fetchTickets(keys), unavailable: [] }
  } catch (error) {
    // Jira down blocks, but the GitHub rules are still judged: an emergency must record every rule it
    // bypassed, and a developer sees every fix at once (the tickets are re-checked on the next run).
    if (!(error instanceof UpstreamError)) throw error
    return { byKey: new Map(), unavailable: [{ service: error.service, message: error.message }] }
  }
}

/**
 * Whether the ledger branch can be force-pushed or deleted, when it lives on this GitHub server; null when
 * GitHub cannot say (another remote). Never rejects: it only ever adds a warning or a notice.
 */
async function readLedgerProtection(
  config: Config,
  deps: Deps,
  github: GitHubFacts
): Promise<'protected' | 'unprotected' | 'unknown' | null> {
  const ledgerAt = ledgerBranch(config)
  if (!ledgerAt) return null
  const protection = await github
    .branchProtection(ledgerAt.repository, ledgerAt.branch)
    .catch(() => 'unknown' as const)
  if (protection === 'unknown') {
    deps.core.notice(
      `Could not tell whether branch ${ledgerAt.branch} of ${ledgerAt.repository} is protected against force pushes and deletion (the token may lack administration: read).`
    )
  }
  return protection
}

async function openFollowUp(
  config: Config,
  deps: Deps,
  issues: GitHubIssues,
  decision: Decision,
  now: Date
): Promise<string | null> {
  const facts: RetrospectiveFacts = {
    project: config.retrospectiveJiraProject ?? '',
    repository: config.context.repository,
    environment: config.environment,
    sha: config.sha,
    actor: config.context.actor,
    justification: config.emergency?.justification ?? '',
    bypassed: decision.results.filter(r => r.status === 'fail'),
    runUrl: runOf(config).url,
    decidedAt: now.toISOString()
  }
  switch (config.retrospective) {
    case 'none':
      return null
    case 'github-issue':
      return (await issues.createIssue(composeGitHubRetrospective(facts))).url
    case 'jira': {
      const jira = await deps.jira(config)
      return (await jira.createFollowUp(composeJiraRetrospective(facts))).url
    }
  }
}

/**
 * The GitHub repository (`owner/name`) and branch that hold the ledger when `evidence-remote` is on this GitHub
 * server — this repository or a central evidence repository — so its branch protection can be read; null
 * for other remotes (file://, another host), where GitHub cannot say.
 */
function ledgerBranch(config: Config): { repository: string; branch: string } | null {
  if (config.evidence.store !== 'git') return null
  const server = config.context.serverUrl.replace(/\/+$/, '').toLowerCase()
  const remote = config.evidence.remote.replace(/\/+$/, '').replace(/\.git$/, '')
  if (!remote.toLowerCase().startsWith(`${server}/`)) return null
  const path = remote.slice(server.length + 1)
  return /^[^/]+\/[^/]+$/.test(path) ? { repository: path, branch: config.evidence.branch } : null
}

/**
 * One chain per environment: in a central ledger shared by several repositories, an environment name used
 * by two of them would make one repository's last deploy the other's baseline. Refuse before recording.
 */
function assertSameRepository(view: LedgerView, config: Config): void {
  const recorded = view.lastAllow?.repository
  if (recorded && recorded.toLowerCase() !== config.context.repository.toLowerCase()) {
    throw new LedgerIntegrityError(
      `the ledger's chain for environment '${config.environment}' records deploys of ${recorded}, not ${config.context.repository}. ` +
        'Give each repository its own environment names in a shared ledger (e.g. shop-production); after a repository rename, ' +
        'start a new environment name with since-sha set to the last deployed commit.'
    )
  }
}

function runOf(config: Config): EvidenceRecord['run'] {
  const c = config.context
  return {
    id: c.runId,
    attempt: c.runAttempt,
    url: `${c.serverUrl.replace(/\/+$/, '')}/${c.repository}/actions/runs/${c.runId}/attempts/${c.runAttempt}`,
    workflow: c.workflow
  }
}
