// Regenerates README.md's inputs and outputs tables (and, where README asks for it, the example deploy
// workflow) from action.yml and .github/workflows/deploy-example.yml, between marker comments:
//   <!-- inputs:start --> … <!-- inputs:end -->, <!-- outputs:start --> … <!-- outputs:end -->,
//   <!-- example:start --> … <!-- example:end --> (optional).
// `node scripts/readme-tables.mjs` rewrites README.md; `--check` only reports drift (exit 1).
//
// action.yml is read by a small strict reader of the YAML subset it uses (nested mappings, plain and
// quoted scalars, folded/literal block scalars, comments): anything else is an error, not a guess.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Where the example workflow is published: README shows it as a user would write it. */
export const EXAMPLE_USES = 'acme/deploy-gate@v1'

function fail(lineNo, message) {
  throw new Error(`action.yml line ${lineNo}: ${message}`)
}

/** Removes a ` # comment` that is not inside quotes. */
function stripComment(text) {
  let quote = null
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++
        else quote = null
      } else if (ch === '\\' && quote === '"') i++
    } else if (ch === "'" || ch === '"') {
      if (i === 0 || /\s/.test(text[i - 1])) quote = ch
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i).trimEnd()
    }
  }
  return text.trimEnd()
}

function parseScalar(text, lineNo) {
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text))
      fail(lineNo, `unterminated or malformed single-quoted scalar: ${text}`)
    return text.slice(1, -1).replace(/''/g, "'")
  }
  if (text.startsWith('"')) {
    try {
      const value = JSON.parse(text)
      if (typeof value === 'string') return value
    } catch {
      // fall through to the error below
    }
    fail(lineNo, `unsupported double-quoted scalar: ${text}`)
  }
  if (/^[[\]{}&*!|>%@`,?-]/.test(text) && !/^-[^\s]/.test(text))
    fail(lineNo, `unsupported YAML construct: ${text}`)
  if (/:\s/.test(text) || text.endsWith(':'))
    fail(lineNo, `a plain scalar may not contain ": " (quote it): ${text}`)
  return text
}

/**
 * Parses the YAML subset action.yml uses into nested plain objects whose leaves are strings.
 * Throws on anything outside that subset (lists, flow collections, anchors, tabs, duplicate keys).
 */
export function parseYamlSubset(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  const root = {}
  const stack = [{ indent: -1, node: root }]
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1
    const line = lines[i]
    if (/^\s*(#.*)?$/.test(line)) continue
    if (/^\t| \t/.test(line.match(/^\s*/)[0])) fail(lineNo, 'tabs are not allowed in indentation')
    if (line.startsWith('---') || line.startsWith('...')) fail(lineNo, 'multiple documents are not supported')
    const indent = line.match(/^ */)[0].length
    const content = stripComment(line.slice(indent))
    const m = /^([A-Za-z0-9_.-]+):(?:\s+(.*))?$/.exec(content)
    if (!m) fail(lineNo, `expected "key: value", got: ${content}`)
    const [, key, rest = ''] = m
    while (stack.length > 1 && indent <= stack[stack.length - 1].indent) stack.pop()
    const parent = stack[stack.length - 1]
    if (typeof parent.node !== 'object') fail(lineNo, 'a scalar cannot have children')
    if (Object.hasOwn(parent.node, key)) fail(lineNo, `duplicate key: ${key}`)
    if (rest === '') {
      const child = {}
      parent.node[key] = child
      stack.push({ indent, node: child })
    } else if (/^[|>][-+]?$/.test(rest)) {
      const block = []
      let blockIndent = null
      while (i + 1 < lines.length) {
        const next = lines[i + 1]
        const nextIndent = next.match(/^ */)[0].length
        if (next.trim() !== '' && nextIndent <= indent) break
        i++
        if (next.trim() === '') {
          block.push('')
          continue
        }
        blockIndent ??= nextIndent
        if (nextIndent < blockIndent) fail(i + 1, 'block scalar lines must keep their indentation')
        block.push(next.slice(blockIndent))
      }
      while (block.length > 0 && block[block.length - 1] === '') block.pop()
      const folded = rest.startsWith('>')
      let value = folded
        ? block.reduce(
            (acc, l, n) =>
              n === 0 ? l : l === '' ? `${acc}\n` : acc.endsWith('\n') ? acc + l : `${acc} ${l}`,
            ''
          )
        : block.join('\n')
      if (!rest.endsWith('-')) value += '\n'
      parent.node[key] = value
    } else {
      parent.node[key] = parseScalar(rest, lineNo)
    }
  }
  return root
}

/** The inputs and outputs of action.yml, in file order, with defaults as written. */
export function readActionMetadata(text) {
  const doc = parseYamlSubset(text)
  const entries = (section, kind) => {
    if (typeof section !== 'object' || section === null)
      throw new Error(`action.yml: ${kind} must be a mapping`)
    return Object.entries(section).map(([name, spec]) => {
      if (typeof spec !== 'object') throw new Error(`action.yml: ${kind} ${name} must be a mapping`)
      const unknown = Object.keys(spec).filter(
        k => !['description', 'required', 'default', 'deprecationMessage', 'value'].includes(k)
      )
      if (unknown.length)
        throw new Error(`action.yml: ${kind} ${name} has unknown keys: ${unknown.join(', ')}`)
      if (typeof spec.description !== 'string' || spec.description.trim() === '') {
        throw new Error(`action.yml: ${kind} ${name} needs a description`)
      }
      if (spec.required !== undefined && spec.required !== 'true' && spec.required !== 'false') {
        throw new Error(`action.yml: ${kind} ${name}: required must be true or false`)
      }
      return {
        name,
        description: spec.description.trim(),
        required: spec.required === 'true',
        default: typeof spec.default === 'string' ? spec.default : null
      }
    })
  }
  return { doc, inputs: entries(doc.inputs, 'input'), outputs: entries(doc.outputs, 'output') }
}

function cell(text) {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')
}

export function renderInputsTable(inputs) {
  const rows = inputs.map(i => {
    const dflt = i.required ? '**required**' : i.default === null ? '' : `\`${cell(i.default)}\``
    return `| \`${i.name}\` | ${dflt} | ${cell(i.description)} |`
  })
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n')
}

