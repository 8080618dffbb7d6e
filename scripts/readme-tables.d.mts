// Types for scripts/readme-tables.mjs, so the TypeScript tests can import it.
export const ROOT: string
export const EXAMPLE_USES: string

export interface ActionEntry {
  name: string
  description: string
  required: boolean
  default: string | null
}

export type YamlNode = string | { [key: string]: YamlNode }

export function parseYamlSubset(text: string): { [key: string]: YamlNode }
export function readActionMetadata(text: string): {
  doc: { [key: string]: YamlNode }
  inputs: ActionEntry[]
  outputs: ActionEntry[]
}
export function renderInputsTable(inputs: readonly ActionEntry[]): string
export function renderOutputsTable(outputs: readonly ActionEntry[]): string
export function publishedExample(workflow: string): string
export function updateReadme(readme: string, actionYml: string, exampleWorkflow?: string): string
export function readRepoFiles(root?: string): { readme: string; actionYml: string; example: string }
