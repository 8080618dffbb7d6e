import * as core from '@actions/core'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Config } from '../src/config.js'
import { ConfigError } from '../src/errors.js'
import { validateJustification } from '../src/gate/emergency.js'
import { INPUTS, inputVariable, readConfig, splitCheckNames } from '../src/inputs.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const OTHER_SHA = 'fedcba9876543210fedcba9876543210fedcba98'
const GOOD_JUSTIFICATION =
  'Payment outage INC-4211: card charges fail since 09:12, hotfix restores the gateway'

const RUNNER: Record<string, string> = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_ACTOR: 'deployer',
  GITHUB_RUN_ID: '1001',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_WORKFLOW: 'deploy',
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_API_URL: 'https://github.example/api/v3',
  GITHUB_GRAPHQL_URL: 'https://github.example/api/graphql',
  RUNNER_TEMP: '/runner/temp'
}

/** The inputs of a valid Jira Cloud setup; each test changes only what it is about. */
const BASE: Record<string, string> = {
  'github-token': 'ghs_githubtoken1',
  environment: 'production',
  sha: SHA,
  'jira-base-url': 'https://acme.atlassian.net',
  'jira-email': 'release-bot@acme.test',
  'jira-api-token': 'jira-api-token-1'
}

type Values = Record<string, string | undefined>

/** An environment as the runner builds it: `INPUT_<NAME>` variables plus runner variables. */
function envOf(inputs: Values = {}, runner: Values = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries({ ...RUNNER, ...runner }))
    if (value !== undefined) env[name] = value
  for (const [name, value] of Object.entries({ ...BASE, ...inputs })) {
    if (value !== undefined) env[inputVariable(name)] = value
  }
  return env
}

function read(inputs: Values = {}, runner: Values = {}): Config {
  return readConfig(envOf(inputs, runner))
}

function problemOf(inputs: Values, runner: Values = {}): string {
  try {
    read(inputs, runner)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).message
  }
  throw new Error('readConfig accepted the inputs')
}

/** Captures what core writes to stdout (`::add-mask::…` commands) and keeps it out of the test log. */
function captureStdout(): () => string {
  const chunks: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())
    return true
  })
  return () => chunks.join('')
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('readConfig: defaults', () => {
  it('fills every input that is not given from the schema, and the runner variables', () => {
    captureStdout()
    const config = read(
      {},
      { GITHUB_API_URL: undefined, GITHUB_GRAPHQL_URL: undefined, GITHUB_SERVER_URL: undefined }
    )
    expect(config).toEqual({
      githubToken: 'ghs_githubtoken1',
      environment: 'production',
      sha: SHA,
      deployBranch: null,
      sinceSha: null,
      policy: {
        requiredApprovals: 1,
        requiredChecks: [],
        allowBotApprovals: false,
        rubberStampSeconds: 60,
        ticketSource: 'jira',
        jiraProjects: [],
        ticketApprovedStatuses: ['Approved']
      },
      jira: {
        baseUrl: 'https://acme.atlassian.net',
        auth: { kind: 'basic', email: 'release-bot@acme.test', apiToken: 'jira-api-token-1' }
      },
      mode: 'enforce',
      emergency: null,
      retrospective: 'github-issue',
      retrospectiveJiraProject: null,
      evidence: {
        store: 'git',
        branch: 'deploy-evidence',
        remote: 'https://github.com/acme/shop.git',
        token: 'ghs_githubtoken1'
      },
      uploadArtifact: true,
      webhook: null,
      context: {
        repository: 'acme/shop',
        owner: 'acme',
        repo: 'shop',
        actor: 'deployer',
        runId: '1001',
        runAttempt: '2',
        workflow: 'deploy',
        serverUrl: 'https://github.com',
        apiUrl: 'https://api.github.com',
        graphqlUrl: 'https://api.github.com/graphql',
        runnerTemp: '/runner/temp'
      }
    } satisfies Config)
  })

  it('applies each literal default of the schema when its input is absent or blank', () => {
    captureStdout()
    const blank = read(Object.fromEntries(INPUTS.filter(i => !(i.name in BASE)).map(i => [i.name, '   '])))
    expect(blank).toEqual(read())
  })

  it('takes the runner variables that stand in for ${{ }} defaults and falls back for the optional ones', () => {
    captureStdout()
    const config = read(
      { sha: undefined },
      {
        GITHUB_SHA: SHA.toUpperCase(),
        GITHUB_RUN_ATTEMPT: undefined,
        RUNNER_TEMP: undefined,
        GITHUB_API_URL: 'http://127.0.0.1:3000/'
      }
    )
    expect(config.sha).toBe(SHA)
    expect(config.context.runAttempt).toBe('1')
    expect(config.context.runnerTemp).toBe(tmpdir())
    expect(config.context.apiUrl).toBe('http://127.0.0.1:3000')
    // GHES answers GraphQL at /api/graphql: the runner's GITHUB_GRAPHQL_URL wins over `${api}/graphql`.
    expect(config.context.graphqlUrl).toBe('https://github.example/api/graphql')
    expect(
      read({}, { GITHUB_GRAPHQL_URL: undefined, GITHUB_API_URL: 'http://127.0.0.1:3000' }).context.graphqlUrl
    ).toBe('http://127.0.0.1:3000/graphql')
    expect(
      read({}, { GITHUB_GRAPHQL_URL: undefined, GITHUB_API_URL: 'https://ghes.example/api/v3' }).context
        .graphqlUrl
    ).toBe('https://ghes.example/api/graphql')
  })

  it('returns a deeply frozen config', () => {
    captureStdout()
    const config = read({
      'required-checks': 'build',
      emergency: 'true',
      'emergency-justification': GOOD_JUSTIFICATION
    })
    for (const part of [
      config,
      config.policy,
      config.policy.requiredChecks,
      config.jira,
      config.jira?.auth
    ]) {
      expect(Object.isFrozen(part)).toBe(true)
    }
    for (const part of [config.evidence, config.context, config.emergency, config.emergency?.approvers]) {
      expect(Object.isFrozen(part)).toBe(true)
    }
  })
})

