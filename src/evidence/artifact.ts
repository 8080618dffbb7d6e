import { basename, dirname } from 'node:path'
import { getErrorMessage } from '../errors.js'
import { evidenceName } from './evidence-file.js'

export type ArtifactOutcome =
  | { status: 'uploaded'; name: string; id: number | null; size: number | null }
  | { status: 'skipped'; name: string; message: string }
  | { status: 'failed'; name: string; message: string }

/** The part of @actions/artifact this module uses. */
export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string
  ): Promise<{ id?: number | undefined; size?: number | undefined }>
}

export interface ArtifactDeps {
  env?: NodeJS.ProcessEnv
  /** Loads the uploader; default: @actions/artifact, imported only when an upload really happens. */
  loadUploader?: () => Promise<ArtifactUploader>
}

/**
 * Uploads this run's evidence file as artifact `deploy-evidence-<environment>-<run id>-<attempt>`
 * (SPEC §5). Skipped when the runner's artifact service is absent (no ACTIONS_RUNTIME_TOKEN or
 * ACTIONS_RESULTS_URL: a local run, a stand-in). Never throws: the ledger record is already written,
 * and an upload problem must not turn into a lost deploy; the caller reports the outcome as a notice.
 */
export async function uploadEvidenceArtifact(
  input: { path: string; environment: string; runId: string; runAttempt: string },
  deps: ArtifactDeps = {}
): Promise<ArtifactOutcome> {
  const env = deps.env ?? process.env
  const name = evidenceName(input.environment, input.runId, input.runAttempt)
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return {
      status: 'skipped',
      name,
      message: `artifact ${name} not uploaded: the runner's artifact service is not available here (the evidence file is at ${input.path})`
    }
  }
  try {
    const uploader = await (deps.loadUploader ?? loadActionsArtifact)()
    const result = await uploader.uploadArtifact(name, [input.path], dirname(input.path))
    return { status: 'uploaded', name, id: result.id ?? null, size: result.size ?? null }
  } catch (error) {
    if (error instanceof Error && error.name === 'GHESNotSupportedError') {
      return {
        status: 'skipped',
        name,
        message: `artifact ${name} not uploaded: ${error.message} (the evidence file is at ${input.path})`
      }
    }
    return {
      status: 'failed',
      name,
      message: `artifact ${name} (${basename(input.path)}) could not be uploaded: ${getErrorMessage(error)}; the ledger record is kept`
    }
  }
}

async function loadActionsArtifact(): Promise<ArtifactUploader> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  return new DefaultArtifactClient()
}
