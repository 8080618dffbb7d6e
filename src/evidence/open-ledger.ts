import type { EvidenceConfig } from '../config.js'
import { assertNever } from '../gate/codes.js'
import { createFileStore, type FileStoreDeps } from './file-store.js'
import { createGitStore, type GitStoreDeps } from './git-store.js'
import type { LedgerStore } from './ledger.js'

export type LedgerDeps = GitStoreDeps & FileStoreDeps

/** The evidence store that `evidence-store` names (SPEC §3, §5). */
export function openLedger(
  config: EvidenceConfig,
  identity: { actor: string },
  deps: LedgerDeps = {}
): LedgerStore {
  switch (config.store) {
    case 'git':
      return createGitStore(
        { remote: config.remote, branch: config.branch, token: config.token },
        identity,
        deps
      )
    case 'file':
      return createFileStore({ dir: config.dir }, deps)
    default:
      return assertNever(config)
  }
}