describe('readConfig: accepted values', () => {
  const cases: Array<[string, Values, (c: Config) => unknown, unknown]> = [
    ['required-approvals at its minimum', { 'required-approvals': '1' }, c => c.policy.requiredApprovals, 1],
    [
      'required-approvals at its maximum',
      { 'required-approvals': '10' },
      c => c.policy.requiredApprovals,
      10
    ],
    [
      'rubber-stamp-seconds 0 (warning off)',
      { 'rubber-stamp-seconds': '0' },
      c => c.policy.rubberStampSeconds,
      0
    ],
    [
      'rubber-stamp-seconds 86400',
      { 'rubber-stamp-seconds': '86400' },
      c => c.policy.rubberStampSeconds,
      86400
    ],
    ['allow-bot-approvals TRUE', { 'allow-bot-approvals': 'TRUE' }, c => c.policy.allowBotApprovals, true],
    ['allow-bot-approvals False', { 'allow-bot-approvals': 'False' }, c => c.policy.allowBotApprovals, false],
    ['upload-artifact false', { 'upload-artifact': 'false' }, c => c.uploadArtifact, false],
    [
      'ticket-source github-issues',
      { 'ticket-source': 'github-issues' },
      c => c.policy.ticketSource,
      'github-issues'
    ],
    ['ticket-source in capitals', { 'ticket-source': 'JIRA' }, c => c.policy.ticketSource, 'jira'],
    [
      'ticket-source none without any Jira input',
      {
        'ticket-source': 'none',
        'jira-base-url': undefined,
        'jira-email': undefined,
        'jira-api-token': undefined
      },
      c => [c.policy.ticketSource, c.jira],
      ['none', null]
    ],
    ['mode report', { mode: 'report' }, c => c.mode, 'report'],
    ['sha in capitals', { sha: SHA.toUpperCase() }, c => c.sha, SHA],
    ['since-sha', { 'since-sha': OTHER_SHA }, c => c.sinceSha, OTHER_SHA],
    ['deploy-branch', { 'deploy-branch': 'release/2024.06' }, c => c.deployBranch, 'release/2024.06'],
    ['deploy-branch as a full ref', { 'deploy-branch': 'refs/heads/main' }, c => c.deployBranch, 'main'],
    ['environment with a space', { environment: 'staging eu' }, c => c.environment, 'staging eu'],
    [
      'required-checks with a matrix job name',
      { 'required-checks': 'build, test (ubuntu-latest, 22), lint' },
      c => c.policy.requiredChecks,
      ['build', 'test (ubuntu-latest, 22)', 'lint']
    ],
    [
      'required-checks one per line, duplicates dropped',
      { 'required-checks': 'build\n  e2e / chrome\nbuild\n' },
      c => c.policy.requiredChecks,
      ['build', 'e2e / chrome']
    ],
    [
      'jira-projects upper-cased',
      { 'jira-projects': 'pay, Ops,PAY, DATA_2' },
      c => c.policy.jiraProjects,
      ['PAY', 'OPS', 'DATA_2']
    ],
    [
      'ticket-approved-statuses',
      { 'ticket-approved-statuses': 'Approved, Ready for Release' },
      c => c.policy.ticketApprovedStatuses,
      ['Approved', 'Ready for Release']
    ],
    [
      'jira-pat for Data Center',
      {
        'jira-email': undefined,
        'jira-api-token': undefined,
        'jira-pat': 'dc-pat-1',
        'jira-base-url': 'http://jira.intra/jira/'
      },
      c => c.jira,
      { baseUrl: 'http://jira.intra/jira', auth: { kind: 'pat', token: 'dc-pat-1' } }
    ],
    [
      'retrospective jira in the first of jira-projects',
      { retrospective: 'jira', 'jira-projects': 'PAY,OPS' },
      c => [c.retrospective, c.retrospectiveJiraProject],
      ['jira', 'PAY']
    ],
    [
      'retrospective-jira-project given',
      { retrospective: 'jira', 'jira-projects': 'PAY', 'retrospective-jira-project': 'ops' },
      c => c.retrospectiveJiraProject,
      'OPS'
    ],
    [
      'emergency with a justification and approvers',
      {
        emergency: 'true',
        'emergency-justification': GOOD_JUSTIFICATION,
        'emergency-approvers': '@alice, bob,dependabot[bot]'
      },
      c => c.emergency,
      { justification: GOOD_JUSTIFICATION, approvers: ['alice', 'bob', 'dependabot[bot]'] }
    ],
    [
      'emergency false ignores a justification',
      { emergency: 'false', 'emergency-justification': 'n/a' },
      c => c.emergency,
      null
    ],
    [
      'evidence-store file',
      { 'evidence-store': 'file', 'evidence-dir': '/srv/evidence' },
      c => c.evidence,
      { store: 'file', dir: '/srv/evidence' }
    ],
    [
      'evidence-remote of a central repository with its own token',
      {
        'evidence-remote': 'https://github.example/acme/evidence.git',
        'evidence-token': 'ghp_evidence1',
        'evidence-branch': 'ledger'
      },
      c => c.evidence,
      {
        store: 'git',
        branch: 'ledger',
        remote: 'https://github.example/acme/evidence.git',
        token: 'ghp_evidence1'
      }
    ],
    [
      'evidence-remote as file://',
      { 'evidence-remote': 'file:///srv/ledger.git' },
      c => c.evidence,
      expect.objectContaining({ remote: 'file:///srv/ledger.git' })
    ],
    [
      'evidence-remote as a path',
      { 'evidence-remote': '/srv/ledger.git' },
      c => c.evidence,
      expect.objectContaining({ remote: '/srv/ledger.git' })
    ],
    [
      'evidence-remote over http to loopback',
      { 'evidence-remote': 'http://127.0.0.1:8080/ledger.git' },
      c => c.evidence,
      expect.objectContaining({ remote: 'http://127.0.0.1:8080/ledger.git' })
    ],
    [
      'evidence-webhook https with a token',
      {
        'evidence-webhook': 'https://siem.acme.test/collect?source=deploys',
        'evidence-webhook-token': 'hook-token-1'
      },
      c => c.webhook,
      { url: 'https://siem.acme.test/collect?source=deploys', token: 'hook-token-1' }
    ],
    [
      'evidence-webhook http to 127.0.0.1',
      { 'evidence-webhook': 'http://127.0.0.1:9000/hook' },
      c => c.webhook?.url,
      'http://127.0.0.1:9000/hook'
    ],
    [
      'evidence-webhook http to 127.8.9.10',
      { 'evidence-webhook': 'http://127.8.9.10/hook' },
      c => c.webhook?.url,
      'http://127.8.9.10/hook'
    ],
    [
      'evidence-webhook http to ::1',
      { 'evidence-webhook': 'http://[::1]:9000/hook' },
      c => c.webhook?.url,
      'http://[::1]:9000/hook'
    ],
    [
      'evidence-webhook http to localhost',
      { 'evidence-webhook': 'http://localhost:9000/' },
      c => c.webhook,
      { url: 'http://localhost:9000/', token: null }
    ]
  ]
  it.each(cases)('%s', (_name, inputs, pick, expected) => {
    captureStdout()
    expect(pick(read(inputs))).toEqual(expected)
  })
})

