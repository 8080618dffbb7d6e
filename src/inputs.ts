/**
 * The only module that reads the action's inputs and the runner's environment. Every input of SPEC §3 is
 * parsed and validated here, before anything touches the network, into the frozen `Config` of config.ts.
 * A bad value is a `ConfigError` naming the input, the value and what is accepted; all problems of one run
 * are reported together so a workflow author fixes them in one go.
 */
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import {
  EVIDENCE_STORES,
  MODES,
  RETROSPECTIVES,
  TICKET_SOURCES,
  type Config,
  type EmergencyConfig,
  type EvidenceConfig,
  type JiraConfig,
  type Policy,
  type RunContext
} from './config.js'
import { ConfigError } from './errors.js'
import { validateJustification } from './gate/emergency.js'
import { isLoopback } from './http-url.js'

export interface InputSpec {
  readonly name: string
  /** The default exactly as action.yml writes it; null when action.yml has none (empty, or computed below). */
  readonly default: string | null
  readonly required: boolean
  /** Masked in logs and never repeated in an error message. */
  readonly secret: boolean
}

/**
 * Every input of SPEC §3 with its default: the one place defaults live. action.yml must agree (a test
 * checks it). Literal defaults also apply when the action runs outside the runner (`node dist/index.js`
 * with `INPUT_*` variables), where nobody substitutes action.yml's defaults; `${{ … }}` defaults are
 * the runner's to evaluate, with the runner variable named in RUNNER_FALLBACKS standing in for them.
 */
export const INPUTS = [
  { name: 'github-token', default: '${{ github.token }}', required: false, secret: true },
  { name: 'environment', default: null, required: true, secret: false },
  { name: 'sha', default: '${{ github.sha }}', required: false, secret: false },
  { name: 'deploy-branch', default: null, required: false, secret: false },
  { name: 'since-sha', default: null, required: false, secret: false },
  { name: 'required-approvals', default: '1', required: false, secret: false },
  { name: 'required-checks', default: null, required: false, secret: false },
  { name: 'allow-bot-approvals', default: 'false', required: false, secret: false },
  { name: 'rubber-stamp-seconds', default: '60', required: false, secret: false },
  { name: 'ticket-source', default: 'jira', required: false, secret: false },
  { name: 'jira-base-url', default: null, required: false, secret: false },
  { name: 'jira-email', default: null, required: false, secret: false },
  { name: 'jira-api-token', default: null, required: false, secret: true },
  { name: 'jira-pat', default: null, required: false, secret: true },
  { name: 'jira-projects', default: null, required: false, secret: false },
  { name: 'ticket-approved-statuses', default: 'Approved', required: false, secret: false },
  { name: 'mode', default: 'enforce', required: false, secret: false },
  { name: 'emergency', default: 'false', required: false, secret: false },
  { name: 'emergency-justification', default: null, required: false, secret: false },
  { name: 'emergency-approvers', default: null, required: false, secret: false },
  { name: 'retrospective', default: 'github-issue', required: false, secret: false },
  { name: 'retrospective-jira-project', default: null, required: false, secret: false },
  { name: 'evidence-store', default: 'git', required: false, secret: false },
  { name: 'evidence-branch', default: 'deploy-evidence', required: false, secret: false },
  { name: 'evidence-remote', default: null, required: false, secret: false },
  { name: 'evidence-token', default: null, required: false, secret: true },
  { name: 'evidence-dir', default: null, required: false, secret: false },
  { name: 'upload-artifact', default: 'true', required: false, secret: false },
  // A webhook URL often carries its credential in the path (SIEM HTTP collectors): treated as a secret.
  { name: 'evidence-webhook', default: null, required: false, secret: true },
  { name: 'evidence-webhook-token', default: null, required: false, secret: true }
] as const satisfies readonly InputSpec[]

export type InputName = (typeof INPUTS)[number]['name']

/** What a `${{ … }}` default evaluates to on the runner, read from the runner's own variables. */
const RUNNER_FALLBACKS: Partial<Record<InputName, string>> = { sha: 'GITHUB_SHA' }

export const MAX_REQUIRED_APPROVALS = 10
export const MAX_RUBBER_STAMP_SECONDS = 86_400
const MAX_SHOWN_VALUE = 120
/** What follows the encoded environment name in the longest ledger file name: the file store's lock. */
const LEDGER_FILE_SUFFIX = '.jsonl.lock'

