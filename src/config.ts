/**
 * The validated, frozen configuration of one run. Built only by `readConfig()` in inputs.ts; every
 * other module receives it (or a slice of it) as a plain value.
 */

export const TICKET_SOURCES = ['jira', 'github-issues', 'none'] as const
export type TicketSource = (typeof TICKET_SOURCES)[number]

export const MODES = ['enforce', 'report'] as const
export type Mode = (typeof MODES)[number]

export const RETROSPECTIVES = ['github-issue', 'jira', 'none'] as const
export type Retrospective = (typeof RETROSPECTIVES)[number]

export const EVIDENCE_STORES = ['git', 'file'] as const

export type JiraAuth = { kind: 'basic'; email: string; apiToken: string } | { kind: 'pat'; token: string }

export interface JiraConfig {
  baseUrl: string
  auth: JiraAuth
}

export type EvidenceConfig =
  { store: 'git'; branch: string; remote: string; token: string } | { store: 'file'; dir: string }

export interface RunContext {
  /** `owner/name` */
  repository: string
  owner: string
  repo: string
  actor: string
  runId: string
  runAttempt: string
  workflow: string
  /** e.g. https://github.com */
  serverUrl: string
  /** e.g. https://api.github.com */
  apiUrl: string
  /** e.g. https://api.github.com/graphql */
  graphqlUrl: string
  runnerTemp: string
}

export interface Policy {
  requiredApprovals: number
  /** Empty: every present check must succeed, and at least one must exist. */
  requiredChecks: readonly string[]
  allowBotApprovals: boolean
  rubberStampSeconds: number
  ticketSource: TicketSource
  /** Upper-case project keys; empty: any project. */
  jiraProjects: readonly string[]
  ticketApprovedStatuses: readonly string[]
}

export interface EmergencyConfig {
  justification: string
  /** Empty: anyone may invoke the override (with a warning). */
  approvers: readonly string[]
}

export interface Config {
  githubToken: string
  environment: string
  sha: string
  /** null: the repository's default branch, resolved from the API. */
  deployBranch: string | null
  sinceSha: string | null
  policy: Policy
  jira: JiraConfig | null
  mode: Mode
  /** null unless `emergency: true`. */
  emergency: EmergencyConfig | null
  retrospective: Retrospective
  retrospectiveJiraProject: string | null
  evidence: EvidenceConfig
  uploadArtifact: boolean
  webhook: { url: string; token: string | null } | null
  context: RunContext
}