describe('readConfig: rejected values name the input, the value and what is accepted', () => {
  const justification = (text: string): string =>
    `Invalid input 'emergency-justification': ${JSON.stringify(text)}. Expected at least 20 characters of real text ` +
    `saying why the deploy cannot wait, with 'emergency: true'; this one ${validateJustification(text)}.`
  const cases: Array<[string, Values, Values, string]> = [
    [
      'a word for a number',
      { 'required-approvals': 'two' },
      {},
      `Invalid input 'required-approvals': "two". Expected a whole number from 1 to 10.`
    ],
    [
      'zero approvals',
      { 'required-approvals': '0' },
      {},
      `Invalid input 'required-approvals': "0". Expected a whole number from 1 to 10.`
    ],
    [
      'too many approvals',
      { 'required-approvals': '11' },
      {},
      `Invalid input 'required-approvals': "11". Expected a whole number from 1 to 10.`
    ],
    [
      'a fraction',
      { 'required-approvals': '1.5' },
      {},
      `Invalid input 'required-approvals': "1.5". Expected a whole number from 1 to 10.`
    ],
    [
      'negative seconds',
      { 'rubber-stamp-seconds': '-5' },
      {},
      `Invalid input 'rubber-stamp-seconds': "-5". Expected a whole number of seconds from 0 to 86400.`
    ],
    [
      'seconds with a unit',
      { 'rubber-stamp-seconds': '60s' },
      {},
      `Invalid input 'rubber-stamp-seconds': "60s". Expected a whole number of seconds from 0 to 86400.`
    ],
    [
      'yes for a boolean',
      { 'allow-bot-approvals': 'yes' },
      {},
      `Invalid input 'allow-bot-approvals': "yes". Expected true or false (in any letter case).`
    ],
    [
      '1 for a boolean',
      { 'upload-artifact': '1' },
      {},
      `Invalid input 'upload-artifact': "1". Expected true or false (in any letter case).`
    ],
    [
      'on for emergency',
      { emergency: 'on' },
      {},
      `Invalid input 'emergency': "on". Expected true or false (in any letter case).`
    ],
    [
      'unknown ticket source',
      { 'ticket-source': 'linear' },
      {},
      `Invalid input 'ticket-source': "linear". Expected one of: jira, github-issues, none.`
    ],
    [
      'unknown mode',
      { mode: 'audit' },
      {},
      `Invalid input 'mode': "audit". Expected one of: enforce, report.`
    ],
    [
      'unknown retrospective',
      { retrospective: 'slack' },
      {},
      `Invalid input 'retrospective': "slack". Expected one of: github-issue, jira, none.`
    ],
    [
      'unknown store type',
      { 'evidence-store': 's3' },
      {},
      `Invalid input 'evidence-store': "s3". Expected one of: git, file.`
    ],
    [
      'a short sha',
      { sha: 'abc1234' },
      {},
      `Invalid input 'sha': "abc1234". Expected a full 40-character hexadecimal commit SHA.`
    ],
    [
      'a ref for since-sha',
      { 'since-sha': 'HEAD~3' },
      {},
      `Invalid input 'since-sha': "HEAD~3". Expected a full 40-character hexadecimal commit SHA.`
    ],
    [
      'no sha at all outside the runner',
      { sha: undefined },
      {},
      "Missing input 'sha'. Expected the 40-character SHA of the commit being deployed (default ${{ github.sha }})."
    ],
    [
      'no environment',
      { environment: ' ' },
      {},
      "Missing input 'environment'. Expected the name of the environment being deployed to, e.g. production."
    ],
    [
      'an environment with a control character',
      { environment: 'prod\u0007uction' },
      {},
      `Invalid input 'environment': "prod\\u0007uction". Expected an environment name of at most 255 characters without control characters.`
    ],
    [
      'an environment too long to be a name',
      { environment: 'e'.repeat(256) },
      {},
      `Invalid input 'environment': "${'e'.repeat(120)}…". Expected an environment name of at most 255 characters without control characters.`
    ],
    [
      'a branch that would be a git option',
      { 'deploy-branch': '-main' },
      {},
      `Invalid input 'deploy-branch': "-main". Expected a branch name git accepts (this one starts with -).`
    ],
    [
      'a branch with a space',
      { 'deploy-branch': 'my branch' },
      {},
      `Invalid input 'deploy-branch': "my branch". Expected a branch name git accepts (this one contains a character git does not allow).`
    ],
    [
      'a ledger branch with ..',
      { 'evidence-branch': 'evidence..x' },
      {},
      `Invalid input 'evidence-branch': "evidence..x". Expected a branch name git accepts (this one contains .., @{ or is @).`
    ],
    [
      'a ledger branch ending in .lock',
      { 'evidence-branch': 'ledger.lock' },
      {},
      `Invalid input 'evidence-branch': "ledger.lock". Expected a branch name git accepts (this one has a component starting with . or ending with .lock).`
    ],
    [
      'a Jira URL without scheme',
      { 'jira-base-url': 'acme.atlassian.net' },
      {},
      `Invalid input 'jira-base-url': "acme.atlassian.net". Expected the Jira site: an http:// or https:// URL.`
    ],
    [
      'a Jira URL of another scheme',
      { 'jira-base-url': 'ftp://acme.atlassian.net' },
      {},
      `Invalid input 'jira-base-url': "ftp://acme.atlassian.net". Expected the Jira site: an http:// or https:// URL.`
    ],
    [
      'a Jira URL with a query',
      { 'jira-base-url': 'https://acme.atlassian.net/?x=1' },
      {},
      `Invalid input 'jira-base-url': "https://acme.atlassian.net/?***". Expected the Jira site: an http:// or https:// URL without query or fragment.`
    ],
    [
      'both Jira auth methods',
      { 'jira-pat': 'dc-pat-1' },
      {},
      "Conflicting inputs 'jira-pat' and 'jira-email'/'jira-api-token'. Expected either jira-email with jira-api-token " +
        '(Jira Cloud) or jira-pat (Jira Data Center), not both.'
    ],
    [
      'no Jira credentials with ticket-source jira',
      { 'jira-email': undefined, 'jira-api-token': undefined },
      {},
      "Missing Jira credentials. Expected 'jira-email' and 'jira-api-token' (Jira Cloud) or 'jira-pat' (Jira Data Center) " +
        "with 'ticket-source: jira' or 'retrospective: jira'."
    ],
    [
      'no Jira URL with ticket-source jira',
      { 'jira-base-url': undefined },
      {},
      "Missing input 'jira-base-url'. Expected the Jira site, e.g. https://acme.atlassian.net, with 'ticket-source: jira' or 'retrospective: jira'."
    ],
    [
      'an e-mail without its token',
      { 'jira-api-token': undefined },
      {},
      "Missing input 'jira-api-token'. Expected it together with 'jira-email' (Jira Cloud basic auth)."
    ],
    [
      'a token without its e-mail',
      { 'jira-email': undefined },
      {},
      "Missing input 'jira-email'. Expected it together with 'jira-api-token' (Jira Cloud basic auth)."
    ],
    [
      'an e-mail that is not one',
      { 'jira-email': 'release bot' },
      {},
      `Invalid input 'jira-email': "release bot". Expected the e-mail address of the Jira Cloud account.`
    ],
    [
      'an e-mail whose domain has no dot (jira.js refuses it)',
      { 'jira-email': 'release@localhost' },
      {},
      `Invalid input 'jira-email': "release@localhost". Expected the e-mail address of the Jira Cloud account.`
    ],
    [
      'a malformed project key',
      { 'jira-projects': 'PAY, 1AB,cve-2024' },
      {},
      `Invalid input 'jira-projects': "1AB, CVE-2024". Expected Jira project keys such as PAY or OPS_2 (a letter, then letters, digits or _).`
    ],
    [
      'two retrospective projects',
      { retrospective: 'jira', 'retrospective-jira-project': 'PAY,OPS' },
      {},
      `Invalid input 'retrospective-jira-project': "PAY,OPS". Expected one Jira project key.`
    ],
    [
      'retrospective jira without a project',
      { retrospective: 'jira', 'ticket-source': 'none' },
      {},
      "Missing input 'retrospective-jira-project'. Expected the Jira project in which 'retrospective: jira' opens the " +
        "follow-up, or a project in 'jira-projects'."
    ],
    [
      'retrospective jira without Jira at all',
      {
        retrospective: 'jira',
        'retrospective-jira-project': 'OPS',
        'ticket-source': 'github-issues',
        'jira-base-url': undefined,
        'jira-email': undefined,
        'jira-api-token': undefined
      },
      {},
      "Missing input 'jira-base-url'. Expected the Jira site, e.g. https://acme.atlassian.net, with 'ticket-source: jira' or 'retrospective: jira'."
    ],
    ['emergency without a justification', { emergency: 'true' }, {}, justification('')],
    [
      'emergency with a placeholder',
      { emergency: 'TRUE', 'emergency-justification': 'n/a' },
      {},
      justification('n/a')
    ],
    [
      'emergency with a repeated word',
      { emergency: 'true', 'emergency-justification': 'emergency emergency emergency emergency' },
      {},
      justification('emergency emergency emergency emergency')
    ],
    [
      'emergency with repeated characters',
      { emergency: 'true', 'emergency-justification': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
      {},
      justification('aaaaaaaaaaaaaaaaaaaaaaaaaaaa')
    ],
    [
      'emergency-approvers that are not logins',
      {
        emergency: 'true',
        'emergency-justification': GOOD_JUSTIFICATION,
        'emergency-approvers': 'alice, Bob Smith, x@y'
      },
      {},
      `Invalid input 'emergency-approvers': "Bob Smith, x@y". Expected comma-separated GitHub logins.`
    ],
    [
      'the file store without its folder',
      { 'evidence-store': 'file' },
      {},
      "Missing input 'evidence-dir'. Expected the folder of the ledger with 'evidence-store: file'."
    ],
    [
      'a folder with the git store',
      { 'evidence-dir': '/srv/evidence' },
      {},
      `Invalid input 'evidence-dir': "/srv/evidence". Expected no value with 'evidence-store: git' (set 'evidence-store: file' to use a folder).`
    ],
    [
      'an ssh remote',
      { 'evidence-remote': 'git@github.com:acme/evidence.git' },
      {},
      `Invalid input 'evidence-remote': "git@github.com:acme/evidence.git". Expected the ledger repository: an https:// URL, a file:// URL or a local path.`
    ],
    [
      'an ssh:// remote',
      { 'evidence-remote': 'ssh://git@github.com/acme/evidence.git' },
      {},
      `Invalid input 'evidence-remote': "ssh://git@github.com/acme/evidence.git". Expected the ledger repository: an https:// URL, a file:// URL or a local path.`
    ],
    [
      'a remote that is a git option',
      { 'evidence-remote': '--upload-pack=touch /tmp/x' },
      {},
      `Invalid input 'evidence-remote': "--upload-pack=touch /tmp/x". Expected the ledger repository: an https:// URL, a file:// URL or a local path.`
    ],
    [
      'a plain-http remote elsewhere',
      { 'evidence-remote': 'http://git.acme.test/evidence.git' },
      {},
      `Invalid input 'evidence-remote': "http://git.acme.test/evidence.git". Expected the ledger repository: an https:// URL (http:// only for 127.0.0.1, ::1 or localhost).`
    ],
    [
      'a plain-http webhook elsewhere',
      { 'evidence-webhook': 'http://siem.acme.test/hook' },
      {},
      "Invalid input 'evidence-webhook': the value given. Expected where records are POSTed: an https:// URL (http:// only for 127.0.0.1, ::1 or localhost)."
    ],
    [
      'a webhook that is not a URL',
      { 'evidence-webhook': 'siem.acme.test/hook' },
      {},
      "Invalid input 'evidence-webhook': the value given. Expected where records are POSTed: an https:// URL (http:// only for 127.0.0.1, ::1 or localhost)."
    ],
    [
      'a webhook token without a webhook',
      { 'evidence-webhook-token': 'hook-token-1' },
      {},
      "Invalid input 'evidence-webhook-token': set without 'evidence-webhook'. Expected it only with a webhook URL."
    ],
    [
      'no GitHub token outside the runner',
      { 'github-token': undefined },
      {},
      "Missing input 'github-token'. Expected a GitHub token (the default ${{ github.token }} is only filled in by the runner)."
    ],
    [
      'a GitHub token with a line break inside',
      { 'github-token': 'ghs_abc\nInjected: header' },
      {},
      "Invalid input 'github-token': the value given. Expected a token without spaces or line breaks."
    ],
    [
      'no repository variable',
      {},
      { GITHUB_REPOSITORY: undefined },
      'Missing runner variable GITHUB_REPOSITORY. Expected owner/name, as the runner sets it.'
    ],
    [
      'a malformed repository variable',
      {},
      { GITHUB_REPOSITORY: 'acme' },
      'Invalid runner variable GITHUB_REPOSITORY: "acme". Expected owner/name, as the runner sets it.'
    ],
    [
      'no actor',
      {},
      { GITHUB_ACTOR: undefined },
      'Missing runner variable GITHUB_ACTOR. Expected the login of the user who started the run.'
    ],
    [
      'a run id that is no number',
      {},
      { GITHUB_RUN_ID: 'abc' },
      'Invalid runner variable GITHUB_RUN_ID: "abc". Expected the run id, a whole number.'
    ],
    [
      'no workflow',
      {},
      { GITHUB_WORKFLOW: undefined },
      'Missing runner variable GITHUB_WORKFLOW. Expected the name of the workflow.'
    ],
    [
      'an API URL of another scheme',
      {},
      { GITHUB_API_URL: 'ftp://api.example', GITHUB_GRAPHQL_URL: 'https://api.example/graphql' },
      'Invalid runner variable GITHUB_API_URL: "ftp://api.example". Expected an http(s) URL such as https://api.github.com.'
    ]
  ]
  it.each(cases)('%s', (_name, inputs, runner, expected) => {
    captureStdout()
    expect(problemOf(inputs, runner)).toBe(expected)
  })

  it('reports every problem of a run at once, one per line', () => {
    captureStdout()
    const lines = problemOf({ 'required-approvals': 'two', mode: 'audit', 'jira-pat': 'dc-pat-1' }).split(
      '\n'
    )
    expect(lines).toEqual([
      `Invalid input 'required-approvals': "two". Expected a whole number from 1 to 10.`,
      expect.stringMatching(/^Conflicting inputs 'jira-pat' and/),
      `Invalid input 'mode': "audit". Expected one of: enforce, report.`
    ])
  })

  it('refuses an environment whose ledger file name would not fit a file system, and accepts the longest that does', () => {
    captureStdout()
    // ledger/<encodeURIComponent(name)>.jsonl, locked as <file>.lock: at most 255 - 11 bytes for the name.
    expect(read({ environment: 'a'.repeat(244) }).environment).toBe('a'.repeat(244))
    expect(read({ environment: 'é'.repeat(40) }).environment).toBe('é'.repeat(40))
    expect(problemOf({ environment: 'a'.repeat(245) })).toMatch(
      /^Invalid input 'environment': "a{120}…"\. Expected an environment name whose percent-encoded form fits a file name \(at most 244 bytes; this one is 245\)\.$/
    )
    expect(problemOf({ environment: 'é'.repeat(41) })).toMatch(/this one is 246\)/)
  })

  it('rejects a Jira URL carrying credentials without repeating them', () => {
    captureStdout()
    const message = problemOf({ 'jira-base-url': 'https://admin:hunter2secret@acme.atlassian.net' })
    expect(message).toBe(
      "Invalid input 'jira-base-url': the value given contains a user name or password. Expected the Jira site: an " +
        'http:// or https:// URL without credentials (they go in their own inputs, which are masked).'
    )
    expect(message).not.toContain('hunter2secret')
  })

  it('rejects a ledger remote carrying a token without repeating it', () => {
    captureStdout()
    const message = problemOf({
      'evidence-remote': 'https://x-access-token:ghp_leaky123@github.com/acme/evidence.git'
    })
    expect(message).toMatch(
      /^Invalid input 'evidence-remote': the value given contains a user name or password\./
    )
    expect(message).not.toContain('ghp_leaky123')
  })

  it.each([
    [
      'evidence-remote',
      'ssh://git:ghp_leaky456@example.com/acme/evidence.git',
      'ssh://***@example.com/acme/evidence.git'
    ],
    ['evidence-remote', 'ghp_leaky456@example.com:acme/evidence.git', '***@example.com:acme/evidence.git'],
    [
      'evidence-remote',
      'https://example.com/acme/evidence.git?token=ghp_leaky456',
      'https://example.com/acme/evidence.git?***'
    ],
    [
      'evidence-remote',
      'https://example.com/acme/evidence.git#ghp_leaky456',
      'https://example.com/acme/evidence.git#***'
    ],
    ['jira-base-url', 'ftp://admin:ghp_leaky456@jira.example.com', 'ftp://***@jira.example.com'],
    ['jira-base-url', 'https://jira.example.com/?token=ghp_leaky456', 'https://jira.example.com/?***'],
    ['jira-base-url', 'https://jira.example.com/#ghp_leaky456', 'https://jira.example.com/#***']
  ])('refuses %s %s, repeating it without the credential', (name, value, shown) => {
    captureStdout()
    const message = problemOf({ [name]: value })
    expect(message).toMatch(
      new RegExp(
        `^Invalid input '${name}': ${JSON.stringify(shown).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`
      )
    )
    expect(message).not.toContain('ghp_leaky456')
  })

  it('never puts a secret into an error message', () => {
    captureStdout()
    const secrets = {
      'github-token': 'ghs_SECRET one',
      'jira-api-token': 'jira SECRET two',
      'jira-pat': 'pat SECRET three',
      'evidence-token': 'ghp SECRET four',
      'evidence-webhook': 'http://siem.example/SECRET-five',
      'evidence-webhook-token': 'hook SECRET six'
    }
    const message = problemOf(secrets)
    expect(message.split('\n').length).toBeGreaterThanOrEqual(6)
    expect(message).not.toMatch(/SECRET/)
  })
})