export function renderOutputsTable(outputs) {
  return [
    '| output | description |',
    '|---|---|',
    ...outputs.map(o => `| \`${o.name}\` | ${cell(o.description)} |`)
  ].join('\n')
}

function replaceBetween(readme, marker, body, optional = false) {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const a = readme.indexOf(start)
  const b = readme.indexOf(end)
  if (a === -1 && b === -1 && optional) return readme
  if (a === -1 || b === -1 || b < a) throw new Error(`README.md needs ${start} followed by ${end}`)
  return `${readme.slice(0, a + start.length)}\n${body}\n${readme.slice(b)}`
}

/**
 * The example workflow as a user of the published action writes it: `uses: ./` becomes the published
 * action, and what only this repository needs goes (the header comment about it, and the checkout step
 * that `uses: ./` requires, with the comment lines just above it).
 */
export function publishedExample(workflow) {
  const lines = workflow.replace(/\r\n/g, '\n').trimEnd().split('\n')
  while (lines.length > 0 && lines[0].startsWith('#')) lines.shift()
  while (lines.length > 0 && lines[0].trim() === '') lines.shift()
  const at = lines.findIndex(l => /^\s*- uses: actions\/checkout@/.test(l))
  if (at !== -1) {
    const indent = lines[at].match(/^ */)[0].length
    let start = at
    while (start > 0 && /^\s*#/.test(lines[start - 1]) && lines[start - 1].match(/^ */)[0].length === indent)
      start--
    let end = at + 1
    while (end < lines.length && (lines[end].trim() === '' || lines[end].match(/^ */)[0].length > indent))
      end++
    // Keep one blank line between the neighbouring steps.
    while (end > at + 1 && lines[end - 1].trim() === '') end--
    lines.splice(start, end - start + (lines[end]?.trim() === '' ? 1 : 0))
  }
  return lines.join('\n').replace(/uses: \.\/(?=\s|$)/gm, `uses: ${EXAMPLE_USES}`)
}

/** README with its generated sections brought up to date. */
export function updateReadme(readme, actionYml, exampleWorkflow) {
  const { inputs, outputs } = readActionMetadata(actionYml)
  let next = replaceBetween(readme, 'inputs', renderInputsTable(inputs))
  next = replaceBetween(next, 'outputs', renderOutputsTable(outputs))
  if (exampleWorkflow !== undefined) {
    next = replaceBetween(next, 'example', `\`\`\`yaml\n${publishedExample(exampleWorkflow)}\n\`\`\``, true)
  }
  return next
}

export function readRepoFiles(root = ROOT) {
  return {
    readme: readFileSync(join(root, 'README.md'), 'utf8'),
    actionYml: readFileSync(join(root, 'action.yml'), 'utf8'),
    example: readFileSync(join(root, '.github', 'workflows', 'deploy-example.yml'), 'utf8')
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.env.README_TABLES_ROOT ? resolve(process.env.README_TABLES_ROOT) : ROOT
  const { readme, actionYml, example } = readRepoFiles(root)
  const next = updateReadme(readme, actionYml, example)
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error(
        'README.md is out of date with action.yml: run `node scripts/readme-tables.mjs` and commit README.md.'
      )
      process.exit(1)
    }
    console.log('README.md tables match action.yml')
  } else if (next !== readme) {
    writeFileSync(join(root, 'README.md'), next)
    console.log('README.md updated')
  } else {
    console.log('README.md already up to date')
  }
}