type Env = Readonly<Record<string, string | undefined>>

/** The variable `core.getInput(name)` reads: `INPUT_` + the name upper-cased, spaces (not dashes) → `_`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Inputs holding a URL or git remote, where a credential may have been written in by mistake. */
const URL_INPUTS: ReadonlySet<string> = new Set(['evidence-remote', 'jira-base-url'])

/**
 * A URL or git remote as it may be repeated in an error: user info (`https://user:token@…`, `git:token@host:…`),
 * query and fragment (`?token=…`) are replaced by `***`. Such a value is not a secret input, so nothing
 * masks it; the error message is printed and is the first thing a workflow author copies into an issue.
 */
function hideUrlCredentials(value: string): string {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(value)?.[0] ?? ''
  const rest = value.slice(scheme.length)
  const authorityEnd = rest.search(/[/?#]/)
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd)
  const path = authorityEnd === -1 ? '' : rest.slice(authorityEnd)
  const at = authority.lastIndexOf('@')
  // `git@host` is ssh's conventional user, not a credential; any other user part may be a token.
  const user = at === -1 ? '' : authority.slice(0, at) === 'git' ? 'git@' : '***@'
  return `${scheme}${user}${authority.slice(at + 1)}${hideQuery(path)}`
}

function hideQuery(path: string): string {
  const cut = path.search(/[?#]/)
  return cut === -1 ? path : `${path.slice(0, cut + 1)}***`
}

/** A secret, or a value that is too long or unprintable to repeat, is described instead of quoted. */
function show(spec: InputSpec, value: string): string {
  if (spec.secret) return 'the value given'
  const shown = URL_INPUTS.has(spec.name) ? hideUrlCredentials(value) : value
  const cut = shown.length > MAX_SHOWN_VALUE ? `${shown.slice(0, MAX_SHOWN_VALUE)}…` : shown
  return JSON.stringify(cut)
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const SHA = /^[0-9a-f]{40}$/i
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,254}$/
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/

function specOf(name: InputName): InputSpec {
  const spec = INPUTS.find(i => i.name === name)
  if (!spec) throw new Error(`No such input: ${name}`)
  return spec
}

/** Splits a list input on commas and newlines; trims, drops empties and duplicates (first kept). */
function splitList(value: string): string[] {
  return unique(value.split(/[,\n]/).map(s => s.trim()))
}

/**
 * Check names: one per line, or comma-separated. A comma inside parentheses belongs to the name, because
 * matrix jobs are named like `test (ubuntu-latest, 22)`.
 */
export function splitCheckNames(value: string): string[] {
  const names: string[] = []
  for (const line of value.split('\n')) {
    let depth = 0
    let current = ''
    for (const ch of line) {
      if (ch === '(') depth += 1
      else if (ch === ')') depth = Math.max(0, depth - 1)
      if (ch === ',' && depth === 0) {
        names.push(current)
        current = ''
      } else current += ch
    }
    names.push(current)
  }
  return unique(names.map(n => n.trim()))
}

function unique(items: string[]): string[] {
  return [...new Set(items.filter(s => s !== ''))]
}

/** Git's check-ref-format rules, plus: no leading `-` (the name is passed to git on a command line). */
function refNameProblem(name: string): string | null {
  if (CONTROL.test(name) || /[\s~^:?*[\\]/.test(name)) return 'contains a character git does not allow'
  if (name.startsWith('-')) return 'starts with -'
  if (name.includes('..') || name.includes('@{') || name === '@') return 'contains .., @{ or is @'
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'has an empty path component'
  if (name.endsWith('.')) return 'ends with .'
  if (name.split('/').some(c => c.startsWith('.') || c.endsWith('.lock'))) {
    return 'has a component starting with . or ending with .lock'
  }
  return null
}

function tryUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

/** An absolute http(s) URL without trailing slashes, query or fragment (a service's base URL). */
function baseUrl(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * Reads and validates every input and runner variable. Synchronous and free of I/O except masking: it
 * calls `core.setSecret` for each secret it reads, before validating anything.
 */
export function readConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const invalid = (name: InputName, value: string, expected: string): void => {
    problems.push(`Invalid input '${name}': ${show(specOf(name), value)}. Expected ${expected}.`)
  }

  const raw = (name: InputName): string => (env[inputVariable(name)] ?? '').trim()
  for (const spec of INPUTS) {
    const value = raw(spec.name)
    if (spec.secret && value !== '') core.setSecret(value)
  }
  /** The given value, else the literal default, else what the runner would have substituted. */
  const input = (name: InputName): string => {
    const given = raw(name)
    if (given !== '') return given
    const spec = specOf(name)
    if (spec.default !== null && !spec.default.startsWith('${{')) return spec.default
    const fallback = RUNNER_FALLBACKS[name]
    return fallback ? (env[fallback] ?? '').trim() : ''
  }

  const boolean = (name: InputName): boolean => {
    const value = input(name)
    const lower = value.toLowerCase()
    if (lower === 'true') return true
    if (lower !== 'false') invalid(name, value, 'true or false (in any letter case)')
    return false
  }
  const wholeNumber = (name: InputName, min: number, max: number, unit = ''): number => {
    const value = input(name)
    const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN
    if (Number.isInteger(n) && n >= min && n <= max) return n
    invalid(name, value, `a whole number${unit} from ${min} to ${max}`)
    return min
  }
  const oneOf = <T extends string>(name: InputName, allowed: readonly T[]): T => {
    const value = input(name)
    const found = allowed.find(a => a === value.toLowerCase())
    if (found !== undefined) return found
    invalid(name, value, `one of: ${allowed.join(', ')}`)
    return allowed[0]!
  }
  const sha = (name: InputName): string | null => {
    const value = input(name)
    if (value === '') return null
    if (SHA.test(value)) return value.toLowerCase()
    invalid(name, value, 'a full 40-character hexadecimal commit SHA')
    return null
  }
  const branch = (name: InputName): string | null => {
    const value = input(name).replace(/^refs\/heads\//, '')
    if (value === '') return null
    const problem = refNameProblem(value)
    if (problem === null) return value
    invalid(name, value, `a branch name git accepts (this one ${problem})`)
    return null
  }
  const projectKeys = (name: InputName): string[] => {
    const keys = unique(splitList(input(name)).map(k => k.toUpperCase()))
    const bad = keys.filter(k => !PROJECT_KEY.test(k))
    if (bad.length > 0) {
      invalid(
        name,
        bad.join(', '),
        'Jira project keys such as PAY or OPS_2 (a letter, then letters, digits or _)'
      )
    }
    return keys.filter(k => PROJECT_KEY.test(k))
  }
  const noControl = (name: InputName, value: string, expected: string): string => {
    if (CONTROL.test(value)) invalid(name, value, expected)
    return value
  }
  const token = (name: InputName): string => {
    const value = input(name)
    if (/\s/.test(value) || CONTROL.test(value)) invalid(name, value, 'a token without spaces or line breaks')
    return value
  }
  /** http(s) URL; `http:` only to loopback when `httpLoopbackOnly`. Credentials inside URLs are refused. */
  const httpUrl = (name: InputName, value: string, httpLoopbackOnly: boolean, what: string): URL | null => {
    const url = tryUrl(value)
    const expected = httpLoopbackOnly
      ? `${what}: an https:// URL (http:// only for 127.0.0.1, ::1 or localhost)`
      : `${what}: an http:// or https:// URL`
    if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      invalid(name, value, expected)
      return null
    }
    if (url.username !== '' || url.password !== '') {
      problems.push(
        `Invalid input '${name}': the value given contains a user name or password. Expected ${expected} ` +
          'without credentials (they go in their own inputs, which are masked).'
      )
      return null
    }
    if (url.protocol === 'http:' && httpLoopbackOnly && !isLoopback(url)) {
      invalid(name, value, expected)
      return null
    }
    return url
  }

  // Runner variables.
  const runner = (
    variable: string,
    expected: string,
    test: (v: string) => boolean,
    fallback?: string
  ): string => {
    const value = (env[variable] ?? '').trim() || (fallback ?? '')
    if (value === '') problems.push(`Missing runner variable ${variable}. Expected ${expected}.`)
    else if (!test(value)) {
      problems.push(
        `Invalid runner variable ${variable}: ${JSON.stringify(value.slice(0, MAX_SHOWN_VALUE))}. Expected ${expected}.`
      )
    }
    return value
  }
  const isHttpUrl = (v: string): boolean => /^https?:$/.test(tryUrl(v)?.protocol ?? '')
  const trimUrl = (v: string): string => (isHttpUrl(v) ? baseUrl(new URL(v)) : v)
  const repository = runner('GITHUB_REPOSITORY', 'owner/name, as the runner sets it', v => REPOSITORY.test(v))
  const serverUrl = trimUrl(
    runner('GITHUB_SERVER_URL', 'an http(s) URL such as https://github.com', isHttpUrl, 'https://github.com')
  )
  const apiUrl = trimUrl(
    runner(
      'GITHUB_API_URL',
      'an http(s) URL such as https://api.github.com',
      isHttpUrl,
      'https://api.github.com'
    )
  )
  const context: RunContext = {
    repository,
    owner: repository.split('/')[0] ?? '',
    repo: repository.split('/')[1] ?? '',
    actor: runner('GITHUB_ACTOR', 'the login of the user who started the run', v => !CONTROL.test(v)),
    runId: runner('GITHUB_RUN_ID', 'the run id, a whole number', v => /^\d+$/.test(v)),
    runAttempt: runner('GITHUB_RUN_ATTEMPT', 'the run attempt, a whole number', v => /^\d+$/.test(v), '1'),
    workflow: runner('GITHUB_WORKFLOW', 'the name of the workflow', v => !CONTROL.test(v)),
    serverUrl,
    apiUrl,
    graphqlUrl: trimUrl(
      runner(
        'GITHUB_GRAPHQL_URL',
        'an http(s) URL such as https://api.github.com/graphql',
        isHttpUrl,
        // github.com: ${api}/graphql; GitHub Enterprise Server: /api/v3 for REST, /api/graphql for GraphQL.
        apiUrl.replace(/\/api\/v3$/, '/api') + '/graphql'
      )
    ),
    runnerTemp: runner('RUNNER_TEMP', 'a folder for temporary files', v => !CONTROL.test(v), tmpdir())
  }

  // What is deployed, and where.
  const githubToken = token('github-token')
  if (githubToken === '') {
    problems.push(
      "Missing input 'github-token'. Expected a GitHub token (the default ${{ github.token }} is only filled in by the runner)."
    )
  }
  const environment = input('environment')
  if (environment === '') {
    problems.push(
      "Missing input 'environment'. Expected the name of the environment being deployed to, e.g. production."
    )
  } else if (CONTROL.test(environment) || environment.length > 255) {
    invalid(
      'environment',
      environment,
      'an environment name of at most 255 characters without control characters'
    )
  } else if (Buffer.byteLength(`${encodeURIComponent(environment)}${LEDGER_FILE_SUFFIX}`) > 255) {
    // The ledger is ledger/<percent-encoded name>.jsonl (SPEC §5), locked as <file>.lock by the file store,
    // and checked out by auditors: a name a file system cannot hold would block every deploy of it.
    invalid(
      'environment',
      environment,
      `an environment name whose percent-encoded form fits a file name (at most ${255 - LEDGER_FILE_SUFFIX.length} ` +
        `bytes; this one is ${Buffer.byteLength(encodeURIComponent(environment))})`
    )
  }
  const deployedSha = sha('sha')
  if (input('sha') === '') {
    problems.push(
      "Missing input 'sha'. Expected the 40-character SHA of the commit being deployed (default ${{ github.sha }})."
    )
  }

  // Policy.
  const requiredChecks = splitCheckNames(input('required-checks'))
  for (const name of requiredChecks)
    noControl('required-checks', name, 'check names without control characters')
  const ticketSource = oneOf('ticket-source', TICKET_SOURCES)
  const statuses = splitList(input('ticket-approved-statuses'))
  if (statuses.length === 0) {
    invalid(
      'ticket-approved-statuses',
      input('ticket-approved-statuses'),
      'one or more comma-separated Jira status names'
    )
  }
  for (const s of statuses)
    noControl('ticket-approved-statuses', s, 'status names without control characters')
  const jiraProjects = projectKeys('jira-projects')
  const policy: Policy = Object.freeze({
    requiredApprovals: wholeNumber('required-approvals', 1, MAX_REQUIRED_APPROVALS),
    requiredChecks: Object.freeze(requiredChecks),
    allowBotApprovals: boolean('allow-bot-approvals'),
    rubberStampSeconds: wholeNumber('rubber-stamp-seconds', 0, MAX_RUBBER_STAMP_SECONDS, ' of seconds'),
    ticketSource,
    jiraProjects: Object.freeze(jiraProjects),
    ticketApprovedStatuses: Object.freeze(statuses)
  })

  // Emergency and its follow-up.
  const retrospective = oneOf('retrospective', RETROSPECTIVES)
  const retrospectiveProjectGiven = projectKeys('retrospective-jira-project')
  if (retrospectiveProjectGiven.length > 1) {
    invalid('retrospective-jira-project', input('retrospective-jira-project'), 'one Jira project key')
  }
  const retrospectiveJiraProject = retrospectiveProjectGiven[0] ?? jiraProjects[0] ?? null
  if (retrospective === 'jira' && retrospectiveJiraProject === null && !input('retrospective-jira-project')) {
    problems.push(
      "Missing input 'retrospective-jira-project'. Expected the Jira project in which 'retrospective: jira' " +
        "opens the follow-up, or a project in 'jira-projects'."
    )
  }
  let emergency: EmergencyConfig | null = null
  if (boolean('emergency')) {
    const justification = input('emergency-justification')
    const problem = validateJustification(justification)
    if (problem !== null) {
      invalid(
        'emergency-justification',
        justification,
        `at least 20 characters of real text saying why the deploy cannot wait, with 'emergency: true'; this one ${problem}`
      )
    }
    const approvers = splitList(input('emergency-approvers')).map(a => a.replace(/^@/, ''))
    const bad = approvers.filter(a => !LOGIN.test(a))
    if (bad.length > 0) invalid('emergency-approvers', bad.join(', '), 'comma-separated GitHub logins')
    emergency = Object.freeze({ justification, approvers: Object.freeze(approvers) })
  }

  const jira = readJira(
    input,
    invalid,
    problems,
    httpUrl,
    ticketSource === 'jira' || retrospective === 'jira'
  )

  // Evidence.
  const store = oneOf('evidence-store', EVIDENCE_STORES)
  let evidence: EvidenceConfig
  const dir = input('evidence-dir')
  if (store === 'file') {
    if (dir === '') {
      problems.push(
        "Missing input 'evidence-dir'. Expected the folder of the ledger with 'evidence-store: file'."
      )
    } else noControl('evidence-dir', dir, 'a folder path without control characters')
    evidence = Object.freeze({ store, dir })
  } else {
    if (dir !== '') {
      invalid(
        'evidence-dir',
        dir,
        "no value with 'evidence-store: git' (set 'evidence-store: file' to use a folder)"
      )
    }
    const remoteGiven = input('evidence-remote')
    const remote = remoteGiven === '' ? `${serverUrl}/${repository}.git` : remoteGiven
    if (remoteGiven !== '') checkRemote(remoteGiven, invalid, httpUrl)
    const evidenceToken = input('evidence-token') === '' ? githubToken : token('evidence-token')
    evidence = Object.freeze({
      store,
      branch: branch('evidence-branch') ?? 'deploy-evidence',
      remote,
      token: evidenceToken
    })
  }

  const webhookUrl = input('evidence-webhook')
  const webhookToken = input('evidence-webhook-token')
  let webhook: Config['webhook'] = null
  if (webhookUrl !== '') {
    const url = httpUrl('evidence-webhook', webhookUrl, true, 'where records are POSTed')
    if (webhookToken !== '') token('evidence-webhook-token')
    if (url) webhook = Object.freeze({ url: url.href, token: webhookToken === '' ? null : webhookToken })
  } else if (webhookToken !== '') {
    problems.push(
      "Invalid input 'evidence-webhook-token': set without 'evidence-webhook'. Expected it only with a webhook URL."
    )
  }

  const config: Config = {
    githubToken,
    environment,
    sha: deployedSha ?? '',
    deployBranch: branch('deploy-branch'),
    sinceSha: sha('since-sha'),
    policy,
    jira,
    mode: oneOf('mode', MODES),
    emergency,
    retrospective,
    retrospectiveJiraProject,
    evidence,
    uploadArtifact: boolean('upload-artifact'),
    webhook,
    context: Object.freeze(context)
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'))
  return Object.freeze(config)
}

type Invalid = (name: InputName, value: string, expected: string) => void
type HttpUrl = (name: InputName, value: string, httpLoopbackOnly: boolean, what: string) => URL | null

/**
 * Jira Cloud (email + API token, basic auth) or Data Center (PAT, Bearer): exactly one of them when Jira
 * is used. A half-set or doubly-set pair is an error even when Jira is not used: it is a mistake either way.
 */
function readJira(
  input: (name: InputName) => string,
  invalid: Invalid,
  problems: string[],
  httpUrl: HttpUrl,
  needed: boolean
): JiraConfig | null {
  const base = input('jira-base-url')
  const email = input('jira-email')
  const apiToken = input('jira-api-token')
  const pat = input('jira-pat')
  const why = "with 'ticket-source: jira' or 'retrospective: jira'"

  const url = base === '' ? null : httpUrl('jira-base-url', base, false, 'the Jira site')
  if (url && (url.search !== '' || url.hash !== '')) {
    invalid('jira-base-url', base, 'the Jira site: an http:// or https:// URL without query or fragment')
  }
  // jira.js accepts only an address whose domain has a dot; checked here so that it fails before any request.
  if (email !== '' && (/\s/.test(email) || !/^[^@]+@[^@.]+(\.[^@.]+)+$/.test(email))) {
    invalid('jira-email', email, 'the e-mail address of the Jira Cloud account')
  }
  for (const name of ['jira-api-token', 'jira-pat'] as const) {
    const value = input(name)
    if (/\s/.test(value)) invalid(name, value, 'a token without spaces or line breaks')
  }

  if (pat !== '' && (email !== '' || apiToken !== '')) {
    problems.push(
      "Conflicting inputs 'jira-pat' and 'jira-email'/'jira-api-token'. Expected either jira-email with " +
        'jira-api-token (Jira Cloud) or jira-pat (Jira Data Center), not both.'
    )
    return null
  }
  if ((email === '') !== (apiToken === '')) {
    const missing = email === '' ? 'jira-email' : 'jira-api-token'
    const other = email === '' ? 'jira-api-token' : 'jira-email'
    problems.push(`Missing input '${missing}'. Expected it together with '${other}' (Jira Cloud basic auth).`)
    return null
  }
  const hasAuth = pat !== '' || email !== ''
  if (!needed && base === '' && !hasAuth) return null
  if (base === '') {
    if (needed)
      problems.push(
        `Missing input 'jira-base-url'. Expected the Jira site, e.g. https://acme.atlassian.net, ${why}.`
      )
    return null
  }
  if (!hasAuth) {
    if (needed) {
      problems.push(
        `Missing Jira credentials. Expected 'jira-email' and 'jira-api-token' (Jira Cloud) or 'jira-pat' ` +
          `(Jira Data Center) ${why}.`
      )
    }
    return null
  }
  if (url === null) return null
  return Object.freeze({
    baseUrl: baseUrl(url),
    auth: Object.freeze(
      pat !== '' ? { kind: 'pat' as const, token: pat } : { kind: 'basic' as const, email, apiToken }
    )
  })
}

/** A git remote the ledger can be pushed to with a token header: https, file://, or a local path. */
function checkRemote(value: string, invalid: Invalid, httpUrl: HttpUrl): void {
  const expected = 'the ledger repository: an https:// URL, a file:// URL or a local path'
  if (value.includes('://')) {
    const url = tryUrl(value)
    if (url?.protocol === 'file:') return
    if (url?.protocol === 'https:' || url?.protocol === 'http:') {
      const checked = httpUrl('evidence-remote', value, true, 'the ledger repository')
      // git repeats the URL in its errors, query included: a `?token=…` would reach the log and the evidence.
      if (checked && (checked.search !== '' || checked.hash !== '')) {
        invalid('evidence-remote', value, `${expected}, without query or fragment`)
      }
      return
    }
    invalid('evidence-remote', value, expected)
  } else if (/^[^/\\]*:/.test(value) || value.startsWith('-') || CONTROL.test(value)) {
    // `git@host:owner/repo.git` is ssh, which the token header cannot authenticate; a leading `-` is an option.
    invalid('evidence-remote', value, expected)
  }
}