describe('readConfig: masking', () => {
  it('masks every secret with core.setSecret before validating anything', () => {
    const output = captureStdout()
    const secrets = {
      'github-token': 'ghs_mask_github',
      'jira-api-token': 'mask_jira_token',
      'evidence-token': 'mask_evidence_token',
      'evidence-webhook': 'https://siem.acme.test/receiver/v1/http/MASKME',
      'evidence-webhook-token': 'mask_webhook_token'
    }
    // An invalid mode: the run stops, but the secrets are masked all the same.
    expect(() => read({ ...secrets, mode: 'nope' })).toThrow(ConfigError)
    const masked = output()
      .split(/\r?\n/)
      .filter(l => l.startsWith('::add-mask::'))
      .map(l => l.slice('::add-mask::'.length))
    expect(masked.sort()).toEqual(Object.values(secrets).sort())

    const pat = captureStdout()
    read({ 'jira-email': undefined, 'jira-api-token': undefined, 'jira-pat': 'mask_jira_pat' })
    expect(pat()).toContain('::add-mask::mask_jira_pat')
  })

  it('does not mask non-secret inputs or empty secrets', () => {
    const output = captureStdout()
    read({ 'jira-pat': '', 'evidence-token': '' })
    const masked = output()
      .split(/\r?\n/)
      .filter(l => l.startsWith('::add-mask::'))
    expect(masked).toEqual(['::add-mask::ghs_githubtoken1', '::add-mask::jira-api-token-1'])
  })
})

