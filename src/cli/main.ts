import { writeFile } from 'node:fs/promises'
import { Command, CommanderError, Option } from 'commander'
import type { JiraAuth } from '../config.js'
import { getErrorMessage } from '../errors.js'
import { parseDateArgument, periodBounds, toPeriod, type DateArgument, type Period } from './dates.js'
import { scanChain } from './chain-scan.js'
import { renderCsv } from './export-csv.js'
import { renderHtml } from './export-html.js'
import { renderMarkdown } from './export-md.js'
import { BrokenLedgerError, collectPopulation } from './export-rows.js'
import {
  evaluateFollowUp,
  FindingsCollector,
  followUpIsDue,
  formatFindingsText,
  sortFindings,
  type Finding,
  type FindingsReport
} from './findings.js'
import { githubFollowUps, jiraFollowUps, unknownFollowUps, type FollowUpLookup } from './follow-ups.js'
import { processIo, UsageError, type CliIo } from './io.js'
import { listLedger, selectEnvironment } from './ledger-files.js'
import { DEFAULT_BRANCH, openSource, SourceError, type LedgerSource, type SourceOptions } from './source.js'
import { formatVerifyJson, formatVerifyText, verifyLedger } from './verify.js'

/** Exit codes of SPEC §6. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

const EXPORT_FORMATS = ['csv', 'jsonl', 'md', 'html'] as const
const REPORT_FORMATS = ['text', 'json'] as const

interface SourceFlags extends SourceOptions {
  format?: string
}

interface ExportFlags extends SourceFlags {
  environment?: string
  since?: DateArgument
  until?: DateArgument
  includeBlocked?: boolean
  output?: string
}

interface FindingsFlags extends SourceFlags {
  environment?: string
  since?: DateArgument
  until?: DateArgument
  now?: DateArgument
  githubToken?: string
  githubApiUrl?: string
  jiraUrl?: string
}

/**
 * The `deploy-gate` command line (SPEC §6). `argv` is what follows the program name. Resolves with the exit
 * code: 0 intact / no findings, 1 broken / findings (or the ledger could not be read), 2 usage.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.ok
  const program = buildProgram(io, exitCode => {
    code = exitCode
  })
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message (naming the option) already. Help that was asked for exits 0;
      // help shown because no command was given is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    if (error instanceof UsageError) {
      io.stderr(`deploy-gate: error: ${error.message}\n(see deploy-gate ${commandOf(argv)} --help)\n`)
      return EXIT.usage
    }
    io.stderr(
      `deploy-gate: ${error instanceof BrokenLedgerError || error instanceof SourceError ? '' : 'error: '}${plain(getErrorMessage(error))}\n`
    )
    return EXIT.failed
  }
}

function commandOf(argv: readonly string[]): string {
  return argv.find(a => ['verify', 'export', 'findings'].includes(a)) ?? ''
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('deploy-gate')
    .description(
      'Read the deploy-gate evidence ledger: verify that it is intact, export the population of deploys, list audit findings.'
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage)')
    .allowExcessArguments(false)
  program.addHelpText(
    'after',
    `
A ledger is a folder holding ledger/<environment>.jsonl (--dir, e.g. a checkout of the ledger branch)
or the ledger branch of a git repository (--git URL [--branch NAME], default branch ${DEFAULT_BRANCH}).

Examples:
  deploy-gate verify --git https://github.com/acme/app.git
  deploy-gate export --dir ./evidence --environment production --since 2024-01-01 --until 2024-06-30 --format csv -o population.csv
  deploy-gate findings --dir ./evidence --since 2024-01-01 --github-token "$GITHUB_TOKEN"`
  )

  withSource(program.command('verify'))
    .description(
      'Check every chain: JSON, schema, id hashes (JCS + SHA-256), prev links, seq continuity, per environment. ' +
        'With --git, also that every commit of the ledger branch only appended lines. Exit 0 intact, 1 broken, 2 usage.'
    )
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .action(async (flags: SourceFlags) => {
      await withOpenSource(flags, io, async source => {
        const report = await verifyLedger(source)
        io.stdout(flags.format === 'json' ? formatVerifyJson(report) : plain(formatVerifyText(report)))
        setExit(report.intact ? EXIT.ok : EXIT.failed)
      })
    })

  withPeriod(withSource(program.command('export')))
    .description(
      'Export the population of deploys in the period: one row per pull request of each allow record (emergencies ' +
        'included), with approvers and times, checks, ticket and emergency flag. The ledger is verified while it is ' +
        'read; a broken ledger is not exported (exit 1). Exit 0, or 2 usage.'
    )
    .option('--include-blocked', 'also list blocked attempts', false)
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (flags: ExportFlags) => {
      const period = periodOf(flags)
      await withOpenSource(flags, io, async source => {
        const files = selectEnvironment(await listLedger(source.root, source.description), flags.environment)
        const { rows, summary } = await collectPopulation(files, {
          period,
          includeBlocked: flags.includeBlocked === true
        })
        const text =
          flags.format === 'csv'
            ? renderCsv(rows)
            : flags.format === 'jsonl'
              ? rows.map(row => `${JSON.stringify(row)}\n`).join('')
              : flags.format === 'md'
                ? renderMarkdown(rows, summary)
                : renderHtml(rows, summary)
        if (flags.output === undefined) io.stdout(text)
        else {
          await writeFile(flags.output, text, 'utf8')
          io.stderr(`deploy-gate: wrote ${rows.length} rows to ${flags.output}\n`)
        }
        setExit(EXIT.ok)
      })
    })

  withPeriod(withSource(program.command('findings')))
    .description(
      'List audit findings: emergency deploys whose follow-up was not closed within 24 hours, blocked-then-emergency ' +
        'deploys, approvals or ticket approvals dated after the deploy, rubber-stamp warnings, seq gaps and chain breaks. ' +
        'Exit 0 none, 1 findings, 2 usage.'
    )
    .addOption(
      new Option('--now <date>', 'the clock to judge follow-ups by (default: now)').argParser(
        parseDateArgument
      )
    )
    .option(
      '--github-token <token>',
      'ask GitHub whether follow-up issues were closed, and when (or set DEPLOY_GATE_GITHUB_TOKEN); without it their state is unknown'
    )
    .option(
      '--github-api-url <url>',
      'GitHub REST API base URL (default: $GITHUB_API_URL or https://api.github.com)'
    )
    .option(
      '--jira-url <url>',
      'ask the Jira site at this URL whether follow-ups opened there were resolved, and when (or set DEPLOY_GATE_JIRA_URL); ' +
        'credentials from DEPLOY_GATE_JIRA_EMAIL and DEPLOY_GATE_JIRA_API_TOKEN (Cloud) or DEPLOY_GATE_JIRA_PAT (Data Center)'
    )
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .action(async (flags: FindingsFlags) => {
      const period = periodOf(flags)
      const now = flags.now?.at ?? Date.now()
      const token = flags.githubToken ?? io.env.DEPLOY_GATE_GITHUB_TOKEN
      const apiUrl = flags.githubApiUrl ?? io.env.GITHUB_API_URL ?? 'https://api.github.com'
      if (!/^https?:\/\/[^/]/.test(apiUrl) || !URL.canParse(apiUrl)) {
        throw new UsageError(`--github-api-url: ${JSON.stringify(apiUrl)} is not an http(s) URL`)
      }
      const jira = jiraSiteOf(flags.jiraUrl ?? io.env.DEPLOY_GATE_JIRA_URL, io.env)
      await withOpenSource(flags, io, async source => {
        const files = selectEnvironment(await listLedger(source.root, source.description), flags.environment)
        const collector = new FindingsCollector(period)
        for (const file of files) {
          collector.startEnvironment(file.environment)
          const result = await scanChain(file, {
            record: (record, line) => collector.record(record, line),
            unverified: (text, line) => collector.unverified(text, line)
          })
          collector.endEnvironment(result)
        }
        const github = token
          ? githubFollowUps({ apiUrl, token })
          : unknownFollowUps('no --github-token was given to ask GitHub')
        const lookup = jira ? await jiraLookup(jira, github) : github
        const findings: Finding[] = [...collector.findings]
        for (const emergency of collector.emergencies) {
          const status = followUpIsDue(emergency, now)
            ? await lookup.status(emergency.followUpUrl as string)
            : null
          const finding = evaluateFollowUp(emergency, status, now)
          if (finding) findings.push(finding)
        }
        const report: FindingsReport = {
          source: source.description,
          period: periodBounds(period),
          now: new Date(now).toISOString(),
          records: collector.records,
          environments: files.map(f => f.environment),
          findings: sortFindings(findings)
        }
        io.stdout(
          flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : plain(formatFindingsText(report))
        )
        setExit(report.findings.length === 0 ? EXIT.ok : EXIT.failed)
      })
    })

  return program
}

type JiraSite = { baseUrl: string; auth: JiraAuth }

/** The Jira site and credentials `findings` asks about Jira follow-ups; null when no Jira URL is given. */
function jiraSiteOf(url: string | undefined, env: CliIo['env']): JiraSite | null {
  if (url === undefined || url === '') return null
  if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url) || new URL(url).username !== '') {
    throw new UsageError(`--jira-url: ${JSON.stringify(url)} is not an http(s) URL without credentials`)
  }
  const {
    DEPLOY_GATE_JIRA_EMAIL: email,
    DEPLOY_GATE_JIRA_API_TOKEN: apiToken,
    DEPLOY_GATE_JIRA_PAT: pat
  } = env
  const baseUrl = url.replace(/\/+$/, '')
  if (pat && !email && !apiToken) return { baseUrl, auth: { kind: 'pat', token: pat } }
  if (email && apiToken && !pat) return { baseUrl, auth: { kind: 'basic', email, apiToken } }
  throw new UsageError(
    '--jira-url: set DEPLOY_GATE_JIRA_EMAIL and DEPLOY_GATE_JIRA_API_TOKEN (Jira Cloud), or DEPLOY_GATE_JIRA_PAT ' +
      '(Jira Data Center), not both'
  )
}