describe('readConfig: no network', () => {
  it('is synchronous and opens no connection, even with every service configured', () => {
    captureStdout()
    const connect = vi.spyOn(net.Socket.prototype, 'connect')
    const fetch = vi.spyOn(globalThis, 'fetch')
    const result: unknown = readConfig(
      envOf({
        'evidence-webhook': 'https://siem.acme.test/hook',
        retrospective: 'jira',
        'jira-projects': 'PAY',
        'evidence-remote': 'https://github.example/acme/evidence.git'
      })
    )
    expect(result).not.toBeInstanceOf(Promise)
    expect((result as Config).webhook?.url).toBe('https://siem.acme.test/hook')
    expect(connect).not.toHaveBeenCalled()
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('input names', () => {
  it('are read from the variables core.getInput reads', () => {
    const saved = { ...process.env }
    try {
      for (const { name } of INPUTS) process.env[inputVariable(name)] = ` value of ${name} `
      for (const { name } of INPUTS) expect(core.getInput(name)).toBe(`value of ${name}`)
      expect(inputVariable('github-token')).toBe('INPUT_GITHUB-TOKEN')
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    }
  })

  it('are unique, lower-case and dashed', () => {
    const names = INPUTS.map(i => i.name)
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/)
  })
})

describe('splitCheckNames', () => {
  it.each([
    ['build', ['build']],
    ['build,lint', ['build', 'lint']],
    ['test (ubuntu, 22), test (macos, 22)', ['test (ubuntu, 22)', 'test (macos, 22)']],
    ['a (b (c, d), e), f', ['a (b (c, d), e)', 'f']],
    ['ci / build\nci / test (x, y)', ['ci / build', 'ci / test (x, y)']],
    [' , ,\n', []]
  ])('%j', (value, expected) => {
    expect(splitCheckNames(value)).toEqual(expected)
  })
})