/** Jira follow-ups go to Jira (jira.js is loaded only then); every other follow-up to `otherwise`. */
async function jiraLookup(site: JiraSite, otherwise: FollowUpLookup): Promise<FollowUpLookup> {
  const { createJiraClient } = await import('../tickets/jira.js')
  const names = {
    baseUrl: '--jira-url',
    email: 'DEPLOY_GATE_JIRA_EMAIL',
    apiToken: 'DEPLOY_GATE_JIRA_API_TOKEN',
    pat: 'DEPLOY_GATE_JIRA_PAT'
  }
  return jiraFollowUps(site.baseUrl, createJiraClient(site, { names }), otherwise)
}

function withSource(command: Command): Command {
  return command
    .addOption(
      new Option('--dir <path>', 'a folder holding ledger/ (e.g. a checkout of the ledger branch)').conflicts(
        'git'
      )
    )
    .option('--git <url>', 'a git URL; the ledger branch is cloned with the git CLI into a temporary folder')
    .option('--branch <name>', `the ledger branch, with --git (default: ${DEFAULT_BRANCH})`)
}

function withPeriod(command: Command): Command {
  return command
    .option('--environment <name>', 'only this environment (default: all)')
    .addOption(
      new Option(
        '--since <date>',
        'from this day (YYYY-MM-DD, UTC) or time (ISO 8601 with a zone)'
      ).argParser(parseDateArgument)
    )
    .addOption(
      new Option('--until <date>', 'to the end of this day, or to this time').argParser(parseDateArgument)
    )
}

function periodOf(flags: { since?: DateArgument; until?: DateArgument }): Period {
  const period = toPeriod(flags.since, flags.until)
  if (period.from !== null && period.before !== null && period.before <= period.from) {
    throw new UsageError(`--until: ${flags.until?.text} is before --since ${flags.since?.text}`)
  }
  return period
}

async function withOpenSource(
  flags: SourceOptions,
  io: CliIo,
  fn: (source: LedgerSource) => Promise<void>
): Promise<void> {
  const source = await openSource({ dir: flags.dir, git: flags.git, branch: flags.branch }, io.env)
  try {
    await fn(source)
  } finally {
    await source.close()
  }
}

/** Text for a terminal: control characters from ledger content cannot move the cursor or recolour output. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '?')
}
