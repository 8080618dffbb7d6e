#!/usr/bin/env node
import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* reexport safe */ _main_js__WEBPACK_IMPORTED_MODULE_3__.i)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(608);





/** Run only when this file is the program (`deploy-gate …`, `node dist/cli/index.js …`), not when imported. */
function isProgram() {
    const script = process.argv[1];
    if (script === undefined)
        return false;
    try {
        return (0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(script)).href === import.meta.url;
    }
    catch {
        return false;
    }
}
// Worker threads of `verify` load this same file (the bundle is one file): only the main thread runs.
if (node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.isMainThread && isProgram()) {
    process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_3__/* .main */ .i)(process.argv.slice(2));
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 608:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: EXIT

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
// EXTERNAL MODULE: ./node_modules/commander/index.js
var commander = __nccwpck_require__(909);
;// CONCATENATED MODULE: ./node_modules/commander/esm.mjs


// wrapper to provide named exports for ESM.
const {
  /* program */ "DM": program,
  /* createCommand */ "gu": createCommand,
  /* createArgument */ "er": createArgument,
  /* createOption */ "Ww": createOption,
  /* CommanderError */ "b7": CommanderError,
  /* InvalidArgumentError */ "Di": InvalidArgumentError,
  /* InvalidOptionArgumentError */ "a2": InvalidOptionArgumentError, // deprecated old name
  /* Command */ "uB": Command,
  /* Argument */ "ef": Argument,
  /* Option */ "c$": Option,
  /* Help */ "_V": Help,
} = commander;

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
;// CONCATENATED MODULE: ./src/cli/dates.ts

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A time needs a zone: `2024-06-01T10:00` would mean a different instant on every auditor's laptop.
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/**
 * Parses `--since`, `--until` and `--now`: `YYYY-MM-DD` (UTC) or an ISO 8601 time with a zone. A date that
 * does not exist (2024-02-30) is refused, not rolled over. Throws commander's InvalidArgumentError, which
 * commander reports with the option's name.
 */
function parseDateArgument(text) {
    const date = DATE.exec(text);
    const time = date ? null : TIME.exec(text);
    const parts = date ?? time;
    if (!parts) {
        throw new InvalidArgumentError('Expected a date (YYYY-MM-DD, UTC) or an ISO 8601 time with a zone (2024-06-30T17:00:00Z, 2024-06-30T19:00:00+02:00).');
    }
    const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
        throw new InvalidArgumentError(`There is no day ${parts[1]}-${parts[2]}-${parts[3]}.`);
    }
    if (time && (Number(time[4]) > 23 || Number(time[5]) > 59 || Number(time[6] ?? 0) > 59)) {
        throw new InvalidArgumentError('The time of day is out of range.');
    }
    const at = date ? probe.getTime() : Date.parse(text);
    if (Number.isNaN(at))
        throw new InvalidArgumentError('Not a valid time.');
    return { at, wholeDay: date !== null, text };
}
const DAY_MS = 24 * 60 * 60 * 1000;
function toPeriod(since, until) {
    const from = since?.at ?? null;
    const before = until ? (until.wholeDay ? until.at + DAY_MS : until.at + 1) : null;
    return { from, before };
}
function periodBounds(period) {
    return {
        from: period.from === null ? null : new Date(period.from).toISOString(),
        until: period.before === null ? null : new Date(period.before - 1).toISOString()
    };
}
/** `2024-06-01T00:00:00.000Z to the end of the ledger`; `the whole ledger` when open at both ends. */
function periodText(bounds) {
    if (bounds.from === null && bounds.until === null)
        return 'the whole ledger';
    return `${bounds.from ?? 'the start of the ledger'} to ${bounds.until ?? 'the end of the ledger'}`;
}
function inPeriod(period, at) {
    return (period.from === null || at >= period.from) && (period.before === null || at < period.before);
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./node_modules/canonicalize/lib/canonicalize.js
function serializeString (value) {
  if (!value.isWellFormed()) {
    throw new Error('Lone surrogate is not allowed');
  }
  return JSON.stringify(value);
}

function serializePrimitive (value) {
  switch (typeof value) {
    case 'number':
      if (isNaN(value)) {
        throw new Error('NaN is not allowed');
      }
      if (!isFinite(value)) {
        throw new Error('Infinity is not allowed');
      }
      // For finite numbers String(value) would give identical output, but
      // JSON.stringify benchmarks faster on V8.
      return JSON.stringify(value);
    case 'string':
      return serializeString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      // null, or values JSON.stringify maps to undefined (undefined,
      // functions, symbols).
      return JSON.stringify(value);
  }
}

// Resolves a value to either its serialized primitive form (a string — or
// undefined, for values JSON.stringify drops) or a frame describing the
// container to descend into. Callers distinguish the two cases with
// `typeof result !== 'object'`.
//
// toJSON results are unwrapped here, and the wrapper objects stay in `seen`
// until the resolved subtree is fully serialized, so cycles introduced via
// toJSON are still detected.
function enterValue (value, seen) {
  let wrappers = null;
  while (value !== null && typeof value === 'object' && typeof value.toJSON === 'function') {
    if (seen.has(value)) {
      throw new Error('Circular reference detected');
    }
    seen.add(value);
    (wrappers ??= []).push(value);
    value = value.toJSON();
  }

  // Boxed Number/String/Boolean objects serialize as their primitive values,
  // mirroring how JSON.stringify treats them.
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    value = value.valueOf();
  }

  if (value === null || typeof value !== 'object') {
    if (wrappers !== null) {
      for (const wrapper of wrappers) seen.delete(wrapper);
    }
    return serializePrimitive(value);
  }

  if (seen.has(value)) {
    throw new Error('Circular reference detected');
  }
  seen.add(value);

  return {
    container: value,
    // null marks an array frame; object frames carry their sorted keys.
    // `sort()`'s default comparator orders by UTF-16 code unit, which is the
    // order JCS requires.
    keys: Array.isArray(value) ? null : Object.keys(value).sort(),
    // Next child to serialize; the frame resumes here after a nested
    // container's subtree completes.
    index: 0,
    // Whether no member has been emitted yet (controls comma placement).
    first: true,
    // toJSON wrappers to release from `seen` when this frame completes.
    wrappers
  };
}

function canonicalize (object) {
  if (object === null || typeof object !== 'object') {
    return serializePrimitive(object);
  }

  const seen = new Set();
  const root = enterValue(object, seen);
  if (typeof root !== 'object') {
    // A toJSON chain resolved the input to a primitive.
    return root;
  }

  let result = root.keys === null ? '[' : '{';
  const stack = [root];

  // Depth-first serialization with an explicit stack instead of recursion, so
  // nesting depth is bounded by heap size rather than call-stack size. The top
  // frame is the container currently being serialized: primitive children are
  // appended inline, while a nested container pushes a new frame and jumps
  // back to the outer loop. Because frame.index was already advanced, the
  // parent resumes at its next child once the subtree is done. Opening
  // brackets are emitted when a frame is pushed, closing brackets when it
  // completes.
  outer:
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const container = frame.container;

    // keys === null marks an array frame; otherwise keys holds the object's
    // sorted property names. Either way the iteration counter lives on the
    // frame itself (frame.index), so when a frame is resumed after a nested
    // container completes, the while condition continues at the first
    // unserialized child instead of restarting from the beginning.
    if (frame.keys === null) {
      while (frame.index < container.length) {
        const i = frame.index++;
        if (i > 0) {
          result += ',';
        }
        const element = container[i];
        // Inside arrays, JSON.stringify serializes values with no JSON
        // representation (undefined, symbols, functions) as null.
        const value = element === undefined || typeof element === 'symbol' || typeof element === 'function' ? null : element;
        if (value === null || typeof value !== 'object') {
          result += serializePrimitive(value);
          continue;
        }
        const child = enterValue(value, seen);
        if (typeof child !== 'object') {
          // A toJSON chain resolved the child to an already-serialized
          // primitive — or, when child is undefined, to a value with no JSON
          // representation, which becomes null inside arrays.
          result += child === undefined ? 'null' : child;
          continue;
        }
        result += child.keys === null ? '[' : '{';
        stack.push(child);
        continue outer;
      }
      result += ']';
    } else {
      const keys = frame.keys;
      while (frame.index < keys.length) {
        const key = keys[frame.index++];
        const value = container[key];
        // Inside objects, JSON.stringify omits properties whose value has no
        // JSON representation (undefined, symbols, functions).
        if (value === undefined || typeof value === 'symbol' || typeof value === 'function') {
          continue;
        }
        if (value === null || typeof value !== 'object') {
          // Commas are tracked with a flag rather than the key index: a
          // skipped key must not leave a stray comma behind.
          if (frame.first) {
            frame.first = false;
          } else {
            result += ',';
          }
          result += serializeString(key) + ':' + serializePrimitive(value);
          continue;
        }
        // The child must be resolved before the key is emitted: a toJSON
        // returning a value with no JSON representation drops the whole
        // property.
        const child = enterValue(value, seen);
        if (child === undefined) {
          continue;
        }
        if (frame.first) {
          frame.first = false;
        } else {
          result += ',';
        }
        result += serializeString(key) + ':';
        if (typeof child !== 'object') {
          result += child;
          continue;
        }
        result += child.keys === null ? '[' : '{';
        stack.push(child);
        continue outer;
      }
      result += '}';
    }

    // Frame complete. The container leaves `seen` so that a later, sibling
    // reference to the same object is not mistaken for a cycle.
    seen.delete(container);
    if (frame.wrappers !== null) {
      for (const wrapper of frame.wrappers) seen.delete(wrapper);
    }
    stack.pop();
  }

  return result;
}

;// CONCATENATED MODULE: ./src/evidence/hash.ts



/**
 * The record id of SPEC §5: lowercase hex SHA-256 of the RFC 8785 (JCS) canonical JSON of the record
 * without its `id` field. Accepts any parsed JSON object so that records written by other
 * implementations (with extra fields) are hashed exactly as written.
 */
function computeRecordId(record) {
    const { id: _id, ...rest } = record;
    const canonical = canonicalize(rest);
    if (canonical === undefined)
        throw new Error('record cannot be canonicalized');
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(canonical, 'utf8').digest('hex');
}
/** Places a record after `previous` (or first in its chain) and computes its id. */
function chainRecord(record, previous) {
    const prev = previous?.id ?? null;
    const seq = (previous?.seq ?? 0) + 1;
    const id = computeRecordId({ ...record, prev, seq });
    // Field order is for people reading the file; the id does not depend on it (JCS sorts keys).
    const { schema, ...fields } = record;
    return { schema, id, prev, seq, ...fields };
}
/**
 * `computeRecordId` for a value straight from `JSON.parse` (plain objects, arrays, strings, finite
 * numbers, booleans, null): the same id, about twice as fast, because verifying a ledger hashes every
 * record of it. The keys are put in JCS order (UTF-16 code units) by copying each object with sorted keys,
 * and the native JSON.stringify writes the copy; strings and numbers serialize identically under JSON
 * and JCS. What the copy cannot reproduce falls back to `canonicalize`: array-index keys (which V8
 * enumerates first whatever the insertion order), a `__proto__` key, and lone surrogates (which JCS
 * rejects and JSON.stringify escapes as `\udXXX`).
 */
function computeParsedRecordId(record) {
    const sorted = sortedCopy(record, true);
    const canonical = sorted === UNSAFE ? undefined : JSON.stringify(sorted);
    if (canonical === undefined || canonical.includes('\\ud'))
        return computeRecordId(record);
    return sha256Hex(canonical);
}
// `crypto.hash` (Node 20.12+, 21.7+) is the one-shot form, measurably faster over 100k records; namespace
// access keeps older Node 20 releases, which lack it, working.
const oneShot = external_node_crypto_namespaceObject.hash;
function sha256Hex(text) {
    return oneShot ? oneShot('sha256', text, 'hex') : (0,external_node_crypto_namespaceObject.createHash)('sha256').update(text, 'utf8').digest('hex');
}
const UNSAFE = Symbol('unsafe');
/** Sorted key lists by the unsorted list they came from, found by first key (records share shapes). */
const sortedKeysCache = new Map();
function sortedKeys(keys) {
    const first = keys[0];
    if (first === undefined)
        return keys;
    const hit = sortedKeysCache.get(first);
    if (hit !== undefined && hit.keys.length === keys.length && hit.keys.every((key, i) => key === keys[i])) {
        return hit.sorted;
    }
    const sorted = [...keys].sort();
    if (sortedKeysCache.size > 1000)
        sortedKeysCache.clear();
    sortedKeysCache.set(first, { keys, sorted });
    return sorted;
}
function sortedCopy(value, dropId = false) {
    if (value === null || typeof value !== 'object')
        return value;
    if (Array.isArray(value)) {
        const copy = new Array(value.length);
        for (let i = 0; i < value.length; i += 1) {
            const item = sortedCopy(value[i]);
            if (item === UNSAFE)
                return UNSAFE;
            copy[i] = item;
        }
        return copy;
    }
    const object = value;
    const keys = Object.keys(object);
    // V8 lists array-index keys first, in numeric order: if there are any, the first key is one.
    if (keys.length > 0 && isArrayIndex(keys[0]))
        return UNSAFE;
    const copy = {};
    for (const key of sortedKeys(keys)) {
        if (key === '__proto__')
            return UNSAFE;
        if (dropId && key === 'id')
            continue;
        const item = sortedCopy(object[key]);
        if (item === UNSAFE)
            return UNSAFE;
        copy[key] = item;
    }
    return copy;
}
function isArrayIndex(key) {
    const c = key.charCodeAt(0);
    return c >= 48 && c <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

;// CONCATENATED MODULE: ./src/evidence/record.ts
const EVIDENCE_SCHEMA = 'deploy-gate/evidence/v1';

;// CONCATENATED MODULE: ./src/evidence/chain.ts


const REQUIRED_FIELDS = [
    'schema',
    'id',
    'prev',
    'seq',
    'environment',
    'repository',
    'sha',
    'previousSha',
    'range',
    'decision',
    'reasons',
    'warnings',
    'emergency',
    'actor',
    'decidedAt',
    'run',
    'changes',
    'commits'
];
/**
 * Verifies one environment's chain a line at a time, so that a ledger of any length is checked in
 * constant memory. Feed lines in file order with `push`; the first break is returned and kept.
 */
class ChainVerifier {
    last = null;
    lineNo = 0;
    broken = null;
    count = 0;
    environment;
    /**
     * With `environment`, a record of any other environment breaks the chain. With `after`, the lines fed
     * continue a chain whose record `after` comes just before them (a part of a file verified on its own,
     * e.g. by one of several workers; line numbers then count from the first line fed).
     */
    constructor(environment, after = null) {
        this.environment = environment;
        this.last = after;
    }
    get tip() {
        return this.last;
    }
    get firstBreak() {
        return this.broken;
    }
    /** Verifies the next line; returns the parsed record, or null once the chain is broken. */
    push(line) {
        this.lineNo += 1;
        if (this.broken)
            return null;
        const result = this.check(line);
        if ('break' in result) {
            this.broken = result.break;
            return null;
        }
        return result.record;
    }
    check(line) {
        const at = this.lineNo;
        const fail = (field, expected, found, reason) => ({
            break: {
                line: at,
                field,
                expected,
                found,
                reason,
                message: `line ${at}: ${reason} (expected ${expected}, found ${found})`
            }
        });
        let parsed;
        try {
            parsed = JSON.parse(line);
        }
        catch (error) {
            return fail('(line)', 'one JSON object', truncate(line), `not valid JSON: ${error.message}`);
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
            return fail('(line)', 'one JSON object', truncate(line), 'not a JSON object');
        }
        const record = parsed;
        for (const field of REQUIRED_FIELDS) {
            if (!(field in record))
                return fail(field, 'the field to be present', 'nothing', `required field "${field}" is missing`);
        }
        if (record.schema !== EVIDENCE_SCHEMA) {
            return fail('schema', JSON.stringify(EVIDENCE_SCHEMA), JSON.stringify(record.schema), 'unknown schema');
        }
        if (this.environment !== undefined && record.environment !== this.environment) {
            return fail('environment', JSON.stringify(this.environment), JSON.stringify(record.environment), 'record of another environment');
        }
        const expectedSeq = (this.last?.seq ?? 0) + 1;
        if (record.seq !== expectedSeq) {
            return fail('seq', String(expectedSeq), JSON.stringify(record.seq), 'seq does not continue the chain');
        }
        const expectedPrev = this.last?.id ?? null;
        if (record.prev !== expectedPrev) {
            return fail('prev', JSON.stringify(expectedPrev), JSON.stringify(record.prev), 'prev does not link to the previous record');
        }
        let id;
        try {
            id = computeParsedRecordId(record);
        }
        catch (error) {
            // JCS refuses some JSON (a lone surrogate in a string): such a record has no id at all.
            return fail('id', 'a record that has a canonical form', truncate(line), `cannot be hashed: ${error.message}`);
        }
        if (record.id !== id) {
            return fail('id', id, JSON.stringify(record.id), 'id is not the hash of the record (the record was changed)');
        }
        this.last = { id, seq: expectedSeq };
        this.count += 1;
        return { record };
    }
}
function truncate(text) {
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
;// CONCATENATED MODULE: ./src/cli/io.ts
function processIo() {
    // `deploy-gate export … | head`: a reader that stops early is not an error of ours.
    for (const stream of [process.stdout, process.stderr]) {
        stream.on('error', (error) => {
            if (error.code !== 'EPIPE')
                throw error;
        });
    }
    return {
        stdout: text => {
            process.stdout.write(text);
        },
        stderr: text => {
            process.stderr.write(text);
        },
        env: process.env
    };
}
/** A mistake in the command line: the message names the argument. Exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}

;// CONCATENATED MODULE: ./src/cli/ledger-files.ts





/**
 * Lists the chain files under `<root>/ledger/`, sorted by environment. A `.jsonl` file whose name is not
 * exactly `encodeURIComponent` of what it decodes to is stray: two spellings of one environment (`a b`
 * and `a%20b`) would otherwise be two chains for the same environment.
 */
async function listLedger(root, description = root) {
    const dir = (0,external_node_path_.join)(root, 'ledger');
    const info = await (0,promises_namespaceObject.stat)(dir).catch(() => null);
    if (!info?.isDirectory())
        throw new UsageError(`no ledger/ folder in ${description}`);
    const files = [];
    const stray = [];
    for (const entry of await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true })) {
        const name = `ledger/${entry.name}`;
        if (!entry.isFile() || !entry.name.endsWith('.jsonl')) {
            stray.push({ name, problem: entry.isFile() ? 'not a .jsonl file' : 'not a file' });
            continue;
        }
        const encoded = entry.name.slice(0, -'.jsonl'.length);
        let environment;
        try {
            environment = decodeURIComponent(encoded);
        }
        catch {
            stray.push({ name, problem: 'the name is not percent-encoded correctly' });
            continue;
        }
        if (environment === '' || encodeURIComponent(environment) !== encoded) {
            stray.push({ name, problem: `the name is not encodeURIComponent of an environment name` });
            continue;
        }
        files.push({ environment, name, path: (0,external_node_path_.join)(dir, entry.name) });
    }
    files.sort((a, b) => (a.environment < b.environment ? -1 : a.environment > b.environment ? 1 : 0));
    stray.sort((a, b) => (a.name < b.name ? -1 : 1));
    return { files, stray };
}
/** The file of one environment, or a usage error that lists the environments there are. */
function selectEnvironment(listing, environment) {
    if (environment === undefined)
        return listing.files;
    const file = listing.files.find(f => f.environment === environment);
    if (!file) {
        const known = listing.files.map(f => JSON.stringify(f.environment)).join(', ') || 'none';
        throw new UsageError(`--environment: the ledger has no environment ${JSON.stringify(environment)} (it has: ${known})`);
    }
    return [file];
}
/** A line that cannot be a record: not UTF-8 (SPEC §5), or longer than any record can sensibly be. */
class UnreadableLineError extends Error {
    name = 'UnreadableLineError';
    expected;
    found;
    constructor(message, expected, found) {
        super(message);
        this.expected = expected;
        this.found = found;
    }
}
/** Far above any real record (kilobytes), low enough that a file without newlines cannot exhaust memory. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;
/**
 * The lines of a file, one at a time, without holding the file: a ledger of any length is read in constant
 * memory. Splits on `\n` (a `\r` before it is JSON white space); a missing final newline is accepted. A line
 * that cannot be a record throws UnreadableLineError after the lines before it were yielded.
 */
async function* readLines(path, range = null, maxLineBytes = MAX_LINE_BYTES) {
    let carry = null;
    const stream = (0,external_node_fs_.createReadStream)(path, {
        highWaterMark: 1 << 20,
        ...(range ? { start: range.start, end: range.end - 1 } : {})
    });
    for await (const chunk of stream) {
        const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
        let start = 0;
        let newline = bytes.indexOf(10, start);
        while (newline !== -1) {
            yield decodeLine(bytes, start, newline);
            start = newline + 1;
            newline = bytes.indexOf(10, start);
        }
        carry = start < bytes.length ? bytes.subarray(start) : null;
        if (carry && carry.length > maxLineBytes) {
            throw new UnreadableLineError('the line is too long to be a record', `at most ${maxLineBytes} bytes`, `${carry.length} bytes without a newline`);
        }
    }
    if (carry)
        yield decodeLine(carry, 0, carry.length);
}
function decodeLine(bytes, start, end) {
    const text = bytes.toString('utf8', start, end);
    // Invalid bytes decode to U+FFFD; only then is the (rarer) exact check needed.
    if (text.includes('\ufffd') && !(0,external_node_buffer_namespaceObject.isUtf8)(bytes.subarray(start, end)))
        throw new UnreadableLineError('the file is not valid UTF-8', 'UTF-8 text', 'bytes that are not UTF-8');
    return text;
}

;// CONCATENATED MODULE: ./src/gate/codes.ts
/**
 * The reason and warning codes of SPEC §2. They are part of the contract: other tools match on them.
 */
const REASON_CODES = (/* unused pure expression or super */ null && ([
    'no-pull-request',
    'insufficient-approvals',
    'self-approval',
    'stale-approval',
    'approval-after-merge',
    'changes-requested',
    'ci-failed',
    'ci-pending',
    'ci-missing',
    'ticket-missing',
    'ticket-not-found',
    'ticket-not-approved',
    'ticket-approved-after-merge',
    'emergency-not-allowed',
    'upstream-error'
]));
const WARNING_CODES = (/* unused pure expression or super */ null && ([
    'since-sha-ignored',
    'bot-approval-ignored',
    'rubber-stamp-suspected',
    'ledger-unprotected',
    'emergency-approvers-empty',
    'follow-up-not-opened',
    'webhook-failed'
]));
/**
 * The codes of `order` (a contract list: REASON_CODES, WARNING_CODES) that occur in `codes`, once each and in
 * the contract's order, whatever order and repetitions `codes` has. Anything not in `order` is dropped.
 */
function inContractOrder(order, codes) {
    const present = new Set(codes);
    return order.filter(code => present.has(code));
}
const RANGES = ['incremental', 'initial', 'baseline', 'rollback'];
function assertNever(value) {
    throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

;// CONCATENATED MODULE: ./src/cli/record-shape.ts

const leaf = (expected, test) => ({ kind: 'leaf', test, expected });
const object = (fields) => ({ kind: 'object', fields: Object.entries(fields) });
const list = (item) => ({ kind: 'list', item });
const nullable = (inner) => ({ kind: 'nullable', inner });
const oneOf = (values) => leaf(values.map(x => JSON.stringify(x)).join(' or '), v => typeof v === 'string' && values.includes(v));
// With a zone: Jira's `+0000` form is accepted as well as `Z` and `+00:00`.
const ISO_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
const string = leaf('a string', v => typeof v === 'string');
const time = leaf('an ISO 8601 time with a zone', v => typeof v === 'string' && ISO_TIME.test(v));
const stringOrNumber = leaf('a string or a number', v => typeof v === 'string' || typeof v === 'number');
const integer = leaf('an integer', v => Number.isInteger(v));
/** SPEC §5, field by field. Extra fields are allowed anywhere: the ledger may come from another writer. */
const RECORD = object({
    environment: string,
    repository: string,
    sha: string,
    previousSha: nullable(string),
    range: oneOf(RANGES),
    decision: oneOf(['allow', 'block']),
    actor: string,
    decidedAt: time,
    reasons: list(string),
    warnings: list(string),
    emergency: nullable(object({
        actor: string,
        justification: string,
        bypassed: list(string),
        followUp: object({ url: nullable(string), dueAt: time })
    })),
    run: object({ id: stringOrNumber, attempt: stringOrNumber, url: string, workflow: string }),
    changes: list(object({
        number: integer,
        title: string,
        url: string,
        author: string,
        mergedAt: time,
        mergedBy: nullable(string),
        headSha: string,
        approvals: list(object({ login: string, submittedAt: time, commitSha: nullable(string) })),
        checks: list(object({ name: string, conclusion: string, completedAt: nullable(time) })),
        ticket: nullable(object({ key: string, url: string, status: string, approvedAt: nullable(time) }))
    })),
    commits: list(string)
});
/** Null when `value` fits; otherwise where it does not (the path is built only on the way out). */
function mismatch(value, spec) {
    switch (spec.kind) {
        case 'leaf':
            return spec.test(value) ? null : { path: [], expected: spec.expected, value };
        case 'nullable':
            if (value === null)
                return null;
            {
                const found = mismatch(value, spec.inner);
                if (found && found.path.length === 0)
                    found.expected = `${found.expected} or null`;
                return found;
            }
        case 'list': {
            if (!Array.isArray(value))
                return { path: [], expected: 'an array', value };
            for (let i = 0; i < value.length; i += 1) {
                const found = mismatch(value[i], spec.item);
                if (found) {
                    found.path.unshift(i);
                    return found;
                }
            }
            return null;
        }
        case 'object': {
            if (value === null || typeof value !== 'object' || Array.isArray(value)) {
                return { path: [], expected: 'an object', value };
            }
            const record = value;
            for (const [name, inner] of spec.fields) {
                const found = mismatch(record[name], inner);
                if (found) {
                    found.path.unshift(name);
                    return found;
                }
            }
            return null;
        }
    }
}
/**
 * Checks that a record (whose chain is already verified) has the fields SPEC §5 describes, with their
 * types, so that export and findings can read it. Returns the first problem, or null.
 */
function checkRecordShape(record) {
    const found = mismatch(record, RECORD);
    if (!found)
        return null;
    const field = found.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    const text = found.value === undefined ? 'nothing' : JSON.stringify(found.value);
    return { field, expected: found.expected, found: text.length > 60 ? `${text.slice(0, 57)}...` : text };
}
/** Epoch milliseconds of an ISO 8601 time, also in Jira's `+0000` form; NaN when it is not one. */
function parseTime(text) {
    const direct = Date.parse(text);
    if (!Number.isNaN(direct))
        return direct;
    return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}
/**
 * A record's time as the CLI shows it: UTC, `2024-06-03T08:05:00.000Z`. A ledger from another writer may
 * hold `+02:00` or Jira's `+0000`; shown as written, such times would read as UTC in a column headed UTC and
 * would not sort as text. Text that is not a time is returned as it is.
 */
function utcTime(text) {
    const ms = parseTime(text);
    return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}
/** The record as the CLI reads it, once `checkRecordShape` found nothing wrong. */
function asEvidenceRecord(record) {
    return record;
}

;// CONCATENATED MODULE: ./src/cli/chain-scan.ts



/**
 * Reads one environment's chain file a line at a time and verifies it with the shared ChainVerifier
 * (JSON, required fields, `schema`, `environment` = the file's, `seq`, `prev`, `id`), then checks each
 * record's field types (SPEC §5) so that the records handed on can be read without surprises.
 */
async function scanChain(file, visitor = {}, part = null) {
    const verifier = new ChainVerifier(file.environment, part?.after ?? null);
    let problem = null;
    let lineNo = 0;
    try {
        for await (const line of readLines(file.path, part?.range ?? null)) {
            if (problem && !visitor.unverified)
                break;
            lineNo += 1;
            if (problem) {
                visitor.unverified?.(line, lineNo);
                continue;
            }
            const parsed = verifier.push(line);
            if (parsed === null) {
                // Lines are pushed only until the first break, so a null here is that break, just kept.
                const broken = verifier.firstBreak;
                problem = {
                    file: file.name,
                    line: broken.line,
                    field: broken.field,
                    expected: broken.expected,
                    found: broken.found,
                    message: broken.reason
                };
                visitor.unverified?.(line, lineNo);
                continue;
            }
            const shape = checkRecordShape(parsed);
            if (shape) {
                problem = {
                    file: file.name,
                    line: lineNo,
                    ...shape,
                    message: `field "${shape.field}" does not have the type SPEC §5 gives it`
                };
                visitor.unverified?.(line, lineNo);
                continue;
            }
            visitor.record?.(asEvidenceRecord(parsed), lineNo);
        }
    }
    catch (error) {
        if (!(error instanceof UnreadableLineError))
            throw error;
        problem ??= {
            file: file.name,
            line: lineNo + 1,
            field: '(line)',
            expected: error.expected,
            found: error.found,
            message: error.message
        };
    }
    // A record that fails the type check is still part of an intact hash chain; it is not counted as read.
    const records = problem && problem.line !== null ? Math.min(verifier.count, problem.line - 1) : verifier.count;
    return {
        environment: file.environment,
        file: file.name,
        records,
        lines: lineNo,
        tip: verifier.tip,
        problem
    };
}
/** `ledger/production.jsonl line 12: id is not the hash ... (field id: expected X, found Y)` */
function describeProblem(problem) {
    const where = problem.line === null ? problem.file : `${problem.file} line ${problem.line}`;
    // An empty line (often a blank line an editor added at the end) would otherwise read "found )".
    const found = problem.found === '' && problem.field === '(line)' ? 'an empty line' : problem.found;
    const detail = problem.expected === '' ? '' : ` (field ${problem.field}: expected ${problem.expected}, found ${found})`;
    return `${where}: ${problem.message}${detail}`;
}

;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/utils/get.js
// Lodash implementation of `get`

const charCodeOfDot = ".".charCodeAt(0);
const reEscapeChar = /\\(\\)?/g;
const rePropName = RegExp(
  // Match anything that isn't a dot or bracket.
  "[^.[\\]]+" +
    "|" +
    // Or match property names within brackets.
    "\\[(?:" +
    // Match a non-string expression.
    "([^\"'][^[]*)" +
    "|" +
    // Or match strings (supports escaping characters).
    "([\"'])((?:(?!\\2)[^\\\\]|\\\\.)*?)\\2" +
    ")\\]" +
    "|" +
    // Or match "" as the space between consecutive dots or empty brackets.
    "(?=(?:\\.|\\[\\])(?:\\.|\\[\\]|$))",
  "g",
);
const reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
const reIsPlainProp = /^\w*$/;

const getTag = function (value) {
  // if (!value) value === undefined ? "[object Undefined]" : "[object Null]";
  return Object.prototype.toString.call(value);
};

const isSymbol = function (value) {
  const type = typeof value;
  return (
    type === "symbol" ||
    (type === "object" && value && getTag(value) === "[object Symbol]")
  );
};

const isKey = function (value, object) {
  if (Array.isArray(value)) {
    return false;
  }
  const type = typeof value;
  if (
    type === "number" ||
    type === "symbol" ||
    type === "boolean" ||
    !value ||
    isSymbol(value)
  ) {
    return true;
  }
  return (
    reIsPlainProp.test(value) ||
    !reIsDeepProp.test(value) ||
    (object != null && value in Object(object))
  );
};

const stringToPath = function (string) {
  const result = [];
  if (string.charCodeAt(0) === charCodeOfDot) {
    result.push("");
  }
  string.replace(rePropName, function (match, expression, quote, subString) {
    let key = match;
    if (quote) {
      key = subString.replace(reEscapeChar, "$1");
    } else if (expression) {
      key = expression.trim();
    }
    result.push(key);
  });
  return result;
};

const castPath = function (value, object) {
  if (Array.isArray(value)) {
    return value;
  } else {
    return isKey(value, object) ? [value] : stringToPath(value);
  }
};

const toKey = function (value) {
  if (typeof value === "string" || isSymbol(value)) return value;
  const result = `${value}`;
  return result == "0" && 1 / value == -Infinity ? "-0" : result;
};

const get = function (object, path) {
  path = castPath(path, object);
  let index = 0;
  const length = path.length;
  while (object != null && index < length) {
    object = object[toKey(path[index++])];
  }
  return index && index === length ? object : undefined;
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/normalize_columns.js
const normalize_columns = function (columns) {
  if (columns === undefined || columns === null) {
    return [undefined, undefined];
  }
  if (typeof columns !== "object") {
    return [Error('Invalid option "columns": expect an array or an object')];
  }
  if (!Array.isArray(columns)) {
    const newcolumns = [];
    for (const k in columns) {
      newcolumns.push({
        key: k,
        header: columns[k],
      });
    }
    columns = newcolumns;
  } else {
    const newcolumns = [];
    for (const column of columns) {
      if (typeof column === "string") {
        newcolumns.push({
          key: column,
          header: column,
        });
      } else if (
        typeof column === "object" &&
        column !== null &&
        !Array.isArray(column)
      ) {
        if (!column.key) {
          return [
            Error('Invalid column definition: property "key" is required'),
          ];
        }
        if (column.header === undefined) {
          column.header = column.key;
        }
        newcolumns.push(column);
      } else {
        return [
          Error("Invalid column definition: expect a string or an object"),
        ];
      }
    }
    columns = newcolumns;
  }
  return [undefined, columns];
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ");
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString()
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/normalize_options.js




const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    return [
      new CsvError("CSV_OPTION_BOOLEAN_INVALID_TYPE", [
        "option `bom` is optional and must be a boolean value,",
        `got ${JSON.stringify(options.bom)}`,
      ]),
    ];
  }
  // Normalize option `delimiter`
  if (options.delimiter === undefined || options.delimiter === null) {
    options.delimiter = ",";
  } else if (Buffer.isBuffer(options.delimiter)) {
    options.delimiter = options.delimiter.toString();
  } else if (typeof options.delimiter !== "string") {
    return [
      new CsvError("CSV_OPTION_DELIMITER_INVALID_TYPE", [
        "option `delimiter` must be a buffer or a string,",
        `got ${JSON.stringify(options.delimiter)}`,
      ]),
    ];
  }
  // Normalize option `quote`
  if (options.quote === undefined || options.quote === null) {
    options.quote = '"';
  } else if (options.quote === true) {
    options.quote = '"';
  } else if (options.quote === false) {
    options.quote = "";
  } else if (Buffer.isBuffer(options.quote)) {
    options.quote = options.quote.toString();
  } else if (typeof options.quote !== "string") {
    return [
      new CsvError("CSV_OPTION_QUOTE_INVALID_TYPE", [
        "option `quote` must be a boolean, a buffer or a string,",
        `got ${JSON.stringify(options.quote)}`,
      ]),
    ];
  }
  // Normalize option `quoted`
  if (options.quoted === undefined || options.quoted === null) {
    options.quoted = false;
  } else {
    // todo
  }
  // Normalize option `escape_formulas`
  if (
    options.escape_formulas === undefined ||
    options.escape_formulas === null
  ) {
    options.escape_formulas = false;
  } else if (typeof options.escape_formulas !== "boolean") {
    return [
      new CsvError("CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE", [
        "option `escape_formulas` must be a boolean,",
        `got ${JSON.stringify(options.escape_formulas)}`,
      ]),
    ];
  }
  // Normalize option `quoted_empty`
  if (options.quoted_empty === undefined || options.quoted_empty === null) {
    options.quoted_empty = undefined;
  } else {
    // todo
  }
  // Normalize option `quoted_match`
  if (
    options.quoted_match === undefined ||
    options.quoted_match === null ||
    options.quoted_match === false
  ) {
    options.quoted_match = null;
  } else if (!Array.isArray(options.quoted_match)) {
    options.quoted_match = [options.quoted_match];
  }
  if (options.quoted_match) {
    for (const quoted_match of options.quoted_match) {
      const isString = typeof quoted_match === "string";
      const isRegExp = quoted_match instanceof RegExp;
      if (!isString && !isRegExp) {
        return [
          new CsvError("CSV_OPTION_QUOTED_MATCH", [
            "option `quoted_match` must be a string or a regex,",
            `got ${JSON.stringify(options.quoted_match)}`,
          ]),
        ];
      }
    }
  }
  // Normalize option `quoted_string`
  if (options.quoted_string === undefined || options.quoted_string === null) {
    options.quoted_string = false;
  } else {
    // todo
  }
  // Normalize option `eof`
  if (options.eof === undefined || options.eof === null) {
    options.eof = true;
  } else {
    // todo
  }
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === null) {
    options.escape = '"';
  } else if (Buffer.isBuffer(options.escape)) {
    options.escape = options.escape.toString();
  } else if (typeof options.escape !== "string") {
    return [
      Error(
        `Invalid Option: escape must be a buffer or a string, got ${JSON.stringify(options.escape)}`,
      ),
    ];
  }
  if (options.escape.length > 1) {
    return [
      Error(
        `Invalid Option: escape must be one character, got ${options.escape.length} characters`,
      ),
    ];
  }
  // Normalize option `header`
  if (
    options.header === undefined ||
    options.header === null ||
    options.header === false
  ) {
    options.header = false;
  } else if (options.header !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_HEADER",
      [
        "option `header` is expected to be a boolean,",
        `got ${JSON.stringify(options.header)}`,
      ],
      options,
    );
  }
  // Normalize option `headers_as_comment`
  if (
    options.header_as_comment === undefined ||
    options.header_as_comment === null ||
    options.header_as_comment === false
  ) {
    options.header_as_comment = false;
  } else if (options.header_as_comment === true) {
    options.header_as_comment = "#";
  } else if (Buffer.isBuffer(options.header_as_comment)) {
    options.header_as_comment = options.header_as_comment.toString();
  } else if (typeof options.header_as_comment !== "string") {
    throw new CsvError(
      "CSV_INVALID_OPTION_HEADER_AS_COMMENT",
      [
        "option `header_as_comment` must be a boolean, a string or a buffer,",
        `got ${JSON.stringify(options.header_as_comment)}`,
      ],
      options,
    );
  }
  // if (options.header_as_comment && !options.comment?.length) {
  //   throw new CsvError(
  //     "CSV_INVALID_OPTION_COMMENT",
  //     [
  //       "option `comment` must be a non empty string or buffer when using `header_as_comment`,",
  //       `got ${JSON.stringify(options.comment)}`,
  //     ],
  //     options,
  //   );
  // }
  // Header is always enabled with `header_as_comment`
  // if (options.header_as_comment === true) {
  //   options.header = true;
  // }
  // Normalize option `columns`
  const [errColumns, columns] = normalize_columns(options.columns);
  if (errColumns !== undefined) return [errColumns];
  options.columns = columns;
  // Normalize option `quoted`
  if (options.quoted === undefined || options.quoted === null) {
    options.quoted = false;
  } else {
    // todo
  }
  // Normalize option `cast`
  if (options.cast === undefined || options.cast === null) {
    options.cast = {};
  } else {
    // todo
  }
  // Normalize option cast.bigint
  if (options.cast.bigint === undefined || options.cast.bigint === null) {
    // Cast boolean to string by default
    options.cast.bigint = (value) => "" + value;
  }
  // Normalize option cast.boolean
  if (options.cast.boolean === undefined || options.cast.boolean === null) {
    // Cast boolean to string by default
    options.cast.boolean = (value) => (value ? "1" : "");
  }
  // Normalize option cast.date
  if (options.cast.date === undefined || options.cast.date === null) {
    // Cast date to timestamp string by default
    options.cast.date = (value) => "" + value.getTime();
  }
  // Normalize option cast.number
  if (options.cast.number === undefined || options.cast.number === null) {
    // Cast number to string using native casting by default
    options.cast.number = (value) => "" + value;
  }
  // Normalize option cast.object
  if (options.cast.object === undefined || options.cast.object === null) {
    // Stringify object as JSON by default
    options.cast.object = (value) => JSON.stringify(value);
  }
  // Normalize option cast.string
  if (options.cast.string === undefined || options.cast.string === null) {
    // Leave string untouched
    options.cast.string = function (value) {
      return value;
    };
  }
  // Normalize option `on_record`
  if (
    options.on_record !== undefined &&
    typeof options.on_record !== "function"
  ) {
    return [Error(`Invalid Option: "on_record" must be a function.`)];
  }
  // Normalize option `quote_record_delimiter`
  if (
    options.quote_record_delimiter === undefined ||
    options.quote_record_delimiter === null
  ) {
    options.quote_record_delimiter = !options.record_delimiter;
  } else if (typeof options.quote_record_delimiter !== "boolean") {
    return [
      new CsvError("CSV_OPTION_QUOTE_RECORD_DELIMITER_INVALID_TYPE", [
        "option `quote_record_delimiter` must be a boolean,",
        `got ${JSON.stringify(options.quote_record_delimiter)}`,
      ]),
    ];
  }
  // Normalize option `record_delimiter`
  if (
    options.record_delimiter === undefined ||
    options.record_delimiter === null
  ) {
    options.record_delimiter = "\n";
  } else if (Buffer.isBuffer(options.record_delimiter)) {
    options.record_delimiter = options.record_delimiter.toString();
  } else if (typeof options.record_delimiter !== "string") {
    return [
      Error(
        `Invalid Option: record_delimiter must be a buffer or a string, got ${JSON.stringify(options.record_delimiter)}`,
      ),
    ];
  }
  switch (options.record_delimiter) {
    case "unix":
      options.record_delimiter = "\n";
      break;
    case "mac":
      options.record_delimiter = "\r";
      break;
    case "windows":
      options.record_delimiter = "\r\n";
      break;
    case "ascii":
      options.record_delimiter = "\u001e";
      break;
    case "unicode":
      options.record_delimiter = "\u2028";
      break;
  }
  return [undefined, options];
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/index.js




const bom_utf8 = Buffer.from([239, 187, 191]);
// True when appending `separator` after `value` would let `parse` find
// `separator` starting inside `value`. Besides the field containing the whole
// separator, this also covers boundary fusion: a field whose tail is a
// non-empty prefix of a multi-character separator merges with the appended
// separator (eg value "a:" + delimiter "::" => "a:::", matched at offset 1).
// Such fields must be quoted to round-trip, like RFC 4180 fields containing the
// delimiter, generalized to multi-character delimiters and record delimiters.
const emits_separator = function (value, separators) {
  return separators.some(
    (separator) =>
      separator.length !== 0 &&
      (value.indexOf(separator) !== -1 ||
        (separator.length > 1 &&
          (value + separator).indexOf(separator) < value.length)),
  );
};
// True when `value` matches one of the `quoted_match` patterns. The regexps
// come from the user and the same objects are reused for every field, so the
// test must not depend on their state: `RegExp.prototype.test` advances
// `lastIndex` on a global or sticky regexp, which would make a match in one
// field move where the next field starts matching. `String.prototype.search`
// searches from the start and restores `lastIndex`, and is equivalent to
// `test` for the stateless regexps.
const matches_quoted_match = function (value, quoted_match) {
  if (!quoted_match) return false;
  return quoted_match.some((pattern) =>
    typeof pattern === "string"
      ? value.indexOf(pattern) !== -1
      : value.search(pattern) !== -1,
  );
};

const stringifier = function (options, state, info) {
  return {
    options: options,
    state: state,
    info: info,
    __transform: function (chunk, push) {
      // Chunk validation
      if (!Array.isArray(chunk) && typeof chunk !== "object") {
        return Error(
          `Invalid Record: expect an array or an object, got ${JSON.stringify(chunk)}`,
        );
      }
      // Detect columns from the first record
      if (this.info.records === 0) {
        if (Array.isArray(chunk)) {
          if (
            this.options.header === true &&
            this.options.columns === undefined
          ) {
            return Error(
              "Undiscoverable Columns: header option requires column option or object records",
            );
          }
        } else if (this.options.columns === undefined) {
          const [err, columns] = normalize_columns(Object.keys(chunk));
          if (err) return;
          this.options.columns = columns;
        }
      }
      // Emit the header
      if (this.info.records === 0) {
        this.bom(push);
        const err = this.headers(push);
        if (err) return err;
      }
      // Emit and stringify the record if an object or an array
      try {
        // this.emit('record', chunk, this.info.records);
        if (this.options.on_record) {
          this.options.on_record(chunk, this.info.records);
        }
      } catch (err) {
        return err;
      }
      // Convert the record into a string
      let err, chunk_string;
      if (this.options.eof) {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === undefined) {
          return;
        } else {
          chunk_string = chunk_string + this.options.record_delimiter;
        }
      } else {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === undefined) {
          return;
        } else {
          if (this.options.header || this.info.records) {
            chunk_string = this.options.record_delimiter + chunk_string;
          }
        }
      }
      // Emit the csv
      this.info.records++;
      push(chunk_string);
    },
    stringify: function (chunk, chunkIsHeader = false) {
      if (typeof chunk !== "object") {
        return [undefined, chunk];
      }
      const { columns } = this.options;
      const record = [];
      // Record is an array
      if (Array.isArray(chunk)) {
        // We are getting an array but the user has specified output columns. In
        // this case, we respect the columns indexes
        const length = columns
          ? Math.min(chunk.length, columns.length)
          : chunk.length;
        // Cast record elements
        for (let i = 0; i < length; i++) {
          const field = chunk[i];
          const [err, value] = this.__cast(field, {
            index: i,
            column: i,
            records: this.info.records,
            header: chunkIsHeader,
          });
          if (err) return [err];
          record[i] = [value, field];
        }
        // Record is a literal object
        // `columns` is always defined: it is either provided or discovered.
      } else {
        for (let i = 0; i < columns.length; i++) {
          const field = get(chunk, columns[i].key);
          const [err, value] = this.__cast(field, {
            index: i,
            column: columns[i].key,
            records: this.info.records,
            header: chunkIsHeader,
          });
          if (err) return [err];
          record[i] = [value, field];
        }
      }
      let csvrecord = "";
      for (let i = 0; i < record.length; i++) {
        let options, err;

        let [value, field] = record[i];
        if (typeof value === "string") {
          options = this.options;
        } else if (is_object(value)) {
          // Value is considerered as a mix of a value and options
          options = { ...value };
          value = options.value;
          delete options.value;
          if (
            typeof value !== "string" &&
            value !== undefined &&
            value !== null
          ) {
            if (err)
              return [
                Error(
                  `Invalid Casting Value: returned value must return a string, null or undefined, got ${JSON.stringify(value)}`,
                ),
              ];
          }
          // Merge global options with the ones returned by cast
          options = { ...this.options, ...options };
          [err, options] = normalize_options(options);
          if (err !== undefined) {
            return [err];
          }
        } else if (value === undefined || value === null) {
          options = this.options;
        } else {
          return [
            Error(
              `Invalid Casting Value: returned value must return a string, an object, null or undefined, got ${JSON.stringify(value)}`,
            ),
          ];
        }
        const {
          delimiter,
          escape,
          quote,
          quoted,
          quoted_empty,
          quoted_string,
          quoted_match,
          record_delimiter,
          quote_record_delimiter,
          escape_formulas,
        } = options;
        if ("" === value && "" === field) {
          const quotedMatch = matches_quoted_match(value, quoted_match);
          const shouldQuote =
            quotedMatch ||
            true === quoted_empty ||
            (true === quoted_string && false !== quoted_empty);
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (value) {
          if (typeof value !== "string") {
            return [
              Error(
                `Formatter must return a string, null or undefined, got ${JSON.stringify(value)}`,
              ),
            ];
          }
          const containsdelimiter = emits_separator(value, [delimiter]);
          const containsQuote = quote !== "" && value.indexOf(quote) >= 0;
          const containsEscape = value.indexOf(escape) >= 0 && escape !== quote;
          // Testing `\n` and `\r` covers the three sequences `parse` discovers
          const containsRecordDelimiter = emits_separator(value, [
            record_delimiter,
            ...(quote_record_delimiter === false ? [] : ["\n", "\r"]),
          ]);
          const quotedString = quoted_string && typeof field === "string";
          const quotedMatch = matches_quoted_match(value, quoted_match);
          // See https://github.com/adaltas/node-csv/pull/387
          // More about CSV injection or formula injection, when websites embed
          // untrusted input inside CSV files:
          // https://owasp.org/www-community/attacks/CSV_Injection
          // http://georgemauer.net/2017/10/07/csv-injection.html
          // Apple Numbers unicode normalization is empirical from testing
          if (escape_formulas) {
            switch (value[0]) {
              case "-":
                if (typeof field === "number" || typeof field === "bigint") {
                  break;
                }
                value = `'${value}`;
                break;
              case "=":
              case "+":
              case "@":
              case "\t":
              case "\r":
              case "\uFF1D": // Unicode '='
              case "\uFF0B": // Unicode '+'
              case "\uFF0D": // Unicode '-'
              case "\uFF20": // Unicode '@'
                value = `'${value}`;
                break;
            }
          }
          const shouldQuote =
            containsQuote === true ||
            containsdelimiter ||
            containsRecordDelimiter ||
            quoted ||
            quotedString ||
            quotedMatch;
          if (shouldQuote === true && containsEscape === true) {
            value = value.replaceAll(escape, () => escape + escape);
          }
          if (containsQuote === true) {
            value = value.replaceAll(quote, () => escape + quote);
          }
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (
          quoted_empty === true ||
          (field === "" && quoted_string === true && quoted_empty !== false)
        ) {
          csvrecord += quote + quote;
        }
        if (i !== record.length - 1) {
          csvrecord += delimiter;
        }
      }
      return [undefined, csvrecord];
    },
    bom: function (push) {
      if (this.options.bom !== true) {
        return;
      }
      push(bom_utf8);
    },
    headers: function (push) {
      if (this.options.header === false) {
        return;
      }
      if (this.options.columns === undefined) {
        return;
      }
      let err;
      let headers = this.options.columns.map((column) => column.header);
      if (this.options.eof) {
        [err, headers] = this.stringify(headers, true);
        headers += this.options.record_delimiter;
      } else {
        [err, headers] = this.stringify(headers, true);
      }
      if (err) return err;
      if (this.options.header_as_comment) {
        headers = this.options.header_as_comment + " " + headers;
      }
      push(headers);
    },
    __cast: function (value, context) {
      const type = typeof value;
      try {
        if (type === "string") {
          // Fine for 99% of the cases
          return [undefined, this.options.cast.string(value, context)];
        } else if (type === "bigint") {
          return [undefined, this.options.cast.bigint(value, context)];
        } else if (type === "number") {
          return [undefined, this.options.cast.number(value, context)];
        } else if (type === "boolean") {
          return [undefined, this.options.cast.boolean(value, context)];
        } else if (value instanceof Date) {
          return [undefined, this.options.cast.date(value, context)];
        } else if (type === "object" && value !== null) {
          return [undefined, this.options.cast.object(value, context)];
        } else if (value === null && this.options.cast.null !== undefined) {
          return [undefined, this.options.cast.null(value, context)];
        } else if (
          value === undefined &&
          this.options.cast.undefined !== undefined
        ) {
          return [undefined, this.options.cast.undefined(value, context)];
        } else {
          return [undefined, value];
        }
      } catch (err) {
        return [err];
      }
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/sync.js
/*
CSV Stringify

Please look at the [Sync API](https://csv.js.org/stringify/api/sync/) for
additional information.
*/




const stringify = function (records, opts = {}) {
  const data = [];
  const [err, options] = normalize_options(opts);
  if (err !== undefined) throw err;
  const state = {
    stop: false,
  };
  // Information
  const info = {
    records: 0,
  };
  const api = stringifier(options, state, info);
  for (const record of records) {
    const err = api.__transform(record, function (record) {
      data.push(record);
    });
    if (err !== undefined) throw err;
  }
  if (data.length === 0) {
    api.bom((d) => {
      data.push(d);
    });
    const err = api.headers((headers) => {
      data.push(headers);
    });
    if (err !== undefined) throw err;
  }
  return data.join("");
};



;// CONCATENATED MODULE: ./src/cli/export-csv.ts

/** The columns of the CSV export, in order: the header names are part of what auditors' sheets rely on. */
const CSV_COLUMNS = [
    'deployed_at',
    'environment',
    'decision',
    'range',
    'repository',
    'sha',
    'pull_request',
    'title',
    'pull_request_url',
    'author',
    'merged_at',
    'merged_by',
    'approvers',
    'checks',
    'ticket',
    'ticket_status',
    'ticket_approved_at',
    'emergency',
    'emergency_actor',
    'emergency_justification',
    'follow_up_url',
    'reasons',
    'actor',
    'run_url',
    'record_id',
    'seq'
];
function csvCells(row) {
    return [
        row.deployedAt,
        row.environment,
        row.decision,
        row.range,
        row.repository,
        row.sha,
        row.pullRequest === null ? '' : String(row.pullRequest),
        row.title ?? '',
        row.url ?? '',
        row.author ?? '',
        row.mergedAt ?? '',
        row.mergedBy ?? '',
        row.approvals.map(a => `${a.login} (${a.submittedAt})`).join('; '),
        row.checks.map(c => `${c.name}: ${c.conclusion}${c.completedAt ? ` (${c.completedAt})` : ''}`).join('; '),
        row.ticket?.key ?? '',
        row.ticket?.status ?? '',
        row.ticket?.approvedAt ?? '',
        row.emergency ? 'yes' : 'no',
        row.emergencyActor ?? '',
        row.emergencyJustification ?? '',
        row.followUpUrl ?? '',
        row.reasons.join('; '),
        row.actor,
        row.runUrl,
        row.recordId,
        String(row.seq)
    ].map(neutralizeFormula);
}
// A spreadsheet evaluates a cell that starts with one of these as a formula (CSV injection): `=HYPERLINK(…)`
// in a pull request title must reach the auditor as text. Full-width forms are converted by some apps.
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
/** Prefixes a cell that a spreadsheet would run as a formula with `'`, which makes it text. */
function neutralizeFormula(cell) {
    return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
/**
 * RFC 4180 CSV with a header row, CRLF line ends and a UTF-8 byte order mark (without it, Excel reads UTF-8
 * names and titles as Latin-1). Cells are quoted when they need it; none can start a formula.
 */
function renderCsv(rows) {
    return stringify([[...CSV_COLUMNS], ...rows.map(csvCells)], { bom: true, record_delimiter: 'windows' });
}

;// CONCATENATED MODULE: ./src/http-url.ts
/** `url` parsed, when it is a plain http(s) URL; null for anything else (javascript:, data:, unparsable). */
function parseHttpUrl(url) {
    if (!url)
        return null;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return null;
    }
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
}
/**
 * The URL (normalised) if it is plain http(s) and carries no credentials, for use as a link target;
 * otherwise null. A URL with credentials in it is never made a link (nor shown as one).
 */
function safeHttpUrl(url) {
    const parsed = parseHttpUrl(url);
    if (!parsed || parsed.username !== '' || parsed.password !== '')
        return null;
    return parsed.href;
}
/** Whether `url` points at this machine: localhost, [::1] or any 127.x.x.x address. */
function isLoopback(url) {
    const host = url.hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __nccwpck_require__(992);
;// CONCATENATED MODULE: ./src/cli/text.ts
/**
 * Escaping for text that comes out of the ledger: titles, logins, check names, justifications were written
 * by whoever opened a pull request or ran a deploy, so to an export they are untrusted.
 */

const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
/** Text as HTML element content or a double-quoted attribute value. */
function escapeHtml(text) {
    return (0,src_text/* flatten */.Bq)(text).replace(/[&<>"']/g, ch => HTML_ENTITIES[ch] ?? ch);
}
/**
 * Text as the content of a Markdown table cell: HTML is made entities (GitHub renders raw HTML) and each
 * punctuation character with an inline meaning is backslash-escaped, `|` included, so a title can neither
 * end its cell nor become code, a link, an image, emphasis or math. (Block syntax such as `#` or `-` has no
 * meaning inside a table cell.)
 */
function escapeMarkdown(text) {
    return (0,src_text/* flatten */.Bq)(text)
        .replace(/[\\`*_[\]()!|~$]/g, ch => `\\${ch}`)
        .replace(/[&<>"]/g, ch => HTML_ENTITIES[ch] ?? ch);
}

;// CONCATENATED MODULE: ./src/cli/export-md.ts



/** A Markdown report: the summary figures, then one table row per deployed pull request. */
// Times in a row passed the record shape check (an ISO 8601 pattern): they hold no Markdown.
function renderMarkdown(rows, summary) {
    const out = ['# Deploy population', ''];
    out.push(`- Period: ${periodText(summary)}`);
    out.push(`- Environments: ${summary.environments.map(escapeMarkdown).join(', ') || 'none'}`);
    out.push(`- Deploys: ${summary.deploys} (${summary.emergencies} emergency), ${summary.pullRequests} pull requests`);
    out.push(`- Blocked attempts: ${summary.blocked}`);
    out.push(`- Median time from last approval to deploy: ${formatDuration(summary.medianApprovalToDeployMs)}`);
    out.push('');
    // A blocked attempt was not deployed: its time is when the gate refused it.
    const when = rows.some(r => r.decision === 'block') ? 'Deployed or blocked (UTC)' : 'Deployed (UTC)';
    out.push(`| ${when} | Environment | Decision | SHA | Pull request | Title | Author | Approvers | Checks | Ticket | Emergency | Record |`);
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
        const url = safeHttpUrl(row.url);
        const pr = row.pullRequest === null ? '' : url ? `[\\#${row.pullRequest}](<${url}>)` : `\\#${row.pullRequest}`;
        const ticket = row.ticket
            ? `${escapeMarkdown(row.ticket.key)} ${escapeMarkdown(row.ticket.status)}` +
                (row.ticket.approvedAt ? ` (approved ${row.ticket.approvedAt})` : '')
            : '';
        const cells = [
            row.deployedAt,
            escapeMarkdown(row.environment),
            // Blocked attempts and emergencies are bold, so that neither is missed when scanning the table.
            row.decision === 'allow' ? 'allow' : `**block**: ${row.reasons.map(escapeMarkdown).join(', ')}`,
            `\`${row.sha.slice(0, 12).replace(/[^0-9a-zA-Z]/g, '')}\``,
            pr,
            escapeMarkdown(row.title ?? ''),
            escapeMarkdown(row.author ?? ''),
            row.approvals.map(a => `${escapeMarkdown(a.login)} (${a.submittedAt})`).join('<br>'),
            row.checks.map(c => `${escapeMarkdown(c.name)}: ${escapeMarkdown(c.conclusion)}`).join('<br>'),
            ticket,
            row.emergency ? emergencyCell(row) : 'no',
            `${row.seq}: \`${row.recordId.slice(0, 12).replace(/[^0-9a-f]/g, '')}\``
        ];
        out.push(`| ${cells.join(' | ')} |`);
    }
    if (rows.length === 0)
        out.push('', 'No deploys in the period.');
    return `${out.join('\n')}\n`;
}
/** `**yes**, by dana, bypassed ci-failed` */
function emergencyCell(row) {
    const bypassed = row.emergencyBypassed.length
        ? `, bypassed ${row.emergencyBypassed.map(escapeMarkdown).join(', ')}`
        : '';
    return `**yes**, by ${escapeMarkdown(row.emergencyActor ?? '')}${bypassed}`;
}
/** `3 h 05 min`, `2 d 4 h`, `45 s`; `n/a` for null. */
function formatDuration(ms) {
    if (ms === null)
        return 'n/a';
    const sign = ms < 0 ? '-' : '';
    const s = Math.round(Math.abs(ms) / 1000);
    if (s < 60)
        return `${sign}${s} s`;
    const min = Math.round(s / 60);
    if (min < 60)
        return `${sign}${min} min`;
    const h = Math.floor(min / 60);
    if (h < 48)
        return `${sign}${h} h ${String(min % 60).padStart(2, '0')} min`;
    return `${sign}${Math.floor(h / 24)} d ${h % 24} h`;
}

;// CONCATENATED MODULE: ./src/cli/export-html.ts





// Nothing in the file may load or run anything: no script at all, no network. The policy also stops a
// script that escaping somehow let through.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --deploy: #1f6feb; --emergency: #cf222e; --blocked: #9a6700; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; padding: 24px 32px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
.meta { color: var(--muted); margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 20px; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 150px; }
.figure .value { display: block; font-size: 26px; font-weight: 600; }
.figure .label { color: var(--muted); }
.chart { border: 1px solid var(--line); border-radius: 8px; padding: 8px; max-width: 980px; }
.chart svg { display: block; width: 100%; height: auto; }
.chart text { font-size: 11px; fill: var(--muted); }
.legend { display: flex; gap: 16px; color: var(--muted); margin: 6px 4px 0; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: baseline; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #f6f8fa; }
tr.emergency td { background: #fff5f5; }
tr.blocked td { background: #fff8e6; }
td.mono, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.tag { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.tag.emergency { background: var(--emergency); color: #fff; }
.tag.blocked { background: var(--blocked); color: #fff; }
.ok { color: #1a7f37; }
.bad { color: var(--emergency); }
.sub { color: var(--muted); display: block; }
time { white-space: nowrap; }
ul.plain { list-style: none; margin: 0; padding: 0; }
ul.checks li { white-space: nowrap; }
footer { color: var(--muted); margin-top: 28px; font-size: 12px; }
@media print { th { position: static; } body { padding: 0; } }
`;
/**
 * One self-contained HTML file for a person: summary figures, a deploys-per-week chart (inline SVG), and
 * the table. Every text from the ledger is escaped; links are only plain http(s) URLs.
 */
function renderHtml(rows, summary) {
    const figures = [
        [String(summary.deploys), 'deploys'],
        [String(summary.pullRequests), 'pull requests shipped'],
        [String(summary.emergencies), 'emergency deploys'],
        [String(summary.blocked), 'blocked attempts'],
        [formatDuration(summary.medianApprovalToDeployMs), 'median last approval → deploy']
    ];
    const environments = summary.environments.map(escapeHtml).join(', ') || 'none';
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Deploy population</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Deploy population</h1>
<p class="meta">Period: ${escapeHtml(periodText(summary))} · Environments: ${environments}</p>
</header>
<section class="figures" aria-label="Summary">
${figures.map(([value, label]) => `<div class="figure"><span class="value">${escapeHtml(value)}</span><span class="label">${label}</span></div>`).join('\n')}
</section>
<h2>Deploys per week</h2>
${renderChart(summary.weeks)}
<h2>${rows.some(r => r.decision === 'block') ? 'Deploys and blocked attempts' : 'Deploys'} (${rows.length} ${rows.length === 1 ? 'row' : 'rows'}, one per pull request)</h2>
${renderTable(rows)}
<footer>
<p>Generated by <span class="mono">deploy-gate export</span> from a ledger verified while reading it:
${summary.chains.map(c => `${escapeHtml(c.environment)} ${c.records} records, tip <span class="mono">${escapeHtml(c.tipId ?? 'none')}</span>`).join('; ') || 'no chains'}.
Times are UTC. Each row's record id can be checked with <span class="mono">deploy-gate verify</span>.</p>
</footer>
</body>
</html>
`;
}
const CHART = { width: 960, height: 260, left: 40, right: 12, top: 12, bottom: 46 };
function renderChart(weeks) {
    if (weeks.length === 0)
        return '<p class="meta">No deploys in the period.</p>';
    const max = Math.max(1, ...weeks.map(w => w.deploys + w.blocked));
    const step = niceStep(max);
    const top = Math.ceil(max / step) * step;
    const plotW = CHART.width - CHART.left - CHART.right;
    const plotH = CHART.height - CHART.top - CHART.bottom;
    const slot = plotW / weeks.length;
    const barW = Math.max(1, Math.min(36, slot * 0.75));
    const y = (n) => CHART.top + plotH - (n / top) * plotH;
    const parts = [];
    for (let n = 0; n <= top; n += step) {
        parts.push(`<line x1="${CHART.left}" x2="${CHART.width - CHART.right}" y1="${y(n).toFixed(1)}" y2="${y(n).toFixed(1)}" stroke="#d1d9e0" stroke-width="${n === 0 ? 1 : 0.5}"/>`, `<text x="${CHART.left - 6}" y="${(y(n) + 4).toFixed(1)}" text-anchor="end">${n}</text>`);
    }
    const labelEvery = Math.max(1, Math.ceil(weeks.length / 12));
    weeks.forEach((week, i) => {
        const x = CHART.left + i * slot + (slot - barW) / 2;
        const regular = week.deploys - week.emergencies;
        const segments = [
            [regular, 'var(--deploy)'],
            [week.emergencies, 'var(--emergency)'],
            [week.blocked, 'var(--blocked)']
        ];
        let base = 0;
        const title = `Week of ${week.week}: ${week.deploys} deploys (${week.emergencies} emergency), ${week.blocked} blocked`;
        parts.push(`<g class="bar" data-week="${week.week}" data-deploys="${week.deploys}"><title>${escapeHtml(title)}</title>`);
        for (const [count, color] of segments) {
            if (count <= 0)
                continue;
            parts.push(`<rect x="${x.toFixed(1)}" y="${y(base + count).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + count)).toFixed(1)}" fill="${color}"/>`);
            base += count;
        }
        parts.push('</g>');
        if (i % labelEvery === 0) {
            const cx = CHART.left + i * slot + slot / 2;
            parts.push(`<text x="${cx.toFixed(1)}" y="${CHART.height - CHART.bottom + 16}" text-anchor="middle">${week.week.slice(5)}</text>`);
        }
    });
    parts.push(`<text x="${CHART.left}" y="${CHART.height - 8}">weeks starting Monday (UTC), ${weeks[0]?.week} to ${weeks[weeks.length - 1]?.week}</text>`);
    return `<figure class="chart">
<svg viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="Deploys per week">
${parts.join('\n')}
</svg>
<figcaption class="legend"><span><span class="swatch" style="background:var(--deploy)"></span>deploys</span><span><span class="swatch" style="background:var(--emergency)"></span>emergency deploys</span><span><span class="swatch" style="background:var(--blocked)"></span>blocked attempts</span></figcaption>
</figure>`;
}
function niceStep(max) {
    const rough = max / 5;
    const power = 10 ** Math.floor(Math.log10(rough));
    for (const m of [1, 2, 5, 10])
        if (rough <= m * power)
            return Math.max(1, m * power);
    return Math.max(1, 10 * power);
}
function renderTable(rows) {
    // A blocked attempt was not deployed: its time is when the gate refused it.
    const when = rows.some(r => r.decision === 'block') ? 'Deployed or blocked (UTC)' : 'Deployed (UTC)';
    const head = `<tr><th>${when}</th><th>Environment</th><th>Commit</th><th>Pull request</th><th>Author</th><th>Approvers</th><th>Checks</th><th>Ticket</th><th>Emergency</th><th>Record</th></tr>`;
    const body = rows.map(renderRow).join('\n');
    return `<table>
<thead>${head}</thead>
<tbody>
${body || '<tr><td colspan="10">No deploys in the period.</td></tr>'}
</tbody>
</table>`;
}
/** A time as a person reads it (UTC, to the second), with the exact text kept in `datetime`. */
function export_html_time(text) {
    if (text === null)
        return '';
    const ms = parseTime(text);
    if (Number.isNaN(ms))
        return escapeHtml(text);
    const shown = new Date(ms)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '');
    return `<time datetime="${escapeHtml(text)}">${shown}</time>`;
}
function export_html_link(url, text) {
    const href = safeHttpUrl(url);
    return href ? `<a href="${escapeHtml(href)}" rel="noreferrer noopener">${text}</a>` : text;
}
function renderRow(row) {
    const kind = row.decision === 'block' ? 'blocked' : row.emergency ? 'emergency' : 'deploy';
    // Under the environment, where the eye goes first: blocked with its reasons, or emergency with the rules
    // it bypassed.
    const bypassed = row.emergencyBypassed.map(escapeHtml).join(', ');
    const decision = row.decision === 'block'
        ? `<span class="tag blocked">blocked</span><span class="sub">${row.reasons.map(escapeHtml).join(', ')}</span>`
        : row.emergency
            ? `<span class="tag emergency">emergency</span>${bypassed ? `<span class="sub">bypassed ${bypassed}</span>` : ''}`
            : '';
    const pr = row.pullRequest === null
        ? `<span class="sub">no pull request (${escapeHtml(row.range)})</span>`
        : `${export_html_link(row.url, `#${row.pullRequest}`)} ${escapeHtml(row.title ?? '')}<span class="sub">merged ${export_html_time(row.mergedAt)}${row.mergedBy ? ` by ${escapeHtml(row.mergedBy)}` : ''}</span>`;
    // "none" in red only where approvals were due: a deploy without pull requests (a rollback) needs none.
    const approvals = row.approvals.length
        ? `<ul class="plain">${row.approvals.map(a => `<li>${escapeHtml(a.login)}<span class="sub">${export_html_time(a.submittedAt)}</span></li>`).join('')}</ul>`
        : row.pullRequest === null
            ? ''
            : '<span class="bad">none</span>';
    const checks = row.checks.length
        ? `<ul class="plain checks">${row.checks
            .map(c => {
            const good = ['success', 'neutral', 'skipped'].includes(c.conclusion);
            return `<li>${escapeHtml(c.name)}: <span class="${good ? 'ok' : 'bad'}">${escapeHtml(c.conclusion)}</span></li>`;
        })
            .join('')}</ul>`
        : '';
    const ticket = row.ticket
        ? `${export_html_link(row.ticket.url, escapeHtml(row.ticket.key))} ${escapeHtml(row.ticket.status)}${row.ticket.approvedAt ? `<span class="sub">approved ${export_html_time(row.ticket.approvedAt)}</span>` : ''}`
        : '';
    const emergency = row.emergency
        ? `<span class="tag emergency">emergency</span><span class="sub">by ${escapeHtml(row.emergencyActor ?? '')}: ${escapeHtml(row.emergencyJustification ?? '')}</span>${row.followUpUrl ? export_html_link(row.followUpUrl, 'follow-up') : '<span class="sub">no follow-up</span>'}`
        : '';
    return `<tr class="${kind}"><td>${export_html_time(row.deployedAt)}</td><td>${escapeHtml(row.environment)}${decision}</td><td class="mono"><span title="${escapeHtml(row.sha)}">${escapeHtml(row.sha.slice(0, 12))}</span><span class="sub">${export_html_link(row.runUrl, 'run')}</span></td><td>${pr}</td><td>${escapeHtml(row.author ?? '')}</td><td>${approvals}</td><td>${checks}</td><td>${ticket}</td><td>${emergency}</td><td class="mono">${row.seq}<span class="sub" title="${escapeHtml(row.recordId)}">${escapeHtml(row.recordId.slice(0, 12))}</span></td></tr>`;
}

;// CONCATENATED MODULE: ./src/cli/export-rows.ts



/** A ledger that is not intact is not exported: a population read from it would not be evidence. */
class BrokenLedgerError extends Error {
    name = 'BrokenLedgerError';
}
/**
 * The population of deploys in the period, verified as it is read: one row per pull request of each
 * `allow` record (and `block` record with `includeBlocked`), sorted by deploy time. A deploy that shipped no
 * pull request (a rollback) still gets one row, so that every deploy can be sampled.
 */
async function collectPopulation(files, options) {
    const rows = [];
    const tally = new Tally();
    const chains = [];
    for (const file of files) {
        const result = await scanChain(file, {
            record: record => {
                const at = parseTime(record.decidedAt);
                if (!inPeriod(options.period, at))
                    return;
                tally.add(record, at);
                if (record.decision === 'allow' || options.includeBlocked)
                    rows.push(...rowsOf(record));
            }
        });
        if (result.problem) {
            throw new BrokenLedgerError(`the ledger is broken, nothing was exported: ${describeProblem(result.problem)}`);
        }
        chains.push({ environment: file.environment, records: result.records, tipId: result.tip?.id ?? null });
    }
    rows.sort((a, b) => parseTime(a.deployedAt) - parseTime(b.deployedAt) ||
        compare(a.environment, b.environment) ||
        a.seq - b.seq ||
        (a.pullRequest ?? 0) - (b.pullRequest ?? 0));
    return {
        rows,
        summary: tally.summary(chains, options.period)
    };
}
function rowsOf(record) {
    const base = {
        deployedAt: utcTime(record.decidedAt),
        environment: record.environment,
        decision: record.decision,
        range: record.range,
        repository: record.repository,
        sha: record.sha,
        emergency: record.emergency !== null,
        emergencyActor: record.emergency?.actor ?? null,
        emergencyJustification: record.emergency?.justification ?? null,
        emergencyBypassed: record.emergency?.bypassed ?? [],
        followUpUrl: record.emergency?.followUp.url ?? null,
        reasons: record.reasons,
        actor: record.actor,
        runUrl: record.run.url,
        recordId: record.id,
        seq: record.seq
    };
    if (record.changes.length === 0) {
        return [
            {
                ...base,
                pullRequest: null,
                title: null,
                url: null,
                author: null,
                mergedAt: null,
                mergedBy: null,
                approvals: [],
                checks: [],
                ticket: null
            }
        ];
    }
    return record.changes.map(change => ({
        ...base,
        pullRequest: change.number,
        title: change.title,
        url: change.url,
        author: change.author,
        mergedAt: utcTime(change.mergedAt),
        mergedBy: change.mergedBy,
        approvals: change.approvals.map(a => ({ login: a.login, submittedAt: utcTime(a.submittedAt) })),
        checks: change.checks.map(c => ({
            name: c.name,
            conclusion: c.conclusion,
            completedAt: c.completedAt === null ? null : utcTime(c.completedAt)
        })),
        ticket: change.ticket
            ? {
                key: change.ticket.key,
                url: change.ticket.url,
                status: change.ticket.status,
                approvedAt: change.ticket.approvedAt === null ? null : utcTime(change.ticket.approvedAt)
            }
            : null
    }));
}
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Monday 00:00 UTC of the week of `at`. */
function weekStart(at) {
    const day = new Date(at);
    const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    return midnight - ((day.getUTCDay() + 6) % 7) * 24 * 60 * 60 * 1000;
}
class Tally {
    deploys = 0;
    pullRequests = 0;
    blocked = 0;
    emergencies = 0;
    leadTimes = [];
    weeks = new Map();
    add(record, at) {
        const week = weekStart(at);
        const counts = this.weeks.get(week) ?? { deploys: 0, emergencies: 0, blocked: 0 };
        this.weeks.set(week, counts);
        if (record.decision === 'block') {
            this.blocked += 1;
            counts.blocked += 1;
            return;
        }
        this.deploys += 1;
        counts.deploys += 1;
        if (record.emergency) {
            this.emergencies += 1;
            counts.emergencies += 1;
        }
        this.pullRequests += record.changes.length;
        for (const change of record.changes) {
            const approved = Math.max(...change.approvals.map(a => parseTime(a.submittedAt)));
            if (Number.isFinite(approved))
                this.leadTimes.push(at - approved);
        }
    }
    summary(chains, period) {
        const keys = [...this.weeks.keys()].sort((a, b) => a - b);
        const weeks = [];
        const first = keys[0];
        const last = keys[keys.length - 1];
        if (first !== undefined && last !== undefined) {
            for (let week = first; week <= last; week += WEEK_MS) {
                const counts = this.weeks.get(week) ?? { deploys: 0, emergencies: 0, blocked: 0 };
                weeks.push({ week: new Date(week).toISOString().slice(0, 10), ...counts });
            }
        }
        return {
            deploys: this.deploys,
            pullRequests: this.pullRequests,
            blocked: this.blocked,
            emergencies: this.emergencies,
            medianApprovalToDeployMs: median(this.leadTimes),
            weeks,
            environments: chains.map(c => c.environment),
            chains,
            ...periodBounds(period)
        };
    }
}
function median(values) {
    if (values.length === 0)
        return null;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1
        ? sorted[mid]
        : (sorted[mid - 1] + sorted[mid]) / 2;
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/cli/findings.ts




const FINDING_CODES = [
    'chain-broken',
    'seq-gap',
    'follow-up-missing',
    'follow-up-overdue',
    'follow-up-late',
    'follow-up-unknown',
    'blocked-then-emergency',
    'approval-after-deploy',
    'ticket-approved-after-deploy',
    'rubber-stamp-suspected'
];
/** The follow-up of an emergency is due this long after the deploy (SPEC §4). */
const FOLLOW_UP_WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * Reads the records of each environment in order and collects the findings that need nothing but the
 * ledger. Emergency deploys are kept so their follow-ups can be checked (`evaluateFollowUp`) once their
 * status is known. Records after a break of the chain are still read (unverified), so that one tampered line
 * does not hide the findings after it.
 */
class FindingsCollector {
    findings = [];
    emergencies = [];
    records = 0;
    period;
    environment = '';
    lastSeq = null;
    gapLines = new Set();
    blockedShas = new Map();
    constructor(period) {
        this.period = period;
    }
    startEnvironment(environment) {
        this.environment = environment;
        this.lastSeq = null;
        this.gapLines = new Set();
        this.blockedShas = new Map();
    }
    /** A record whose chain link and shape were verified. */
    record(record, line) {
        this.records += 1;
        this.trackSeq(record, line);
        const at = parseTime(record.decidedAt);
        if (record.decision === 'block') {
            this.blockedShas.set(record.sha.toLowerCase(), record);
            return;
        }
        if (!inPeriod(this.period, at))
            return;
        this.checkDeploy(record, line, at);
    }
    /** A line after the chain broke: read if it is a record at all, for the findings it may still show. */
    unverified(text, line) {
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            return;
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
            return;
        const record = parsed;
        if (typeof record.seq !== 'number' || typeof record.id !== 'string' || checkRecordShape(record) !== null)
            return;
        this.record(asEvidenceRecord(record), line);
    }
    /** After an environment's file was read: its first break, unless a seq gap already explains it. */
    endEnvironment(result) {
        const problem = result.problem;
        if (!problem || (problem.line !== null && this.gapLines.has(problem.line)))
            return;
        this.findings.push({
            code: 'chain-broken',
            environment: result.environment,
            seq: null,
            line: problem.line,
            recordId: null,
            decidedAt: null,
            sha: null,
            pullRequest: null,
            detail: `The hash chain is broken: ${describeProblem(problem)}. Records from there on are not evidence until the file is restored.`
        });
    }
    trackSeq(record, line) {
        const expected = (this.lastSeq ?? 0) + 1;
        if (record.seq > expected) {
            const missing = record.seq - expected === 1 ? `seq ${expected} is` : `seq ${expected} to ${record.seq - 1} are`;
            this.gapLines.add(line);
            this.push('seq-gap', record, line, null, `Records are missing from the chain: ${missing} not in the file.`);
        }
        this.lastSeq = Math.max(this.lastSeq ?? 0, record.seq);
    }
    checkDeploy(record, line, at) {
        if (record.emergency) {
            this.emergencies.push({
                environment: this.environment,
                seq: record.seq,
                line,
                recordId: record.id,
                decidedAt: utcTime(record.decidedAt),
                at,
                sha: record.sha,
                actor: record.emergency.actor,
                followUpUrl: record.emergency.followUp.url,
                followUpNotOpened: record.warnings.includes('follow-up-not-opened')
            });
            const blocked = this.blockedShas.get(record.sha.toLowerCase());
            if (blocked) {
                this.push('blocked-then-emergency', record, line, null, `This commit was blocked (seq ${blocked.seq}, ${utcTime(blocked.decidedAt)}: ${blocked.reasons.join(', ') || 'no reason recorded'}) ` +
                    `and then deployed with the emergency override by ${record.emergency.actor}.`);
            }
        }
        for (const change of record.changes) {
            for (const approval of change.approvals) {
                const approvedAt = parseTime(approval.submittedAt);
                if (approvedAt > at) {
                    this.push('approval-after-deploy', record, line, change.number, `Pull request #${change.number}: the approval by ${approval.login} is dated ${utcTime(approval.submittedAt)}, ` +
                        `${formatDuration(approvedAt - at)} after the deploy.`);
                }
            }
            const ticket = change.ticket;
            const ticketApprovedAt = ticket?.approvedAt ?? null;
            const ticketAt = ticketApprovedAt === null ? Number.NaN : parseTime(ticketApprovedAt);
            if (ticket && ticketApprovedAt !== null && ticketAt > at) {
                this.push('ticket-approved-after-deploy', record, line, change.number, `Pull request #${change.number}: ticket ${ticket.key} was approved ${utcTime(ticketApprovedAt)}, ` +
                    `${formatDuration(ticketAt - at)} after the deploy.`);
            }
        }
        if (record.warnings.includes('rubber-stamp-suspected')) {
            // The record holds the warning, not which approval raised it: the run's evidence file has the rule's detail.
            const prs = record.changes.map(c => `#${c.number}`);
            const which = prs.length === 1
                ? `pull request ${prs[0]} was approved`
                : `an approval of ${prs.length === 0 ? 'a pull request' : `one of pull requests ${prs.join(', ')}`} was submitted`;
            this.push('rubber-stamp-suspected', record, line, prs.length === 1 ? (record.changes[0]?.number ?? null) : null, `The gate recorded the rubber-stamp-suspected warning: ${which} less than rubber-stamp-seconds (default 60 s) ` +
                `after the last push. Check that the review was real; the evidence file of run ${record.run.url} names the approval and its delay.`);
        }
    }
    push(code, record, line, pullRequest, detail) {
        this.findings.push({
            code,
            environment: this.environment,
            seq: record.seq,
            line,
            recordId: record.id,
            decidedAt: utcTime(record.decidedAt),
            sha: record.sha,
            pullRequest,
            detail
        });
    }
}
/** Whether an emergency's follow-up needs to be looked up at `now`: it is due, and there is one. */
function followUpIsDue(emergency, now) {
    return emergency.followUpUrl !== null && now > emergency.at + FOLLOW_UP_WINDOW_MS;
}
/**
 * The finding, if any, for an emergency deploy's follow-up at `now`: none was opened; it is still open past
 * its 24 hours; it was closed late; or its state could not be established (which an auditor must check).
 */
function evaluateFollowUp(emergency, status, now) {
    const deadline = emergency.at + FOLLOW_UP_WINDOW_MS;
    const base = {
        environment: emergency.environment,
        seq: emergency.seq,
        line: emergency.line,
        recordId: emergency.recordId,
        decidedAt: emergency.decidedAt,
        sha: emergency.sha,
        pullRequest: null
    };
    const make = (code, detail) => ({ code, ...base, detail });
    const by = `The emergency deploy by ${emergency.actor}`;
    if (emergency.followUpUrl === null) {
        const why = emergency.followUpNotOpened
            ? 'the gate could not open it (the record has the follow-up-not-opened warning)'
            : 'no follow-up is recorded (the gate opens none with retrospective: none)';
        return make('follow-up-missing', `${by} has no follow-up: ${why}. Ask for the retrospective of this deploy and when it was held.`);
    }
    if (status?.state === 'closed') {
        const closedAt = parseTime(status.closedAt);
        if (closedAt <= deadline)
            return null;
        return make('follow-up-late', `${by}: follow-up ${emergency.followUpUrl} was closed ${utcTime(status.closedAt)}, ${formatDuration(closedAt - emergency.at)} after the deploy (due within 24 h).`);
    }
    if (now <= deadline)
        return null;
    if (status?.state === 'open') {
        return make('follow-up-overdue', `${by}: follow-up ${emergency.followUpUrl} is still open, ${formatDuration(now - emergency.at)} after the deploy (due within 24 h).`);
    }
    const reason = status?.state === 'unknown' ? status.reason : 'its state was not looked up';
    return make('follow-up-unknown', `${by}: whether follow-up ${emergency.followUpUrl} was closed within 24 h is unknown (${reason}); check it by hand.`);
}
/** Findings in the order an auditor walks them: by deploy time, then environment and seq. */
function sortFindings(findings) {
    const time = (f) => (f.decidedAt === null ? -Infinity : parseTime(f.decidedAt));
    return [...findings].sort((a, b) => time(a) - time(b) ||
        (a.environment < b.environment ? -1 : a.environment > b.environment ? 1 : 0) ||
        (a.seq ?? 0) - (b.seq ?? 0) ||
        FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code));
}
function formatFindingsText(report) {
    const out = [
        `Ledger: ${report.source}`,
        `Period: ${periodText(report.period)}; clock: ${report.now}; ${report.records} records in ${report.environments.length} environment${report.environments.length === 1 ? '' : 's'}`,
        ''
    ];
    for (const f of report.findings) {
        const where = [
            JSON.stringify(f.environment),
            f.seq === null ? (f.line === null ? null : `line ${f.line}`) : `seq ${f.seq}`,
            f.decidedAt,
            f.sha === null ? null : `sha ${f.sha.slice(0, 12)}`
        ]
            .filter(x => x !== null)
            .join(' ');
        // The detail quotes ledger text: control characters would let it rewrite the terminal.
        // eslint-disable-next-line no-control-regex
        const detail = f.detail.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
        out.push(`[${f.code}] ${where}`, `    ${detail}`);
    }
    if (report.findings.length === 0) {
        out.push('No findings.');
    }
    else {
        const counts = new Map();
        for (const f of report.findings)
            counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
        const summary = FINDING_CODES.filter(c => counts.has(c))
            .map(c => `${counts.get(c)} ${c}`)
            .join(', ');
        out.push('', `${report.findings.length} ${report.findings.length === 1 ? 'finding' : 'findings'}: ${summary}.`);
    }
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/follow-ups.ts


/** Without a token nothing is asked: every follow-up's state is unknown, and says why. */
function unknownFollowUps(reason) {
    return { status: () => Promise.resolve({ state: 'unknown', reason }) };
}
/**
 * Asks GitHub (`GET /repos/{owner}/{repo}/issues/{number}`, `closed_at`) about follow-ups that are issues on
 * the server the API URL belongs to. Anything else (a Jira follow-up, an issue on another server) is
 * unknown. The token goes only to `apiUrl`, in a header; no message carries it.
 */
function githubFollowUps(options) {
    const api = options.apiUrl.replace(/\/+$/, '');
    const host = webHost(api);
    const doFetch = options.fetch ?? fetch;
    const timeoutMs = options.timeoutMs ?? 15_000;
    const retryDelayMs = options.retryDelayMs ?? 1000;
    const cache = new Map();
    async function ask(owner, repo, number) {
        const url = `${api}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/issues/${number}`;
        let last = '';
        for (let attempt = 1; attempt <= 2; attempt += 1) {
            if (attempt > 1)
                await new Promise(resolve => setTimeout(resolve, retryDelayMs));
            let response;
            try {
                response = await doFetch(url, {
                    headers: {
                        accept: 'application/vnd.github+json',
                        authorization: `Bearer ${options.token}`,
                        'x-github-api-version': '2022-11-28',
                        'user-agent': 'deploy-gate-cli'
                    },
                    signal: AbortSignal.timeout(timeoutMs)
                });
            }
            catch (error) {
                last = `GitHub could not be reached: ${(0,errors/* getErrorMessage */.u1)(error)}`;
                continue;
            }
            if (response.status >= 500 || response.status === 429) {
                last = `GitHub answered ${response.status}`;
                await response.body?.cancel();
                continue;
            }
            if (!response.ok) {
                await response.body?.cancel();
                return { state: 'unknown', reason: explainStatus(response.status, `${owner}/${repo}`) };
            }
            return readIssue(await response.json().catch(() => null));
        }
        return { state: 'unknown', reason: last };
    }
    return {
        status(url) {
            const issue = parseIssueUrl(url);
            if (!issue)
                return Promise.resolve({ state: 'unknown', reason: 'not a GitHub issue URL' });
            if (issue.host !== host) {
                return Promise.resolve({
                    state: 'unknown',
                    reason: `the issue is on ${issue.host}, the GitHub API URL is for ${host}`
                });
            }
            const key = `${issue.owner}/${issue.repo}#${issue.number}`.toLowerCase();
            let pending = cache.get(key);
            if (!pending) {
                pending = ask(issue.owner, issue.repo, issue.number);
                cache.set(key, pending);
            }
            return pending;
        }
    };
}
function readIssue(body) {
    if (body === null || typeof body !== 'object')
        return { state: 'unknown', reason: 'GitHub answered with something that is not an issue' };
    const issue = body;
    if (issue.state === 'closed' &&
        typeof issue.closed_at === 'string' &&
        !Number.isNaN(Date.parse(issue.closed_at))) {
        return { state: 'closed', closedAt: issue.closed_at };
    }
    if (issue.state === 'open')
        return { state: 'open' };
    return { state: 'unknown', reason: 'GitHub answered with an issue state that could not be read' };
}
function explainStatus(status, repository) {
    switch (status) {
        case 401:
            return 'GitHub answered 401: the token was not accepted';
        case 403:
            return `GitHub answered 403: the token may not read issues of ${repository} (it needs "issues: read")`;
        case 404:
            return `GitHub answered 404: the issue does not exist, or the token cannot see ${repository}`;
        case 410:
            return 'GitHub answered 410: the issue was deleted';
        default:
            return `GitHub answered ${status}`;
    }
}
/**
 * Asks Jira about follow-ups that are issues of the site at `baseUrl` (`<baseUrl>/browse/<KEY>`, the link
 * `retrospective: jira` records); any other follow-up goes to `otherwise`. A follow-up counts as closed when
 * Jira gives it a resolution date; one in a done status without a resolution date is unknown (it cannot be
 * dated). The credentials stay inside `reader`.
 */
function jiraFollowUps(baseUrl, reader, otherwise) {
    const site = `${baseUrl.replace(/\/+$/, '')}/browse/`;
    const cache = new Map();
    async function ask(key) {
        try {
            const answer = await reader.readResolution(key);
            if (!answer.found)
                return {
                    state: 'unknown',
                    reason: `Jira has no issue ${answer.key}, or the credentials cannot see it`
                };
            if (answer.resolvedAt !== null)
                return { state: 'closed', closedAt: answer.resolvedAt };
            if (answer.done)
                return { state: 'unknown', reason: `${answer.key} is done, but Jira gives it no resolution date` };
            return { state: 'open' };
        }
        catch (error) {
            return { state: 'unknown', reason: (0,errors/* getErrorMessage */.u1)(error) };
        }
    }
    return {
        status(url) {
            const key = url.startsWith(site)
                ? /^([A-Za-z][A-Za-z0-9_]*-[1-9]\d*)\/?$/.exec(url.slice(site.length))?.[1]
                : undefined;
            if (key === undefined)
                return otherwise.status(url);
            let pending = cache.get(key.toUpperCase());
            if (!pending) {
                pending = ask(key);
                cache.set(key.toUpperCase(), pending);
            }
            return pending;
        }
    };
}
/** `https://<host>/<owner>/<repo>/issues/<n>` → its parts; null for anything else. */
function parseIssueUrl(url) {
    const parsed = parseHttpUrl(url);
    if (!parsed)
        return null;
    // GitHub's owner and repository names use only these characters.
    const match = /^\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/issues\/([1-9]\d*)\/?$/.exec(parsed.pathname);
    if (!match)
        return null;
    return {
        host: parsed.host.toLowerCase(),
        owner: match[1],
        repo: match[2],
        number: match[3]
    };
}
/** The web host whose issues an API URL serves: api.github.com → github.com; GHES `host/api/v3` → host. */
function webHost(apiUrl) {
    const parsed = new URL(apiUrl);
    const host = parsed.host.toLowerCase();
    if (host === 'api.github.com')
        return 'github.com';
    // GHE.com data residency: api.<tenant>.ghe.com serves <tenant>.ghe.com.
    if (host.startsWith('api.') && host.endsWith('.ghe.com'))
        return host.slice(4);
    return host;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(421);
;// CONCATENATED MODULE: ./src/cli/git.ts

/**
 * Environment for the git CLI: never prompt (an auditor's script must not hang on a password prompt; use a
 * credential helper or SSH), messages in English, and, when `isolated`, none of the user's configuration,
 * so that the output parsed below has one format whatever `diff.noprefix` or `log.showSignature` say.
 */
function gitEnv(base, isolated) {
    const env = {};
    for (const [key, value] of Object.entries(base))
        if (value !== undefined)
            env[key] = value;
    env.GIT_TERMINAL_PROMPT = '0';
    env.LC_ALL = 'C';
    if (isolated) {
        env.GIT_CONFIG_NOSYSTEM = '1';
        env.GIT_CONFIG_GLOBAL = '/dev/null';
    }
    return env;
}
/** Runs git to completion; resolves with stdout, or rejects with exit code and stderr. */
function runGit(args, env, cwd, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        child.stdin.on('error', () => undefined);
        child.stdin.end(input ?? '');
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', error => reject(Object.assign(error, { exitCode: null, stderr: error.message })));
        child.on('close', code => {
            if (code === 0)
                resolve(Buffer.concat(out).toString('utf8'));
            else
                reject(Object.assign(new Error(`git exited with ${code}`), {
                    exitCode: code,
                    stderr: Buffer.concat(err).toString('utf8')
                }));
        });
    });
}
/** A git URL as it may be shown: no user name or password (where tokens hide in https URLs). */
function redactGitUrl(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}
/** git's stderr, without any credentials of `url` it may echo, trimmed to its last lines. */
function gitMessage(stderr, url) {
    let text = stderr;
    const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*)@/i.exec(url)?.[1];
    if (userinfo) {
        text = text.split(url).join(redactGitUrl(url)).split(userinfo).join('***');
        for (const part of userinfo.split(':'))
            if (part.length >= 4)
                text = text.split(part).join('***');
    }
    const lines = text
        .trim()
        .split('\n')
        .filter(l => l.trim() !== '');
    return lines.slice(-3).join(' / ') || 'no message from git';
}

;// CONCATENATED MODULE: ./src/cli/source.ts





/** The SPEC's default `evidence-branch`. */
const DEFAULT_BRANCH = 'deploy-evidence';
/** A source that could not be opened for a reason other than the command line (network, missing branch). */
class SourceError extends Error {
    name = 'SourceError';
}
async function openSource(options, env) {
    if (options.dir !== undefined && options.git !== undefined)
        throw new UsageError('give either --dir or --git, not both');
    if (options.dir === undefined && options.git === undefined) {
        throw new UsageError('name the ledger: --dir PATH (a folder holding ledger/) or --git URL [--branch NAME]');
    }
    if (options.dir !== undefined) {
        if (options.branch !== undefined)
            throw new UsageError('--branch goes with --git, not with --dir');
        const root = (0,external_node_path_.resolve)(options.dir);
        const info = await (0,promises_namespaceObject.stat)(root).catch(() => null);
        if (!info?.isDirectory())
            throw new UsageError(`--dir: ${options.dir} is not a folder`);
        return { root, description: root, git: null, close: () => Promise.resolve() };
    }
    return cloneSource(options.git, options.branch ?? DEFAULT_BRANCH, env);
}
async function cloneSource(url, branch, env) {
    if (url === '' || url.startsWith('-'))
        throw new UsageError(`--git: ${JSON.stringify(url)} is not a git URL`);
    const shown = `branch ${branch} of ${redactGitUrl(url)}`;
    const tmp = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)(env.TMPDIR ?? (0,external_node_os_namespaceObject.tmpdir)(), 'deploy-gate-cli-'));
    const close = () => (0,promises_namespaceObject.rm)(tmp, { recursive: true, force: true });
    const repoDir = (0,external_node_path_.join)(tmp, 'ledger');
    try {
        const check = await runGit(['check-ref-format', '--branch', branch], gitEnv(env, true)).catch(() => null);
        if (check === null)
            throw new UsageError(`--branch: ${JSON.stringify(branch)} is not a valid branch name`);
        // The user's git configuration applies to the clone (credential helpers, proxies); the full history of
        // the one branch is fetched, for the append-only walk.
        await runGit(['clone', '--quiet', '--no-tags', '--single-branch', '--branch', branch, '--', url, repoDir], gitEnv(env, false)).catch((error) => {
            if (error.exitCode === null || error.exitCode === undefined) {
                throw new SourceError(`cannot run git (is it installed?): ${error.message}`);
            }
            throw new SourceError(`cannot clone ${shown}: ${gitMessage(error.stderr ?? '', url)}`);
        });
        return { root: repoDir, description: shown, git: { repoDir, env: gitEnv(env, true) }, close };
    }
    catch (error) {
        await close();
        throw error;
    }
}

;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/cli/git-history.ts








const LEDGER_PATH = /^ledger\/[^/]+\.jsonl$/;
const COMMIT_MARK = '\u0001commit ';
const REGULAR_FILE = /^100(644|755)$/;
/**
 * Walks the whole history of the checked-out branch of `repoDir`, oldest first, and finds the first commit
 * that did anything but append whole lines at the end of `ledger/*.jsonl` files: removed or changed a line,
 * inserted one before the end, deleted, renamed or re-moded a file, touched another file, or merged. That
 * catches what the hash chain alone cannot: a removed last record leaves no gap in the chain, but it leaves
 * a commit that removed a line. The root commit may also create other files (a README).
 *
 * No diffs are computed. `git log --raw` lists, per commit, the blob each file became; a file only ever
 * grew by appending iff every version of it is a prefix of its final version, ending at a line end, and the
 * versions grow. A version is checked by hashing that prefix of the final file as a git blob and comparing
 * the id git recorded. The cost is the sum of the versions' sizes (hashing at ~1.8 GB/s here), memory stays
 * flat. A last line written without its newline may get it from the next append.
 */
async function checkAppendOnly(repoDir, env) {
    const walk = new HistoryWalk();
    await streamTokens(repoDir, env, [
        'log',
        '--reverse',
        // The branch's own line of commits: a merge shows up as itself, not as the side line it brought in.
        '--first-parent',
        '--root',
        '--no-renames',
        '--raw',
        '--no-abbrev',
        '-z',
        '--format=%x01commit %H %P',
        'HEAD'
    ], token => walk.push(token));
    if (walk.violation)
        return { commits: walk.commits, violation: walk.violation };
    const violation = await checkVersions(repoDir, env, walk.versions);
    return { commits: walk.commits, violation };
}
/**
 * The structural half of the walk, over the NUL-separated tokens of `git log --raw -z`: commits in a single
 * line without merges, and only ledger files added or modified (other files only in the root commit).
 * Collects each ledger file's versions for `checkVersions`.
 */
class HistoryWalk {
    commits = 0;
    violation = null;
    /** By ledger path, in commit order. */
    versions = new Map();
    commit = '';
    previousCommit = null;
    isRoot = false;
    pending = null;
    /** Feeds one token; returns false once a violation was found (nothing more needs reading). */
    push(token) {
        if (this.violation)
            return false;
        if (token.startsWith(COMMIT_MARK)) {
            this.startCommit(token.slice(COMMIT_MARK.length).trim().split(' '));
        }
        else if (this.pending) {
            this.entry(this.pending, token);
            this.pending = null;
        }
        else {
            // `:<old mode> <new mode> <old blob> <new blob> <status>`, then the path as the next token.
            const raw = token.replace(/^\n/, '');
            const match = /^:(\d{6}) (\d{6}) [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(raw);
            if (!match) {
                if (raw.trim() !== '')
                    this.fail(`has a change git did not describe as expected ("${raw.slice(0, 40)}")`, null);
            }
            else {
                this.pending = {
                    oldMode: match[1],
                    newMode: match[2],
                    blob: match[3],
                    status: match[4]
                };
            }
        }
        return this.violation === null;
    }
    fail(message, file) {
        this.violation ??= { commit: this.commit, file, message };
    }
    startCommit(fields) {
        const [hash = '', ...parents] = fields.filter(f => f !== '');
        this.commit = hash;
        this.commits += 1;
        this.isRoot = parents.length === 0;
        if (parents.length > 1)
            return this.fail('is a merge commit: the ledger branch is only ever fast-forwarded', null);
        if (this.isRoot && this.previousCommit !== null)
            return this.fail('is a second root commit', null);
        if (!this.isRoot && parents[0] !== this.previousCommit) {
            return this.fail('does not follow the previous commit: the history is not a single line', null);
        }
        this.previousCommit = hash;
    }
    entry(change, path) {
        if (!LEDGER_PATH.test(path)) {
            if (!this.isRoot)
                this.fail(`changed ${path}, which is not a ledger file`, path);
            return;
        }
        switch (change.status) {
            case 'A':
                if (!REGULAR_FILE.test(change.newMode))
                    return this.fail(`created ${path} as something other than a regular file`, path);
                break;
            case 'M':
                if (change.oldMode !== change.newMode)
                    return this.fail(`changed the mode of ${path}`, path);
                break;
            case 'D':
                return this.fail(`deleted ${path}`, path);
            case 'T':
                return this.fail(`changed the type of ${path}`, path);
            default:
                return this.fail(`changed ${path} in a way git calls "${change.status}"`, path);
        }
        const list = this.versions.get(path) ?? [];
        list.push({ index: this.commits - 1, commit: this.commit, blob: change.blob });
        this.versions.set(path, list);
    }
}
/**
 * Checks each ledger file's versions against its final version: sizes grow, and each earlier version is a
 * prefix of the final one that ends at a line end (or just before the newline the next append adds).
 * Returns the violation of the earliest commit among the files, or null.
 */
async function checkVersions(repoDir, env, files) {
    const sizes = await blobSizes(repoDir, env, [...files.values()].flatMap(list => list.map(v => v.blob)));
    const scratch = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_.join)((0,external_node_os_namespaceObject.tmpdir)(), 'deploy-gate-history-'));
    try {
        let first = null;
        for (const [path, versions] of files) {
            const final = versions[versions.length - 1];
            const finalPath = (0,external_node_path_.join)(scratch, 'final');
            await writeBlob(repoDir, env, final.blob, finalPath);
            const found = await checkFileVersions(path, versions, v => sizes.get(v.blob) ?? -1, finalPath);
            if (found && (first === null || found.index < first.index))
                first = found;
        }
        return first && { commit: first.commit, file: first.file, message: first.message };
    }
    finally {
        await (0,promises_namespaceObject.rm)(scratch, { recursive: true, force: true });
    }
}
/** The check of one file's versions, given their sizes and the final version's bytes in `finalPath`. */
async function checkFileVersions(path, versions, sizeOf, finalPath) {
    const violation = (at, message) => ({
        commit: at.commit,
        index: at.index,
        file: path,
        message
    });
    for (let i = 1; i < versions.length; i += 1) {
        const before = versions[i - 1];
        const after = versions[i];
        if (sizeOf(after) <= sizeOf(before)) {
            return violation(after, `${sizeOf(after) < sizeOf(before) ? 'removed' : 'changed'} lines of ${path} (it went from ${sizeOf(before)} to ${sizeOf(after)} bytes)`);
        }
    }
    const handle = await (0,promises_namespaceObject.open)(finalPath, 'r');
    const buffer = Buffer.allocUnsafe(1 << 20);
    try {
        // The latest version that is not a prefix of the final one: the commit after it changed what was there.
        for (let i = versions.length - 2; i >= 0; i -= 1) {
            const version = versions[i];
            const next = versions[i + 1];
            const size = sizeOf(version);
            if (!(await isBlobPrefix(handle, size, version.blob, buffer))) {
                return violation(next, `changed or removed lines of ${path} that commit ${version.commit} had written`);
            }
            const around = Buffer.alloc(2);
            const { bytesRead } = await handle.read(around, 0, 2, Math.max(0, size - 1));
            const endsLine = size === 0 || around[0] === 10 || (bytesRead === 2 && around[1] === 10);
            if (!endsLine)
                return violation(next, `changed the unfinished last line of ${path} that commit ${version.commit} had written`);
        }
    }
    finally {
        await handle.close();
    }
    return null;
}
/** Whether the first `size` bytes of the file are the blob `blob` (its git id, SHA-1 or SHA-256). */
async function isBlobPrefix(handle, size, blob, buffer) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)(blob.length === 64 ? 'sha256' : 'sha1').update(`blob ${size}\0`);
    for (let at = 0; at < size;) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - at), at);
        if (bytesRead === 0)
            return false;
        hash.update(buffer.subarray(0, bytesRead));
        at += bytesRead;
    }
    return hash.digest('hex') === blob;
}
async function blobSizes(repoDir, env, blobs) {
    const sizes = new Map();
    const unique = [...new Set(blobs)];
    if (unique.length === 0)
        return sizes;
    const out = await runGit(['cat-file', '--batch-check=%(objectname) %(objectsize)'], env, repoDir, `${unique.join('\n')}\n`);
    for (const line of out.split('\n')) {
        const [name, size] = line.split(' ');
        if (name && size && /^\d+$/.test(size))
            sizes.set(name, Number(size));
    }
    return sizes;
}
function writeBlob(repoDir, env, blob, to) {
    const child = (0,external_node_child_process_.spawn)('git', ['cat-file', 'blob', blob], {
        cwd: repoDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe']
    });
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', code => code === 0 ? resolve() : reject(new Error(`git cat-file blob ${blob} exited with ${code}`)));
    });
    return Promise.all([(0,external_node_stream_promises_namespaceObject.pipeline)(child.stdout, (0,external_node_fs_.createWriteStream)(to)), exited]).then(() => undefined);
}
/** Runs git and hands its NUL-separated stdout to `onToken`; false stops it (git is killed). */
function streamTokens(cwd, env, args, onToken) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        const err = [];
        let carry = '';
        let stopped = false;
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
            if (stopped)
                return;
            const parts = (carry + chunk).split('\0');
            carry = parts.pop() ?? '';
            for (const part of parts) {
                if (!onToken(part)) {
                    stopped = true;
                    child.kill();
                    return;
                }
            }
        });
        child.on('error', reject);
        child.on('close', code => {
            if (!stopped && carry !== '')
                onToken(carry);
            if (code === 0 || stopped)
                resolve();
            else
                reject(new Error(`git log exited with ${code}: ${Buffer.concat(err).toString('utf8').trim()}`));
        });
    });
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(919);
;// CONCATENATED MODULE: ./src/cli/parallel-scan.ts




/**
 * `deploy-gate verify` on a large chain file: the file is cut at line starts into one part per CPU, worker
 * threads verify the parts at once (each reads only its bytes), and the parts are joined here. A part
 * starts after the record on the line before it, as that record claims to be (`id`, `seq`); the part
 * before verifies that the claim is true, so the joined result is the one a single pass would give: the
 * first problem in file order, the records verified before it, the tip.
 */
const TASK = 'deploy-gate/scan-chain-part';
async function scanChainParallel(file, options = {}) {
    const workers = Math.min(options.workers ?? (0,external_node_os_namespaceObject.availableParallelism)(), 8);
    const size = (await (0,promises_namespaceObject.stat)(file.path)).size;
    if (workers < 2 || size < (options.minBytes ?? 8 * 1024 * 1024))
        return scanChain(file);
    const parts = await planParts(file.path, size, workers);
    if (parts.length < 2)
        return scanChain(file);
    let results;
    try {
        results = await Promise.all(parts.map(part => runPart({ task: TASK, file, part })));
    }
    catch (error) {
        // Worker threads unavailable (a restricted runtime): the single pass gives the same answer.
        if (options.fallback === false)
            throw error;
        return scanChain(file);
    }
    return join(file, results);
}
/** Joins the parts' results in file order: everything up to the first part with a problem. */
function join(file, results) {
    let records = 0;
    let lines = 0;
    let tip = null;
    for (const result of results) {
        tip = result.tip ?? tip;
        if (result.problem) {
            const line = result.problem.line === null ? null : result.problem.line + lines;
            return {
                environment: file.environment,
                file: file.name,
                records: records + result.records,
                lines: lines + result.lines,
                tip,
                problem: { ...result.problem, line }
            };
        }
        records += result.records;
        lines += result.lines;
    }
    return { environment: file.environment, file: file.name, records, lines, tip, problem: null };
}
/**
 * Cuts the file into about `count` parts at line starts, each with the link claimed by the line before it.
 * A line before a cut that is not a record gives no link: the part before reports that line as its problem,
 * which comes first.
 */
async function planParts(path, size, count) {
    const handle = await (0,promises_namespaceObject.open)(path, 'r');
    try {
        const cuts = [0];
        for (let k = 1; k < count; k += 1) {
            const cut = await nextLineStart(handle, Math.floor((size * k) / count), size);
            if (cut !== null && cut > cuts[cuts.length - 1] && cut < size)
                cuts.push(cut);
        }
        const parts = [];
        for (let i = 0; i < cuts.length; i += 1) {
            const start = cuts[i];
            const end = cuts[i + 1] ?? size;
            parts.push({ range: { start, end }, after: i === 0 ? null : await linkBefore(handle, start) });
        }
        return parts;
    }
    finally {
        await handle.close();
    }
}
/** The first byte after the first `\n` at or after `from`; null when there is none. */
async function nextLineStart(handle, from, size) {
    const buffer = Buffer.alloc(64 * 1024);
    for (let at = from; at < size; at += buffer.length) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
        const newline = buffer.subarray(0, bytesRead).indexOf(10);
        if (newline !== -1)
            return at + newline + 1;
        if (bytesRead === 0)
            break;
    }
    return null;
}
/** `{ id, seq }` as claimed by the line that ends just before `start`; null when it is not a record. */
async function linkBefore(handle, start) {
    const chunks = [];
    let end = start - 1; // the `\n` that ends the line
    while (end > 0) {
        const from = Math.max(0, end - 64 * 1024);
        const buffer = Buffer.alloc(end - from);
        await handle.read(buffer, 0, buffer.length, from);
        const newline = buffer.lastIndexOf(10);
        if (newline !== -1) {
            chunks.unshift(buffer.subarray(newline + 1));
            break;
        }
        chunks.unshift(buffer);
        end = from;
    }
    try {
        const record = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        return typeof record.id === 'string' && typeof record.seq === 'number'
            ? { id: record.id, seq: record.seq }
            : null;
    }
    catch {
        return null;
    }
}
function runPart(task) {
    return new Promise((resolve, reject) => {
        const source = new URL(import.meta.url);
        // From the TypeScript sources (tests, benchmarks) the worker needs the hook that maps `.js` imports to
        // `.ts`; the bundle is one JavaScript file and needs nothing.
        // (The path is assembled so that the bundler does not copy the hook into dist/ as an asset.)
        const hooks = ['..', '..', 'scripts', 'ts-hooks.mjs'].join('/');
        const execArgv = source.pathname.endsWith('.ts') ? ['--import', new URL(hooks, import.meta.url).href] : [];
        const worker = new external_node_worker_threads_.Worker(source, { workerData: task, execArgv });
        let settled = false;
        worker.once('message', (result) => {
            settled = true;
            resolve(result);
        });
        worker.once('error', error => {
            settled = true;
            reject(error);
        });
        worker.once('exit', code => {
            if (!settled)
                reject(new Error(`a verification worker exited with ${code} before it answered`));
        });
    });
}
// Loaded as one of the workers above (the bundle loads this module in every thread).
const task = external_node_worker_threads_.isMainThread ? null : external_node_worker_threads_.workerData;
if (task?.task === TASK && external_node_worker_threads_.parentPort) {
    const port = external_node_worker_threads_.parentPort;
    void scanChain(task.file, {}, task.part).then(result => port.postMessage(result));
}

;// CONCATENATED MODULE: ./src/cli/verify.ts




/**
 * `deploy-gate verify`: every chain file in full (each stops at its first problem), the file names, and for a
 * git source the branch history. Intact only when all of it is.
 */
async function verifyLedger(source, options = {}) {
    const listing = await listLedger(source.root, source.description);
    const environments = [];
    for (const file of listing.files)
        environments.push(await scanChainParallel(file, options));
    const history = source.git ? await checkAppendOnly(source.git.repoDir, source.git.env) : null;
    // A misnamed .jsonl file may be a chain no one verifies; other files under ledger/ are only noted.
    const misnamed = listing.stray.filter(s => s.name.endsWith('.jsonl'));
    // Nothing to verify is not evidence of integrity: a wrong folder or branch must not read as INTACT.
    const intact = environments.length > 0 &&
        environments.every(e => e.problem === null) &&
        misnamed.length === 0 &&
        (history?.violation ?? null) === null;
    return { source: source.description, environments, stray: listing.stray, history, intact };
}
function formatVerifyText(report) {
    const out = [`Ledger: ${report.source}`];
    if (report.environments.length === 0) {
        out.push('No environment chains (ledger/*.jsonl) found: nothing was verified. Is this the ledger folder or branch?');
    }
    for (const env of report.environments) {
        const name = JSON.stringify(env.environment);
        if (env.problem) {
            out.push(`BROKEN  ${name}: ${describeProblem(env.problem)}`);
            out.push(`        ${plural(env.records, 'record')} verified before it.`);
        }
        else {
            const tip = env.tip ? `, tip seq ${env.tip.seq} id ${env.tip.id}` : '';
            out.push(`ok      ${name}: ${plural(env.records, 'record')} (${env.file}${tip})`);
        }
    }
    for (const stray of report.stray) {
        const breaks = stray.name.endsWith('.jsonl');
        out.push(`${breaks ? 'BROKEN ' : 'note   '} ${stray.name}: ${stray.problem}${breaks ? '' : ' (ignored)'}`);
    }
    if (report.history) {
        const v = report.history.violation;
        out.push(v
            ? `BROKEN  history: commit ${v.commit} ${v.message} (the ledger branch may only ever append lines)`
            : `ok      history: ${plural(report.history.commits, 'commit')}, each only appended lines to ledger files`);
    }
    const total = report.environments.reduce((n, e) => n + e.records, 0);
    out.push(report.intact
        ? `INTACT: ${plural(report.environments.length, 'environment')}, ${plural(total, 'record')}.`
        : report.environments.length === 0
            ? 'NOT VERIFIED: the source holds no ledger records.'
            : 'BROKEN: the ledger has been changed, or was not written as SPEC §5 describes.');
    return `${out.join('\n')}\n`;
}
function formatVerifyJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/cli/main.ts















/** Exit codes of SPEC §6. */
const EXIT = { ok: 0, failed: 1, usage: 2 };
const EXPORT_FORMATS = ['csv', 'jsonl', 'md', 'html'];
const REPORT_FORMATS = ['text', 'json'];
/**
 * The `deploy-gate` command line (SPEC §6). `argv` is what follows the program name. Resolves with the exit
 * code: 0 intact / no findings, 1 broken / findings (or the ledger could not be read), 2 usage.
 */
async function main(argv, io = processIo()) {
    let code = EXIT.ok;
    const program = buildProgram(io, exitCode => {
        code = exitCode;
    });
    try {
        await program.parseAsync([...argv], { from: 'user' });
        return code;
    }
    catch (error) {
        if (error instanceof CommanderError) {
            // Commander has printed its message (naming the option) already. Help that was asked for exits 0;
            // help shown because no command was given is a usage error.
            return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
        }
        if (error instanceof UsageError) {
            io.stderr(`deploy-gate: error: ${error.message}\n(see deploy-gate ${commandOf(argv)} --help)\n`);
            return EXIT.usage;
        }
        io.stderr(`deploy-gate: ${error instanceof BrokenLedgerError || error instanceof SourceError ? '' : 'error: '}${plain((0,errors/* getErrorMessage */.u1)(error))}\n`);
        return EXIT.failed;
    }
}
function commandOf(argv) {
    return argv.find(a => ['verify', 'export', 'findings'].includes(a)) ?? '';
}
function buildProgram(io, setExit) {
    const program = new Command('deploy-gate')
        .description('Read the deploy-gate evidence ledger: verify that it is intact, export the population of deploys, list audit findings.')
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .showHelpAfterError('(add --help for usage)')
        .allowExcessArguments(false);
    program.addHelpText('after', `
A ledger is a folder holding ledger/<environment>.jsonl (--dir, e.g. a checkout of the ledger branch)
or the ledger branch of a git repository (--git URL [--branch NAME], default branch ${DEFAULT_BRANCH}).

Examples:
  deploy-gate verify --git https://github.com/acme/app.git
  deploy-gate export --dir ./evidence --environment production --since 2024-01-01 --until 2024-06-30 --format csv -o population.csv
  deploy-gate findings --dir ./evidence --since 2024-01-01 --github-token "$GITHUB_TOKEN"`);
    withSource(program.command('verify'))
        .description('Check every chain: JSON, schema, id hashes (JCS + SHA-256), prev links, seq continuity, per environment. ' +
        'With --git, also that every commit of the ledger branch only appended lines. Exit 0 intact, 1 broken, 2 usage.')
        .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
        .action(async (flags) => {
        await withOpenSource(flags, io, async (source) => {
            const report = await verifyLedger(source);
            io.stdout(flags.format === 'json' ? formatVerifyJson(report) : plain(formatVerifyText(report)));
            setExit(report.intact ? EXIT.ok : EXIT.failed);
        });
    });
    withPeriod(withSource(program.command('export')))
        .description('Export the population of deploys in the period: one row per pull request of each allow record (emergencies ' +
        'included), with approvers and times, checks, ticket and emergency flag. The ledger is verified while it is ' +
        'read; a broken ledger is not exported (exit 1). Exit 0, or 2 usage.')
        .option('--include-blocked', 'also list blocked attempts', false)
        .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
        .option('-o, --output <file>', 'write to a file instead of standard output')
        .action(async (flags) => {
        const period = periodOf(flags);
        await withOpenSource(flags, io, async (source) => {
            const files = selectEnvironment(await listLedger(source.root, source.description), flags.environment);
            const { rows, summary } = await collectPopulation(files, {
                period,
                includeBlocked: flags.includeBlocked === true
            });
            const text = flags.format === 'csv'
                ? renderCsv(rows)
                : flags.format === 'jsonl'
                    ? rows.map(row => `${JSON.stringify(row)}\n`).join('')
                    : flags.format === 'md'
                        ? renderMarkdown(rows, summary)
                        : renderHtml(rows, summary);
            if (flags.output === undefined)
                io.stdout(text);
            else {
                await (0,promises_namespaceObject.writeFile)(flags.output, text, 'utf8');
                io.stderr(`deploy-gate: wrote ${rows.length} rows to ${flags.output}\n`);
            }
            setExit(EXIT.ok);
        });
    });
    withPeriod(withSource(program.command('findings')))
        .description('List audit findings: emergency deploys whose follow-up was not closed within 24 hours, blocked-then-emergency ' +
        'deploys, approvals or ticket approvals dated after the deploy, rubber-stamp warnings, seq gaps and chain breaks. ' +
        'Exit 0 none, 1 findings, 2 usage.')
        .addOption(new Option('--now <date>', 'the clock to judge follow-ups by (default: now)').argParser(parseDateArgument))
        .option('--github-token <token>', 'ask GitHub whether follow-up issues were closed, and when (or set DEPLOY_GATE_GITHUB_TOKEN); without it their state is unknown')
        .option('--github-api-url <url>', 'GitHub REST API base URL (default: $GITHUB_API_URL or https://api.github.com)')
        .option('--jira-url <url>', 'ask the Jira site at this URL whether follow-ups opened there were resolved, and when (or set DEPLOY_GATE_JIRA_URL); ' +
        'credentials from DEPLOY_GATE_JIRA_EMAIL and DEPLOY_GATE_JIRA_API_TOKEN (Cloud) or DEPLOY_GATE_JIRA_PAT (Data Center)')
        .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
        .action(async (flags) => {
        const period = periodOf(flags);
        const now = flags.now?.at ?? Date.now();
        const token = flags.githubToken ?? io.env.DEPLOY_GATE_GITHUB_TOKEN;
        const apiUrl = flags.githubApiUrl ?? io.env.GITHUB_API_URL ?? 'https://api.github.com';
        if (!/^https?:\/\/[^/]/.test(apiUrl) || !URL.canParse(apiUrl)) {
            throw new UsageError(`--github-api-url: ${JSON.stringify(apiUrl)} is not an http(s) URL`);
        }
        const jira = jiraSiteOf(flags.jiraUrl ?? io.env.DEPLOY_GATE_JIRA_URL, io.env);
        await withOpenSource(flags, io, async (source) => {
            const files = selectEnvironment(await listLedger(source.root, source.description), flags.environment);
            const collector = new FindingsCollector(period);
            for (const file of files) {
                collector.startEnvironment(file.environment);
                const result = await scanChain(file, {
                    record: (record, line) => collector.record(record, line),
                    unverified: (text, line) => collector.unverified(text, line)
                });
                collector.endEnvironment(result);
            }
            const github = token
                ? githubFollowUps({ apiUrl, token })
                : unknownFollowUps('no --github-token was given to ask GitHub');
            const lookup = jira ? await jiraLookup(jira, github) : github;
            const findings = [...collector.findings];
            for (const emergency of collector.emergencies) {
                const status = followUpIsDue(emergency, now)
                    ? await lookup.status(emergency.followUpUrl)
                    : null;
                const finding = evaluateFollowUp(emergency, status, now);
                if (finding)
                    findings.push(finding);
            }
            const report = {
                source: source.description,
                period: periodBounds(period),
                now: new Date(now).toISOString(),
                records: collector.records,
                environments: files.map(f => f.environment),
                findings: sortFindings(findings)
            };
            io.stdout(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : plain(formatFindingsText(report)));
            setExit(report.findings.length === 0 ? EXIT.ok : EXIT.failed);
        });
    });
    return program;
}
/** The Jira site and credentials `findings` asks about Jira follow-ups; null when no Jira URL is given. */
function jiraSiteOf(url, env) {
    if (url === undefined || url === '')
        return null;
    if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url) || new URL(url).username !== '') {
        throw new UsageError(`--jira-url: ${JSON.stringify(url)} is not an http(s) URL without credentials`);
    }
    const { DEPLOY_GATE_JIRA_EMAIL: email, DEPLOY_GATE_JIRA_API_TOKEN: apiToken, DEPLOY_GATE_JIRA_PAT: pat } = env;
    const baseUrl = url.replace(/\/+$/, '');
    if (pat && !email && !apiToken)
        return { baseUrl, auth: { kind: 'pat', token: pat } };
    if (email && apiToken && !pat)
        return { baseUrl, auth: { kind: 'basic', email, apiToken } };
    throw new UsageError('--jira-url: set DEPLOY_GATE_JIRA_EMAIL and DEPLOY_GATE_JIRA_API_TOKEN (Jira Cloud), or DEPLOY_GATE_JIRA_PAT ' +
        '(Jira Data Center), not both');
}
/** Jira follow-ups go to Jira (jira.js is loaded only then); every other follow-up to `otherwise`. */
async function jiraLookup(site, otherwise) {
    const { createJiraClient } = await __nccwpck_require__.e(/* import() */ 708).then(__nccwpck_require__.bind(__nccwpck_require__, 327));
    const names = {
        baseUrl: '--jira-url',
        email: 'DEPLOY_GATE_JIRA_EMAIL',
        apiToken: 'DEPLOY_GATE_JIRA_API_TOKEN',
        pat: 'DEPLOY_GATE_JIRA_PAT'
    };
    return jiraFollowUps(site.baseUrl, createJiraClient(site, { names }), otherwise);
}
function withSource(command) {
    return command
        .addOption(new Option('--dir <path>', 'a folder holding ledger/ (e.g. a checkout of the ledger branch)').conflicts('git'))
        .option('--git <url>', 'a git URL; the ledger branch is cloned with the git CLI into a temporary folder')
        .option('--branch <name>', `the ledger branch, with --git (default: ${DEFAULT_BRANCH})`);
}
function withPeriod(command) {
    return command
        .option('--environment <name>', 'only this environment (default: all)')
        .addOption(new Option('--since <date>', 'from this day (YYYY-MM-DD, UTC) or time (ISO 8601 with a zone)').argParser(parseDateArgument))
        .addOption(new Option('--until <date>', 'to the end of this day, or to this time').argParser(parseDateArgument));
}
function periodOf(flags) {
    const period = toPeriod(flags.since, flags.until);
    if (period.from !== null && period.before !== null && period.before <= period.from) {
        throw new UsageError(`--until: ${flags.until?.text} is before --since ${flags.since?.text}`);
    }
    return period;
}
async function withOpenSource(flags, io, fn) {
    const source = await openSource({ dir: flags.dir, git: flags.git, branch: flags.branch }, io.env);
    try {
        await fn(source);
    }
    finally {
        await source.close();
    }
}
/** Text for a terminal: control characters from ledger content cannot move the cursor or recolour output. */
function plain(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '?');
}


/***/ }),

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gA: () => (/* binding */ UpstreamError),
/* harmony export */   u1: () => (/* binding */ getErrorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export LedgerIntegrityError */
/** A mistake the user can fix in the workflow: names the input, the value and what is accepted. */
class ConfigError extends Error {
    name = 'ConfigError';
}
/** A service the gate depends on could not answer: the gate cannot establish a fact, so it blocks. */
class UpstreamError extends Error {
    name = 'UpstreamError';
    service;
    status;
    constructor(service, message, status = null) {
        super(message);
        this.service = service;
        this.status = status;
    }
}
/** The ledger exists but its chain is broken: it must not be extended. */
class LedgerIntegrityError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'LedgerIntegrityError';
}
function getErrorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}


/***/ }),

/***/ 992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ flatten),
/* harmony export */   TN: () => (/* binding */ oneLine)
/* harmony export */ });
/* unused harmony export truncate */
/**
 * Untrusted text (titles, logins, check names, justifications, Jira's answers) made one line: shared by the
 * job summary and annotations, the CLI's exports and the Jira follow-ups and messages, so that each strips
 * the same characters.
 */
// C0/C1 controls and the bidirectional and zero-width formatting characters that make text read otherwise
// than it is ("Trojan Source", CVE-2021-42574).
/* eslint-disable no-control-regex -- matching control characters is the point */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */
/** One line: invisible characters removed, line breaks and runs of white space made one space. */
function flatten(text) {
    return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
/**
 * At most `max` characters, the last one `…` when the text was cut. Cut between characters, not inside a
 * surrogate pair (untrusted text may end in an emoji).
 */
function truncate(text, max) {
    const chars = [...text];
    return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
/** One line for a message: control characters and runs of white space made one space, at most `max` characters. */
function oneLine(text, max) {
    const line = text
        // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return truncate(line, max);
}


/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 909:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { Argument } = __nccwpck_require__(154);
const { Command } = __nccwpck_require__(348);
const { CommanderError, InvalidArgumentError } = __nccwpck_require__(135);
const { Help } = __nccwpck_require__(754);
const { Option } = __nccwpck_require__(240);

exports.DM = new Command();

exports.gu = (name) => new Command(name);
exports.Ww = (flags, description) => new Option(flags, description);
exports.er = (name, description) => new Argument(name, description);

/**
 * Expose classes
 */

exports.uB = Command;
exports.c$ = Option;
exports.ef = Argument;
exports._V = Help;

exports.b7 = CommanderError;
exports.Di = InvalidArgumentError;
exports.a2 = InvalidArgumentError; // Deprecated


/***/ }),

/***/ 154:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { InvalidArgumentError } = __nccwpck_require__(135);

class Argument {
  /**
   * Initialize a new command argument with the given name and description.
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @param {string} name
   * @param {string} [description]
   */

  constructor(name, description) {
    this.description = description || '';
    this.variadic = false;
    this.parseArg = undefined;
    this.defaultValue = undefined;
    this.defaultValueDescription = undefined;
    this.argChoices = undefined;

    switch (name[0]) {
      case '<': // e.g. <required>
        this.required = true;
        this._name = name.slice(1, -1);
        break;
      case '[': // e.g. [optional]
        this.required = false;
        this._name = name.slice(1, -1);
        break;
      default:
        this.required = true;
        this._name = name;
        break;
    }

    if (this._name.endsWith('...')) {
      this.variadic = true;
      this._name = this._name.slice(0, -3);
    }
  }

  /**
   * Return argument name.
   *
   * @return {string}
   */

  name() {
    return this._name;
  }

  /**
   * @package
   */

  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }

    previous.push(value);
    return previous;
  }

  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Argument}
   */

  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }

  /**
   * Set the custom handler for processing CLI command arguments into argument values.
   *
   * @param {Function} [fn]
   * @return {Argument}
   */

  argParser(fn) {
    this.parseArg = fn;
    return this;
  }

  /**
   * Only allow argument value to be one of choices.
   *
   * @param {string[]} values
   * @return {Argument}
   */

  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(', ')}.`,
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }

  /**
   * Make argument required.
   *
   * @returns {Argument}
   */
  argRequired() {
    this.required = true;
    return this;
  }

  /**
   * Make argument optional.
   *
   * @returns {Argument}
   */
  argOptional() {
    this.required = false;
    return this;
  }
}

/**
 * Takes an argument and returns its human readable equivalent for help usage.
 *
 * @param {Argument} arg
 * @return {string}
 * @private
 */

function humanReadableArgName(arg) {
  const nameOutput = arg.name() + (arg.variadic === true ? '...' : '');

  return arg.required ? '<' + nameOutput + '>' : '[' + nameOutput + ']';
}

exports.Argument = Argument;
exports.humanReadableArgName = humanReadableArgName;


/***/ }),

/***/ 348:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const EventEmitter = (__nccwpck_require__(474).EventEmitter);
const childProcess = __nccwpck_require__(421);
const path = __nccwpck_require__(760);
const fs = __nccwpck_require__(24);
const process = __nccwpck_require__(708);

const { Argument, humanReadableArgName } = __nccwpck_require__(154);
const { CommanderError } = __nccwpck_require__(135);
const { Help, stripColor } = __nccwpck_require__(754);
const { Option, DualOptions } = __nccwpck_require__(240);
const { suggestSimilar } = __nccwpck_require__(30);

class Command extends EventEmitter {
  /**
   * Initialize a new `Command`.
   *
   * @param {string} [name]
   */

  constructor(name) {
    super();
    /** @type {Command[]} */
    this.commands = [];
    /** @type {Option[]} */
    this.options = [];
    this.parent = null;
    this._allowUnknownOption = false;
    this._allowExcessArguments = false;
    /** @type {Argument[]} */
    this.registeredArguments = [];
    this._args = this.registeredArguments; // deprecated old name
    /** @type {string[]} */
    this.args = []; // cli args with options removed
    this.rawArgs = [];
    this.processedArgs = []; // like .args but after custom processing and collecting variadic
    this._scriptPath = null;
    this._name = name || '';
    this._optionValues = {};
    this._optionValueSources = {}; // default, env, cli etc
    this._storeOptionsAsProperties = false;
    this._actionHandler = null;
    this._executableHandler = false;
    this._executableFile = null; // custom name for executable
    this._executableDir = null; // custom search directory for subcommands
    this._defaultCommandName = null;
    this._exitCallback = null;
    this._aliases = [];
    this._combineFlagAndOptionalValue = true;
    this._description = '';
    this._summary = '';
    this._argsDescription = undefined; // legacy
    this._enablePositionalOptions = false;
    this._passThroughOptions = false;
    this._lifeCycleHooks = {}; // a hash of arrays
    /** @type {(boolean | string)} */
    this._showHelpAfterError = false;
    this._showSuggestionAfterError = true;
    this._savedState = null; // used in save/restoreStateBeforeParse

    // see configureOutput() for docs
    this._outputConfiguration = {
      writeOut: (str) => process.stdout.write(str),
      writeErr: (str) => process.stderr.write(str),
      outputError: (str, write) => write(str),
      getOutHelpWidth: () =>
        process.stdout.isTTY ? process.stdout.columns : undefined,
      getErrHelpWidth: () =>
        process.stderr.isTTY ? process.stderr.columns : undefined,
      getOutHasColors: () =>
        useColor() ?? (process.stdout.isTTY && process.stdout.hasColors?.()),
      getErrHasColors: () =>
        useColor() ?? (process.stderr.isTTY && process.stderr.hasColors?.()),
      stripColor: (str) => stripColor(str),
    };

    this._hidden = false;
    /** @type {(Option | null | undefined)} */
    this._helpOption = undefined; // Lazy created on demand. May be null if help option is disabled.
    this._addImplicitHelpCommand = undefined; // undecided whether true or false yet, not inherited
    /** @type {Command} */
    this._helpCommand = undefined; // lazy initialised, inherited
    this._helpConfiguration = {};
    /** @type {string | undefined} */
    this._helpGroupHeading = undefined; // soft initialised when added to parent
    /** @type {string | undefined} */
    this._defaultCommandGroup = undefined;
    /** @type {string | undefined} */
    this._defaultOptionGroup = undefined;
  }

  /**
   * Copy settings that are useful to have in common across root command and subcommands.
   *
   * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
   *
   * @param {Command} sourceCommand
   * @return {Command} `this` command for chaining
   */
  copyInheritedSettings(sourceCommand) {
    this._outputConfiguration = sourceCommand._outputConfiguration;
    this._helpOption = sourceCommand._helpOption;
    this._helpCommand = sourceCommand._helpCommand;
    this._helpConfiguration = sourceCommand._helpConfiguration;
    this._exitCallback = sourceCommand._exitCallback;
    this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
    this._combineFlagAndOptionalValue =
      sourceCommand._combineFlagAndOptionalValue;
    this._allowExcessArguments = sourceCommand._allowExcessArguments;
    this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
    this._showHelpAfterError = sourceCommand._showHelpAfterError;
    this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;

    return this;
  }

  /**
   * @returns {Command[]}
   * @private
   */

  _getCommandAndAncestors() {
    const result = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    for (let command = this; command; command = command.parent) {
      result.push(command);
    }
    return result;
  }

  /**
   * Define a command.
   *
   * There are two styles of command: pay attention to where to put the description.
   *
   * @example
   * // Command implemented using action handler (description is supplied separately to `.command`)
   * program
   *   .command('clone <source> [destination]')
   *   .description('clone a repository into a newly created directory')
   *   .action((source, destination) => {
   *     console.log('clone command called');
   *   });
   *
   * // Command implemented using separate executable file (description is second parameter to `.command`)
   * program
   *   .command('start <service>', 'start named service')
   *   .command('stop [service]', 'stop named service, or all if no name supplied');
   *
   * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
   * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
   * @param {object} [execOpts] - configuration options (for executable)
   * @return {Command} returns new command for action handler, or `this` for executable command
   */

  command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
    let desc = actionOptsOrExecDesc;
    let opts = execOpts;
    if (typeof desc === 'object' && desc !== null) {
      opts = desc;
      desc = null;
    }
    opts = opts || {};
    const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);

    const cmd = this.createCommand(name);
    if (desc) {
      cmd.description(desc);
      cmd._executableHandler = true;
    }
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    cmd._hidden = !!(opts.noHelp || opts.hidden); // noHelp is deprecated old name for hidden
    cmd._executableFile = opts.executableFile || null; // Custom name for executable file, set missing to null to match constructor
    if (args) cmd.arguments(args);
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd.copyInheritedSettings(this);

    if (desc) return this;
    return cmd;
  }

  /**
   * Factory routine to create a new unattached command.
   *
   * See .command() for creating an attached subcommand, which uses this routine to
   * create the command. You can override createCommand to customise subcommands.
   *
   * @param {string} [name]
   * @return {Command} new command
   */

  createCommand(name) {
    return new Command(name);
  }

  /**
   * You can customise the help with a subclass of Help by overriding createHelp,
   * or by overriding Help properties using configureHelp().
   *
   * @return {Help}
   */

  createHelp() {
    return Object.assign(new Help(), this.configureHelp());
  }

  /**
   * You can customise the help by overriding Help properties using configureHelp(),
   * or with a subclass of Help by overriding createHelp().
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */

  configureHelp(configuration) {
    if (configuration === undefined) return this._helpConfiguration;

    this._helpConfiguration = configuration;
    return this;
  }

  /**
   * The default output goes to stdout and stderr. You can customise this for special
   * applications. You can also customise the display of errors by overriding outputError.
   *
   * The configuration properties are all functions:
   *
   *     // change how output being written, defaults to stdout and stderr
   *     writeOut(str)
   *     writeErr(str)
   *     // change how output being written for errors, defaults to writeErr
   *     outputError(str, write) // used for displaying errors and not used for displaying help
   *     // specify width for wrapping help
   *     getOutHelpWidth()
   *     getErrHelpWidth()
   *     // color support, currently only used with Help
   *     getOutHasColors()
   *     getErrHasColors()
   *     stripColor() // used to remove ANSI escape codes if output does not have colors
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */

  configureOutput(configuration) {
    if (configuration === undefined) return this._outputConfiguration;

    this._outputConfiguration = {
      ...this._outputConfiguration,
      ...configuration,
    };
    return this;
  }

  /**
   * Display the help or a custom message after an error occurs.
   *
   * @param {(boolean|string)} [displayHelp]
   * @return {Command} `this` command for chaining
   */
  showHelpAfterError(displayHelp = true) {
    if (typeof displayHelp !== 'string') displayHelp = !!displayHelp;
    this._showHelpAfterError = displayHelp;
    return this;
  }

  /**
   * Display suggestion of similar commands for unknown commands, or options for unknown options.
   *
   * @param {boolean} [displaySuggestion]
   * @return {Command} `this` command for chaining
   */
  showSuggestionAfterError(displaySuggestion = true) {
    this._showSuggestionAfterError = !!displaySuggestion;
    return this;
  }

  /**
   * Add a prepared subcommand.
   *
   * See .command() for creating an attached subcommand which inherits settings from its parent.
   *
   * @param {Command} cmd - new subcommand
   * @param {object} [opts] - configuration options
   * @return {Command} `this` command for chaining
   */

  addCommand(cmd, opts) {
    if (!cmd._name) {
      throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
    }

    opts = opts || {};
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    if (opts.noHelp || opts.hidden) cmd._hidden = true; // modifying passed command due to existing implementation

    this._registerCommand(cmd);
    cmd.parent = this;
    cmd._checkForBrokenPassThrough();

    return this;
  }

  /**
   * Factory routine to create a new unattached argument.
   *
   * See .argument() for creating an attached argument, which uses this routine to
   * create the argument. You can override createArgument to return a custom argument.
   *
   * @param {string} name
   * @param {string} [description]
   * @return {Argument} new argument
   */

  createArgument(name, description) {
    return new Argument(name, description);
  }

  /**
   * Define argument syntax for command.
   *
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @example
   * program.argument('<input-file>');
   * program.argument('[output-file]');
   *
   * @param {string} name
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom argument processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  argument(name, description, parseArg, defaultValue) {
    const argument = this.createArgument(name, description);
    if (typeof parseArg === 'function') {
      argument.default(defaultValue).argParser(parseArg);
    } else {
      argument.default(parseArg);
    }
    this.addArgument(argument);
    return this;
  }

  /**
   * Define argument syntax for command, adding multiple at once (without descriptions).
   *
   * See also .argument().
   *
   * @example
   * program.arguments('<cmd> [env]');
   *
   * @param {string} names
   * @return {Command} `this` command for chaining
   */

  arguments(names) {
    names
      .trim()
      .split(/ +/)
      .forEach((detail) => {
        this.argument(detail);
      });
    return this;
  }

  /**
   * Define argument syntax for command, adding a prepared argument.
   *
   * @param {Argument} argument
   * @return {Command} `this` command for chaining
   */
  addArgument(argument) {
    const previousArgument = this.registeredArguments.slice(-1)[0];
    if (previousArgument?.variadic) {
      throw new Error(
        `only the last argument can be variadic '${previousArgument.name()}'`,
      );
    }
    if (
      argument.required &&
      argument.defaultValue !== undefined &&
      argument.parseArg === undefined
    ) {
      throw new Error(
        `a default value for a required argument is never used: '${argument.name()}'`,
      );
    }
    this.registeredArguments.push(argument);
    return this;
  }

  /**
   * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
   *
   * @example
   *    program.helpCommand('help [cmd]');
   *    program.helpCommand('help [cmd]', 'show help');
   *    program.helpCommand(false); // suppress default help command
   *    program.helpCommand(true); // add help command even if no subcommands
   *
   * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
   * @param {string} [description] - custom description
   * @return {Command} `this` command for chaining
   */

  helpCommand(enableOrNameAndArgs, description) {
    if (typeof enableOrNameAndArgs === 'boolean') {
      this._addImplicitHelpCommand = enableOrNameAndArgs;
      if (enableOrNameAndArgs && this._defaultCommandGroup) {
        // make the command to store the group
        this._initCommandGroup(this._getHelpCommand());
      }
      return this;
    }

    const nameAndArgs = enableOrNameAndArgs ?? 'help [command]';
    const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const helpDescription = description ?? 'display help for command';

    const helpCommand = this.createCommand(helpName);
    helpCommand.helpOption(false);
    if (helpArgs) helpCommand.arguments(helpArgs);
    if (helpDescription) helpCommand.description(helpDescription);

    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    // init group unless lazy create
    if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);

    return this;
  }

  /**
   * Add prepared custom help command.
   *
   * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
   * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
   * @return {Command} `this` command for chaining
   */
  addHelpCommand(helpCommand, deprecatedDescription) {
    // If not passed an object, call through to helpCommand for backwards compatibility,
    // as addHelpCommand was originally used like helpCommand is now.
    if (typeof helpCommand !== 'object') {
      this.helpCommand(helpCommand, deprecatedDescription);
      return this;
    }

    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    this._initCommandGroup(helpCommand);
    return this;
  }

  /**
   * Lazy create help command.
   *
   * @return {(Command|null)}
   * @package
   */
  _getHelpCommand() {
    const hasImplicitHelpCommand =
      this._addImplicitHelpCommand ??
      (this.commands.length &&
        !this._actionHandler &&
        !this._findCommand('help'));

    if (hasImplicitHelpCommand) {
      if (this._helpCommand === undefined) {
        this.helpCommand(undefined, undefined); // use default name and description
      }
      return this._helpCommand;
    }
    return null;
  }

  /**
   * Add hook for life cycle event.
   *
   * @param {string} event
   * @param {Function} listener
   * @return {Command} `this` command for chaining
   */

  hook(event, listener) {
    const allowedValues = ['preSubcommand', 'preAction', 'postAction'];
    if (!allowedValues.includes(event)) {
      throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    if (this._lifeCycleHooks[event]) {
      this._lifeCycleHooks[event].push(listener);
    } else {
      this._lifeCycleHooks[event] = [listener];
    }
    return this;
  }

  /**
   * Register callback to use as replacement for calling process.exit.
   *
   * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
   * @return {Command} `this` command for chaining
   */

  exitOverride(fn) {
    if (fn) {
      this._exitCallback = fn;
    } else {
      this._exitCallback = (err) => {
        if (err.code !== 'commander.executeSubCommandAsync') {
          throw err;
        } else {
          // Async callback from spawn events, not useful to throw.
        }
      };
    }
    return this;
  }

  /**
   * Call process.exit, and _exitCallback if defined.
   *
   * @param {number} exitCode exit code for using with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   * @return never
   * @private
   */

  _exit(exitCode, code, message) {
    if (this._exitCallback) {
      this._exitCallback(new CommanderError(exitCode, code, message));
      // Expecting this line is not reached.
    }
    process.exit(exitCode);
  }

  /**
   * Register callback `fn` for the command.
   *
   * @example
   * program
   *   .command('serve')
   *   .description('start service')
   *   .action(function() {
   *      // do work here
   *   });
   *
   * @param {Function} fn
   * @return {Command} `this` command for chaining
   */

  action(fn) {
    const listener = (args) => {
      // The .action callback takes an extra parameter which is the command or options.
      const expectedArgsCount = this.registeredArguments.length;
      const actionArgs = args.slice(0, expectedArgsCount);
      if (this._storeOptionsAsProperties) {
        actionArgs[expectedArgsCount] = this; // backwards compatible "options"
      } else {
        actionArgs[expectedArgsCount] = this.opts();
      }
      actionArgs.push(this);

      return fn.apply(this, actionArgs);
    };
    this._actionHandler = listener;
    return this;
  }

  /**
   * Factory routine to create a new unattached option.
   *
   * See .option() for creating an attached option, which uses this routine to
   * create the option. You can override createOption to return a custom option.
   *
   * @param {string} flags
   * @param {string} [description]
   * @return {Option} new option
   */

  createOption(flags, description) {
    return new Option(flags, description);
  }

  /**
   * Wrap parseArgs to catch 'commander.invalidArgument'.
   *
   * @param {(Option | Argument)} target
   * @param {string} value
   * @param {*} previous
   * @param {string} invalidArgumentMessage
   * @private
   */

  _callParseArg(target, value, previous, invalidArgumentMessage) {
    try {
      return target.parseArg(value, previous);
    } catch (err) {
      if (err.code === 'commander.invalidArgument') {
        const message = `${invalidArgumentMessage} ${err.message}`;
        this.error(message, { exitCode: err.exitCode, code: err.code });
      }
      throw err;
    }
  }

  /**
   * Check for option flag conflicts.
   * Register option if no conflicts found, or throw on conflict.
   *
   * @param {Option} option
   * @private
   */

  _registerOption(option) {
    const matchingOption =
      (option.short && this._findOption(option.short)) ||
      (option.long && this._findOption(option.long));
    if (matchingOption) {
      const matchingFlag =
        option.long && this._findOption(option.long)
          ? option.long
          : option.short;
      throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
    }

    this._initOptionGroup(option);
    this.options.push(option);
  }

  /**
   * Check for command name and alias conflicts with existing commands.
   * Register command if no conflicts found, or throw on conflict.
   *
   * @param {Command} command
   * @private
   */

  _registerCommand(command) {
    const knownBy = (cmd) => {
      return [cmd.name()].concat(cmd.aliases());
    };

    const alreadyUsed = knownBy(command).find((name) =>
      this._findCommand(name),
    );
    if (alreadyUsed) {
      const existingCmd = knownBy(this._findCommand(alreadyUsed)).join('|');
      const newCmd = knownBy(command).join('|');
      throw new Error(
        `cannot add command '${newCmd}' as already have command '${existingCmd}'`,
      );
    }

    this._initCommandGroup(command);
    this.commands.push(command);
  }

  /**
   * Add an option.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addOption(option) {
    this._registerOption(option);

    const oname = option.name();
    const name = option.attributeName();

    // store default value
    if (option.negate) {
      // --no-foo is special and defaults foo to true, unless a --foo option is already defined
      const positiveLongFlag = option.long.replace(/^--no-/, '--');
      if (!this._findOption(positiveLongFlag)) {
        this.setOptionValueWithSource(
          name,
          option.defaultValue === undefined ? true : option.defaultValue,
          'default',
        );
      }
    } else if (option.defaultValue !== undefined) {
      this.setOptionValueWithSource(name, option.defaultValue, 'default');
    }

    // handler for cli and env supplied values
    const handleOptionValue = (val, invalidValueMessage, valueSource) => {
      // val is null for optional option used without an optional-argument.
      // val is undefined for boolean and negated option.
      if (val == null && option.presetArg !== undefined) {
        val = option.presetArg;
      }

      // custom processing
      const oldValue = this.getOptionValue(name);
      if (val !== null && option.parseArg) {
        val = this._callParseArg(option, val, oldValue, invalidValueMessage);
      } else if (val !== null && option.variadic) {
        val = option._collectValue(val, oldValue);
      }

      // Fill-in appropriate missing values. Long winded but easy to follow.
      if (val == null) {
        if (option.negate) {
          val = false;
        } else if (option.isBoolean() || option.optional) {
          val = true;
        } else {
          val = ''; // not normal, parseArg might have failed or be a mock function for testing
        }
      }
      this.setOptionValueWithSource(name, val, valueSource);
    };

    this.on('option:' + oname, (val) => {
      const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
      handleOptionValue(val, invalidValueMessage, 'cli');
    });

    if (option.envVar) {
      this.on('optionEnv:' + oname, (val) => {
        const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
        handleOptionValue(val, invalidValueMessage, 'env');
      });
    }

    return this;
  }

  /**
   * Internal implementation shared by .option() and .requiredOption()
   *
   * @return {Command} `this` command for chaining
   * @private
   */
  _optionEx(config, flags, description, fn, defaultValue) {
    if (typeof flags === 'object' && flags instanceof Option) {
      throw new Error(
        'To add an Option object use addOption() instead of option() or requiredOption()',
      );
    }
    const option = this.createOption(flags, description);
    option.makeOptionMandatory(!!config.mandatory);
    if (typeof fn === 'function') {
      option.default(defaultValue).argParser(fn);
    } else if (fn instanceof RegExp) {
      // deprecated
      const regex = fn;
      fn = (val, def) => {
        const m = regex.exec(val);
        return m ? m[0] : def;
      };
      option.default(defaultValue).argParser(fn);
    } else {
      option.default(fn);
    }

    return this.addOption(option);
  }

  /**
   * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
   * option-argument is indicated by `<>` and an optional option-argument by `[]`.
   *
   * See the README for more details, and see also addOption() and requiredOption().
   *
   * @example
   * program
   *     .option('-p, --pepper', 'add pepper')
   *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
   *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
   *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */

  option(flags, description, parseArg, defaultValue) {
    return this._optionEx({}, flags, description, parseArg, defaultValue);
  }

  /**
   * Add a required option which must have a value after parsing. This usually means
   * the option must be specified on the command line. (Otherwise the same as .option().)
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */

  requiredOption(flags, description, parseArg, defaultValue) {
    return this._optionEx(
      { mandatory: true },
      flags,
      description,
      parseArg,
      defaultValue,
    );
  }

  /**
   * Alter parsing of short flags with optional values.
   *
   * @example
   * // for `.option('-f,--flag [value]'):
   * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
   * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
   *
   * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
   * @return {Command} `this` command for chaining
   */
  combineFlagAndOptionalValue(combine = true) {
    this._combineFlagAndOptionalValue = !!combine;
    return this;
  }

  /**
   * Allow unknown options on the command line.
   *
   * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
   * @return {Command} `this` command for chaining
   */
  allowUnknownOption(allowUnknown = true) {
    this._allowUnknownOption = !!allowUnknown;
    return this;
  }

  /**
   * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
   *
   * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
   * @return {Command} `this` command for chaining
   */
  allowExcessArguments(allowExcess = true) {
    this._allowExcessArguments = !!allowExcess;
    return this;
  }

  /**
   * Enable positional options. Positional means global options are specified before subcommands which lets
   * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
   * The default behaviour is non-positional and global options may appear anywhere on the command line.
   *
   * @param {boolean} [positional]
   * @return {Command} `this` command for chaining
   */
  enablePositionalOptions(positional = true) {
    this._enablePositionalOptions = !!positional;
    return this;
  }

  /**
   * Pass through options that come after command-arguments rather than treat them as command-options,
   * so actual command-options come before command-arguments. Turning this on for a subcommand requires
   * positional options to have been enabled on the program (parent commands).
   * The default behaviour is non-positional and options may appear before or after command-arguments.
   *
   * @param {boolean} [passThrough] for unknown options.
   * @return {Command} `this` command for chaining
   */
  passThroughOptions(passThrough = true) {
    this._passThroughOptions = !!passThrough;
    this._checkForBrokenPassThrough();
    return this;
  }

  /**
   * @private
   */

  _checkForBrokenPassThrough() {
    if (
      this.parent &&
      this._passThroughOptions &&
      !this.parent._enablePositionalOptions
    ) {
      throw new Error(
        `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`,
      );
    }
  }

  /**
   * Whether to store option values as properties on command object,
   * or store separately (specify false). In both cases the option values can be accessed using .opts().
   *
   * @param {boolean} [storeAsProperties=true]
   * @return {Command} `this` command for chaining
   */

  storeOptionsAsProperties(storeAsProperties = true) {
    if (this.options.length) {
      throw new Error('call .storeOptionsAsProperties() before adding options');
    }
    if (Object.keys(this._optionValues).length) {
      throw new Error(
        'call .storeOptionsAsProperties() before setting option values',
      );
    }
    this._storeOptionsAsProperties = !!storeAsProperties;
    return this;
  }

  /**
   * Retrieve option value.
   *
   * @param {string} key
   * @return {object} value
   */

  getOptionValue(key) {
    if (this._storeOptionsAsProperties) {
      return this[key];
    }
    return this._optionValues[key];
  }

  /**
   * Store option value.
   *
   * @param {string} key
   * @param {object} value
   * @return {Command} `this` command for chaining
   */

  setOptionValue(key, value) {
    return this.setOptionValueWithSource(key, value, undefined);
  }

  /**
   * Store option value and where the value came from.
   *
   * @param {string} key
   * @param {object} value
   * @param {string} source - expected values are default/config/env/cli/implied
   * @return {Command} `this` command for chaining
   */

  setOptionValueWithSource(key, value, source) {
    if (this._storeOptionsAsProperties) {
      this[key] = value;
    } else {
      this._optionValues[key] = value;
    }
    this._optionValueSources[key] = source;
    return this;
  }

  /**
   * Get source of option value.
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */

  getOptionValueSource(key) {
    return this._optionValueSources[key];
  }

  /**
   * Get source of option value. See also .optsWithGlobals().
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */

  getOptionValueSourceWithGlobals(key) {
    // global overwrites local, like optsWithGlobals
    let source;
    this._getCommandAndAncestors().forEach((cmd) => {
      if (cmd.getOptionValueSource(key) !== undefined) {
        source = cmd.getOptionValueSource(key);
      }
    });
    return source;
  }

  /**
   * Get user arguments from implied or explicit arguments.
   * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
   *
   * @private
   */

  _prepareUserArgs(argv, parseOptions) {
    if (argv !== undefined && !Array.isArray(argv)) {
      throw new Error('first parameter to parse must be array or undefined');
    }
    parseOptions = parseOptions || {};

    // auto-detect argument conventions if nothing supplied
    if (argv === undefined && parseOptions.from === undefined) {
      if (process.versions?.electron) {
        parseOptions.from = 'electron';
      }
      // check node specific options for scenarios where user CLI args follow executable without scriptname
      const execArgv = process.execArgv ?? [];
      if (
        execArgv.includes('-e') ||
        execArgv.includes('--eval') ||
        execArgv.includes('-p') ||
        execArgv.includes('--print')
      ) {
        parseOptions.from = 'eval'; // internal usage, not documented
      }
    }

    // default to using process.argv
    if (argv === undefined) {
      argv = process.argv;
    }
    this.rawArgs = argv.slice();

    // extract the user args and scriptPath
    let userArgs;
    switch (parseOptions.from) {
      case undefined:
      case 'node':
        this._scriptPath = argv[1];
        userArgs = argv.slice(2);
        break;
      case 'electron':
        // @ts-ignore: because defaultApp is an unknown property
        if (process.defaultApp) {
          this._scriptPath = argv[1];
          userArgs = argv.slice(2);
        } else {
          userArgs = argv.slice(1);
        }
        break;
      case 'user':
        userArgs = argv.slice(0);
        break;
      case 'eval':
        userArgs = argv.slice(1);
        break;
      default:
        throw new Error(
          `unexpected parse option { from: '${parseOptions.from}' }`,
        );
    }

    // Find default name for program from arguments.
    if (!this._name && this._scriptPath)
      this.nameFromFilename(this._scriptPath);
    this._name = this._name || 'program';

    return userArgs;
  }

  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Use parseAsync instead of parse if any of your action handlers are async.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * program.parse(); // parse process.argv and auto-detect electron and special node flags
   * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
   * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv] - optional, defaults to process.argv
   * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
   * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
   * @return {Command} `this` command for chaining
   */

  parse(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    this._parseCommand([], userArgs);

    return this;
  }

  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
   * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
   * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv]
   * @param {object} [parseOptions]
   * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
   * @return {Promise}
   */

  async parseAsync(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    await this._parseCommand([], userArgs);

    return this;
  }

  _prepareForParse() {
    if (this._savedState === null) {
      this.saveStateBeforeParse();
    } else {
      this.restoreStateBeforeParse();
    }
  }

  /**
   * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state saved.
   */
  saveStateBeforeParse() {
    this._savedState = {
      // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
      _name: this._name,
      // option values before parse have default values (including false for negated options)
      // shallow clones
      _optionValues: { ...this._optionValues },
      _optionValueSources: { ...this._optionValueSources },
    };
  }

  /**
   * Restore state before parse for calls after the first.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state restored.
   */
  restoreStateBeforeParse() {
    if (this._storeOptionsAsProperties)
      throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);

    // clear state from _prepareUserArgs
    this._name = this._savedState._name;
    this._scriptPath = null;
    this.rawArgs = [];
    // clear state from setOptionValueWithSource
    this._optionValues = { ...this._savedState._optionValues };
    this._optionValueSources = { ...this._savedState._optionValueSources };
    // clear state from _parseCommand
    this.args = [];
    // clear state from _processArguments
    this.processedArgs = [];
  }

  /**
   * Throw if expected executable is missing. Add lots of help for author.
   *
   * @param {string} executableFile
   * @param {string} executableDir
   * @param {string} subcommandName
   */
  _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
    if (fs.existsSync(executableFile)) return;

    const executableDirMessage = executableDir
      ? `searched for local subcommand relative to directory '${executableDir}'`
      : 'no directory for search for local subcommand, use .executableDir() to supply a custom directory';
    const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
    throw new Error(executableMissing);
  }

  /**
   * Execute a sub-command executable.
   *
   * @private
   */

  _executeSubCommand(subcommand, args) {
    args = args.slice();
    let launchWithNode = false; // Use node for source targets so do not need to get permissions correct, and on Windows.
    const sourceExt = ['.js', '.ts', '.tsx', '.mjs', '.cjs'];

    function findFile(baseDir, baseName) {
      // Look for specified file
      const localBin = path.resolve(baseDir, baseName);
      if (fs.existsSync(localBin)) return localBin;

      // Stop looking if candidate already has an expected extension.
      if (sourceExt.includes(path.extname(baseName))) return undefined;

      // Try all the extensions.
      const foundExt = sourceExt.find((ext) =>
        fs.existsSync(`${localBin}${ext}`),
      );
      if (foundExt) return `${localBin}${foundExt}`;

      return undefined;
    }

    // Not checking for help first. Unlikely to have mandatory and executable, and can't robustly test for help flags in external command.
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();

    // executableFile and executableDir might be full path, or just a name
    let executableFile =
      subcommand._executableFile || `${this._name}-${subcommand._name}`;
    let executableDir = this._executableDir || '';
    if (this._scriptPath) {
      let resolvedScriptPath; // resolve possible symlink for installed npm binary
      try {
        resolvedScriptPath = fs.realpathSync(this._scriptPath);
      } catch {
        resolvedScriptPath = this._scriptPath;
      }
      executableDir = path.resolve(
        path.dirname(resolvedScriptPath),
        executableDir,
      );
    }

    // Look for a local file in preference to a command in PATH.
    if (executableDir) {
      let localFile = findFile(executableDir, executableFile);

      // Legacy search using prefix of script name instead of command name
      if (!localFile && !subcommand._executableFile && this._scriptPath) {
        const legacyName = path.basename(
          this._scriptPath,
          path.extname(this._scriptPath),
        );
        if (legacyName !== this._name) {
          localFile = findFile(
            executableDir,
            `${legacyName}-${subcommand._name}`,
          );
        }
      }
      executableFile = localFile || executableFile;
    }

    launchWithNode = sourceExt.includes(path.extname(executableFile));

    let proc;
    if (process.platform !== 'win32') {
      if (launchWithNode) {
        args.unshift(executableFile);
        // add executable arguments to spawn
        args = incrementNodeInspectorPort(process.execArgv).concat(args);

        proc = childProcess.spawn(process.argv[0], args, { stdio: 'inherit' });
      } else {
        proc = childProcess.spawn(executableFile, args, { stdio: 'inherit' });
      }
    } else {
      this._checkForMissingExecutable(
        executableFile,
        executableDir,
        subcommand._name,
      );
      args.unshift(executableFile);
      // add executable arguments to spawn
      args = incrementNodeInspectorPort(process.execArgv).concat(args);
      proc = childProcess.spawn(process.execPath, args, { stdio: 'inherit' });
    }

    if (!proc.killed) {
      // testing mainly to avoid leak warnings during unit tests with mocked spawn
      const signals = ['SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGINT', 'SIGHUP'];
      signals.forEach((signal) => {
        process.on(signal, () => {
          if (proc.killed === false && proc.exitCode === null) {
            // @ts-ignore because signals not typed to known strings
            proc.kill(signal);
          }
        });
      });
    }

    // By default terminate process when spawned process terminates.
    const exitCallback = this._exitCallback;
    proc.on('close', (code) => {
      code = code ?? 1; // code is null if spawned process terminated due to a signal
      if (!exitCallback) {
        process.exit(code);
      } else {
        exitCallback(
          new CommanderError(
            code,
            'commander.executeSubCommandAsync',
            '(close)',
          ),
        );
      }
    });
    proc.on('error', (err) => {
      // @ts-ignore: because err.code is an unknown property
      if (err.code === 'ENOENT') {
        this._checkForMissingExecutable(
          executableFile,
          executableDir,
          subcommand._name,
        );
        // @ts-ignore: because err.code is an unknown property
      } else if (err.code === 'EACCES') {
        throw new Error(`'${executableFile}' not executable`);
      }
      if (!exitCallback) {
        process.exit(1);
      } else {
        const wrappedError = new CommanderError(
          1,
          'commander.executeSubCommandAsync',
          '(error)',
        );
        wrappedError.nestedError = err;
        exitCallback(wrappedError);
      }
    });

    // Store the reference to the child process
    this.runningCommand = proc;
  }

  /**
   * @private
   */

  _dispatchSubcommand(commandName, operands, unknown) {
    const subCommand = this._findCommand(commandName);
    if (!subCommand) this.help({ error: true });

    subCommand._prepareForParse();
    let promiseChain;
    promiseChain = this._chainOrCallSubCommandHook(
      promiseChain,
      subCommand,
      'preSubcommand',
    );
    promiseChain = this._chainOrCall(promiseChain, () => {
      if (subCommand._executableHandler) {
        this._executeSubCommand(subCommand, operands.concat(unknown));
      } else {
        return subCommand._parseCommand(operands, unknown);
      }
    });
    return promiseChain;
  }

  /**
   * Invoke help directly if possible, or dispatch if necessary.
   * e.g. help foo
   *
   * @private
   */

  _dispatchHelpCommand(subcommandName) {
    if (!subcommandName) {
      this.help();
    }
    const subCommand = this._findCommand(subcommandName);
    if (subCommand && !subCommand._executableHandler) {
      subCommand.help();
    }

    // Fallback to parsing the help flag to invoke the help.
    return this._dispatchSubcommand(
      subcommandName,
      [],
      [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? '--help'],
    );
  }

  /**
   * Check this.args against expected this.registeredArguments.
   *
   * @private
   */

  _checkNumberOfArguments() {
    // too few
    this.registeredArguments.forEach((arg, i) => {
      if (arg.required && this.args[i] == null) {
        this.missingArgument(arg.name());
      }
    });
    // too many
    if (
      this.registeredArguments.length > 0 &&
      this.registeredArguments[this.registeredArguments.length - 1].variadic
    ) {
      return;
    }
    if (this.args.length > this.registeredArguments.length) {
      this._excessArguments(this.args);
    }
  }

  /**
   * Process this.args using this.registeredArguments and save as this.processedArgs!
   *
   * @private
   */

  _processArguments() {
    const myParseArg = (argument, value, previous) => {
      // Extra processing for nice error message on parsing failure.
      let parsedValue = value;
      if (value !== null && argument.parseArg) {
        const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
        parsedValue = this._callParseArg(
          argument,
          value,
          previous,
          invalidValueMessage,
        );
      }
      return parsedValue;
    };

    this._checkNumberOfArguments();

    const processedArgs = [];
    this.registeredArguments.forEach((declaredArg, index) => {
      let value = declaredArg.defaultValue;
      if (declaredArg.variadic) {
        // Collect together remaining arguments for passing together as an array.
        if (index < this.args.length) {
          value = this.args.slice(index);
          if (declaredArg.parseArg) {
            value = value.reduce((processed, v) => {
              return myParseArg(declaredArg, v, processed);
            }, declaredArg.defaultValue);
          }
        } else if (value === undefined) {
          value = [];
        }
      } else if (index < this.args.length) {
        value = this.args[index];
        if (declaredArg.parseArg) {
          value = myParseArg(declaredArg, value, declaredArg.defaultValue);
        }
      }
      processedArgs[index] = value;
    });
    this.processedArgs = processedArgs;
  }

  /**
   * Once we have a promise we chain, but call synchronously until then.
   *
   * @param {(Promise|undefined)} promise
   * @param {Function} fn
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCall(promise, fn) {
    // thenable
    if (promise?.then && typeof promise.then === 'function') {
      // already have a promise, chain callback
      return promise.then(() => fn());
    }
    // callback might return a promise
    return fn();
  }

  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCallHooks(promise, event) {
    let result = promise;
    const hooks = [];
    this._getCommandAndAncestors()
      .reverse()
      .filter((cmd) => cmd._lifeCycleHooks[event] !== undefined)
      .forEach((hookedCommand) => {
        hookedCommand._lifeCycleHooks[event].forEach((callback) => {
          hooks.push({ hookedCommand, callback });
        });
      });
    if (event === 'postAction') {
      hooks.reverse();
    }

    hooks.forEach((hookDetail) => {
      result = this._chainOrCall(result, () => {
        return hookDetail.callback(hookDetail.hookedCommand, this);
      });
    });
    return result;
  }

  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {Command} subCommand
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCallSubCommandHook(promise, subCommand, event) {
    let result = promise;
    if (this._lifeCycleHooks[event] !== undefined) {
      this._lifeCycleHooks[event].forEach((hook) => {
        result = this._chainOrCall(result, () => {
          return hook(this, subCommand);
        });
      });
    }
    return result;
  }

  /**
   * Process arguments in context of this command.
   * Returns action result, in case it is a promise.
   *
   * @private
   */

  _parseCommand(operands, unknown) {
    const parsed = this.parseOptions(unknown);
    this._parseOptionsEnv(); // after cli, so parseArg not called on both cli and env
    this._parseOptionsImplied();
    operands = operands.concat(parsed.operands);
    unknown = parsed.unknown;
    this.args = operands.concat(unknown);

    if (operands && this._findCommand(operands[0])) {
      return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
    }
    if (
      this._getHelpCommand() &&
      operands[0] === this._getHelpCommand().name()
    ) {
      return this._dispatchHelpCommand(operands[1]);
    }
    if (this._defaultCommandName) {
      this._outputHelpIfRequested(unknown); // Run the help for default command from parent rather than passing to default command
      return this._dispatchSubcommand(
        this._defaultCommandName,
        operands,
        unknown,
      );
    }
    if (
      this.commands.length &&
      this.args.length === 0 &&
      !this._actionHandler &&
      !this._defaultCommandName
    ) {
      // probably missing subcommand and no handler, user needs help (and exit)
      this.help({ error: true });
    }

    this._outputHelpIfRequested(parsed.unknown);
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();

    // We do not always call this check to avoid masking a "better" error, like unknown command.
    const checkForUnknownOptions = () => {
      if (parsed.unknown.length > 0) {
        this.unknownOption(parsed.unknown[0]);
      }
    };

    const commandEvent = `command:${this.name()}`;
    if (this._actionHandler) {
      checkForUnknownOptions();
      this._processArguments();

      let promiseChain;
      promiseChain = this._chainOrCallHooks(promiseChain, 'preAction');
      promiseChain = this._chainOrCall(promiseChain, () =>
        this._actionHandler(this.processedArgs),
      );
      if (this.parent) {
        promiseChain = this._chainOrCall(promiseChain, () => {
          this.parent.emit(commandEvent, operands, unknown); // legacy
        });
      }
      promiseChain = this._chainOrCallHooks(promiseChain, 'postAction');
      return promiseChain;
    }
    if (this.parent?.listenerCount(commandEvent)) {
      checkForUnknownOptions();
      this._processArguments();
      this.parent.emit(commandEvent, operands, unknown); // legacy
    } else if (operands.length) {
      if (this._findCommand('*')) {
        // legacy default command
        return this._dispatchSubcommand('*', operands, unknown);
      }
      if (this.listenerCount('command:*')) {
        // skip option check, emit event for possible misspelling suggestion
        this.emit('command:*', operands, unknown);
      } else if (this.commands.length) {
        this.unknownCommand();
      } else {
        checkForUnknownOptions();
        this._processArguments();
      }
    } else if (this.commands.length) {
      checkForUnknownOptions();
      // This command has subcommands and nothing hooked up at this level, so display help (and exit).
      this.help({ error: true });
    } else {
      checkForUnknownOptions();
      this._processArguments();
      // fall through for caller to handle after calling .parse()
    }
  }

  /**
   * Find matching command.
   *
   * @private
   * @return {Command | undefined}
   */
  _findCommand(name) {
    if (!name) return undefined;
    return this.commands.find(
      (cmd) => cmd._name === name || cmd._aliases.includes(name),
    );
  }

  /**
   * Return an option matching `arg` if any.
   *
   * @param {string} arg
   * @return {Option}
   * @package
   */

  _findOption(arg) {
    return this.options.find((option) => option.is(arg));
  }

  /**
   * Display an error message if a mandatory option does not have a value.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */

  _checkForMissingMandatoryOptions() {
    // Walk up hierarchy so can call in subcommand after checking for displaying help.
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd.options.forEach((anOption) => {
        if (
          anOption.mandatory &&
          cmd.getOptionValue(anOption.attributeName()) === undefined
        ) {
          cmd.missingMandatoryOptionValue(anOption);
        }
      });
    });
  }

  /**
   * Display an error message if conflicting options are used together in this.
   *
   * @private
   */
  _checkForConflictingLocalOptions() {
    const definedNonDefaultOptions = this.options.filter((option) => {
      const optionKey = option.attributeName();
      if (this.getOptionValue(optionKey) === undefined) {
        return false;
      }
      return this.getOptionValueSource(optionKey) !== 'default';
    });

    const optionsWithConflicting = definedNonDefaultOptions.filter(
      (option) => option.conflictsWith.length > 0,
    );

    optionsWithConflicting.forEach((option) => {
      const conflictingAndDefined = definedNonDefaultOptions.find((defined) =>
        option.conflictsWith.includes(defined.attributeName()),
      );
      if (conflictingAndDefined) {
        this._conflictingOption(option, conflictingAndDefined);
      }
    });
  }

  /**
   * Display an error message if conflicting options are used together.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForConflictingOptions() {
    // Walk up hierarchy so can call in subcommand after checking for displaying help.
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd._checkForConflictingLocalOptions();
    });
  }

  /**
   * Parse options from `argv` removing known options,
   * and return argv split into operands and unknown arguments.
   *
   * Side effects: modifies command by storing options. Does not reset state if called again.
   *
   * Examples:
   *
   *     argv => operands, unknown
   *     --known kkk op => [op], []
   *     op --known kkk => [op], []
   *     sub --unknown uuu op => [sub], [--unknown uuu op]
   *     sub -- --unknown uuu op => [sub --unknown uuu op], []
   *
   * @param {string[]} args
   * @return {{operands: string[], unknown: string[]}}
   */

  parseOptions(args) {
    const operands = []; // operands, not options or values
    const unknown = []; // first unknown option and remaining unknown args
    let dest = operands;

    function maybeOption(arg) {
      return arg.length > 1 && arg[0] === '-';
    }

    const negativeNumberArg = (arg) => {
      // return false if not a negative number
      if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
      // negative number is ok unless digit used as an option in command hierarchy
      return !this._getCommandAndAncestors().some((cmd) =>
        cmd.options
          .map((opt) => opt.short)
          .some((short) => /^-\d$/.test(short)),
      );
    };

    // parse options
    let activeVariadicOption = null;
    let activeGroup = null; // working through group of short options, like -abc
    let i = 0;
    while (i < args.length || activeGroup) {
      const arg = activeGroup ?? args[i++];
      activeGroup = null;

      // literal
      if (arg === '--') {
        if (dest === unknown) dest.push(arg);
        dest.push(...args.slice(i));
        break;
      }

      if (
        activeVariadicOption &&
        (!maybeOption(arg) || negativeNumberArg(arg))
      ) {
        this.emit(`option:${activeVariadicOption.name()}`, arg);
        continue;
      }
      activeVariadicOption = null;

      if (maybeOption(arg)) {
        const option = this._findOption(arg);
        // recognised option, call listener to assign value with possible custom processing
        if (option) {
          if (option.required) {
            const value = args[i++];
            if (value === undefined) this.optionMissingArgument(option);
            this.emit(`option:${option.name()}`, value);
          } else if (option.optional) {
            let value = null;
            // historical behaviour is optional value is following arg unless an option
            if (
              i < args.length &&
              (!maybeOption(args[i]) || negativeNumberArg(args[i]))
            ) {
              value = args[i++];
            }
            this.emit(`option:${option.name()}`, value);
          } else {
            // boolean flag
            this.emit(`option:${option.name()}`);
          }
          activeVariadicOption = option.variadic ? option : null;
          continue;
        }
      }

      // Look for combo options following single dash, eat first one if known.
      if (arg.length > 2 && arg[0] === '-' && arg[1] !== '-') {
        const option = this._findOption(`-${arg[1]}`);
        if (option) {
          if (
            option.required ||
            (option.optional && this._combineFlagAndOptionalValue)
          ) {
            // option with value following in same argument
            this.emit(`option:${option.name()}`, arg.slice(2));
          } else {
            // boolean option
            this.emit(`option:${option.name()}`);
            // remove the processed option and keep processing group
            activeGroup = `-${arg.slice(2)}`;
          }
          continue;
        }
      }

      // Look for known long flag with value, like --foo=bar
      if (/^--[^=]+=/.test(arg)) {
        const index = arg.indexOf('=');
        const option = this._findOption(arg.slice(0, index));
        if (option && (option.required || option.optional)) {
          this.emit(`option:${option.name()}`, arg.slice(index + 1));
          continue;
        }
      }

      // Not a recognised option by this command.
      // Might be a command-argument, or subcommand option, or unknown option, or help command or option.

      // An unknown option means further arguments also classified as unknown so can be reprocessed by subcommands.
      // A negative number in a leaf command is not an unknown option.
      if (
        dest === operands &&
        maybeOption(arg) &&
        !(this.commands.length === 0 && negativeNumberArg(arg))
      ) {
        dest = unknown;
      }

      // If using positionalOptions, stop processing our options at subcommand.
      if (
        (this._enablePositionalOptions || this._passThroughOptions) &&
        operands.length === 0 &&
        unknown.length === 0
      ) {
        if (this._findCommand(arg)) {
          operands.push(arg);
          unknown.push(...args.slice(i));
          break;
        } else if (
          this._getHelpCommand() &&
          arg === this._getHelpCommand().name()
        ) {
          operands.push(arg, ...args.slice(i));
          break;
        } else if (this._defaultCommandName) {
          unknown.push(arg, ...args.slice(i));
          break;
        }
      }

      // If using passThroughOptions, stop processing options at first command-argument.
      if (this._passThroughOptions) {
        dest.push(arg, ...args.slice(i));
        break;
      }

      // add arg
      dest.push(arg);
    }

    return { operands, unknown };
  }

  /**
   * Return an object containing local option values as key-value pairs.
   *
   * @return {object}
   */
  opts() {
    if (this._storeOptionsAsProperties) {
      // Preserve original behaviour so backwards compatible when still using properties
      const result = {};
      const len = this.options.length;

      for (let i = 0; i < len; i++) {
        const key = this.options[i].attributeName();
        result[key] =
          key === this._versionOptionName ? this._version : this[key];
      }
      return result;
    }

    return this._optionValues;
  }

  /**
   * Return an object containing merged local and global option values as key-value pairs.
   *
   * @return {object}
   */
  optsWithGlobals() {
    // globals overwrite locals
    return this._getCommandAndAncestors().reduce(
      (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
      {},
    );
  }

  /**
   * Display error message and exit (or call exitOverride).
   *
   * @param {string} message
   * @param {object} [errorOptions]
   * @param {string} [errorOptions.code] - an id string representing the error
   * @param {number} [errorOptions.exitCode] - used with process.exit
   */
  error(message, errorOptions) {
    // output handling
    this._outputConfiguration.outputError(
      `${message}\n`,
      this._outputConfiguration.writeErr,
    );
    if (typeof this._showHelpAfterError === 'string') {
      this._outputConfiguration.writeErr(`${this._showHelpAfterError}\n`);
    } else if (this._showHelpAfterError) {
      this._outputConfiguration.writeErr('\n');
      this.outputHelp({ error: true });
    }

    // exit handling
    const config = errorOptions || {};
    const exitCode = config.exitCode || 1;
    const code = config.code || 'commander.error';
    this._exit(exitCode, code, message);
  }

  /**
   * Apply any option related environment variables, if option does
   * not have a value from cli or client code.
   *
   * @private
   */
  _parseOptionsEnv() {
    this.options.forEach((option) => {
      if (option.envVar && option.envVar in process.env) {
        const optionKey = option.attributeName();
        // Priority check. Do not overwrite cli or options from unknown source (client-code).
        if (
          this.getOptionValue(optionKey) === undefined ||
          ['default', 'config', 'env'].includes(
            this.getOptionValueSource(optionKey),
          )
        ) {
          if (option.required || option.optional) {
            // option can take a value
            // keep very simple, optional always takes value
            this.emit(`optionEnv:${option.name()}`, process.env[option.envVar]);
          } else {
            // boolean
            // keep very simple, only care that envVar defined and not the value
            this.emit(`optionEnv:${option.name()}`);
          }
        }
      }
    });
  }

  /**
   * Apply any implied option values, if option is undefined or default value.
   *
   * @private
   */
  _parseOptionsImplied() {
    const dualHelper = new DualOptions(this.options);
    const hasCustomOptionValue = (optionKey) => {
      return (
        this.getOptionValue(optionKey) !== undefined &&
        !['default', 'implied'].includes(this.getOptionValueSource(optionKey))
      );
    };
    this.options
      .filter(
        (option) =>
          option.implied !== undefined &&
          hasCustomOptionValue(option.attributeName()) &&
          dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option,
          ),
      )
      .forEach((option) => {
        Object.keys(option.implied)
          .filter((impliedKey) => !hasCustomOptionValue(impliedKey))
          .forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              'implied',
            );
          });
      });
  }

  /**
   * Argument `name` is missing.
   *
   * @param {string} name
   * @private
   */

  missingArgument(name) {
    const message = `error: missing required argument '${name}'`;
    this.error(message, { code: 'commander.missingArgument' });
  }

  /**
   * `Option` is missing an argument.
   *
   * @param {Option} option
   * @private
   */

  optionMissingArgument(option) {
    const message = `error: option '${option.flags}' argument missing`;
    this.error(message, { code: 'commander.optionMissingArgument' });
  }

  /**
   * `Option` does not have a value, and is a mandatory option.
   *
   * @param {Option} option
   * @private
   */

  missingMandatoryOptionValue(option) {
    const message = `error: required option '${option.flags}' not specified`;
    this.error(message, { code: 'commander.missingMandatoryOptionValue' });
  }

  /**
   * `Option` conflicts with another option.
   *
   * @param {Option} option
   * @param {Option} conflictingOption
   * @private
   */
  _conflictingOption(option, conflictingOption) {
    // The calling code does not know whether a negated option is the source of the
    // value, so do some work to take an educated guess.
    const findBestOptionFromValue = (option) => {
      const optionKey = option.attributeName();
      const optionValue = this.getOptionValue(optionKey);
      const negativeOption = this.options.find(
        (target) => target.negate && optionKey === target.attributeName(),
      );
      const positiveOption = this.options.find(
        (target) => !target.negate && optionKey === target.attributeName(),
      );
      if (
        negativeOption &&
        ((negativeOption.presetArg === undefined && optionValue === false) ||
          (negativeOption.presetArg !== undefined &&
            optionValue === negativeOption.presetArg))
      ) {
        return negativeOption;
      }
      return positiveOption || option;
    };

    const getErrorMessage = (option) => {
      const bestOption = findBestOptionFromValue(option);
      const optionKey = bestOption.attributeName();
      const source = this.getOptionValueSource(optionKey);
      if (source === 'env') {
        return `environment variable '${bestOption.envVar}'`;
      }
      return `option '${bestOption.flags}'`;
    };

    const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
    this.error(message, { code: 'commander.conflictingOption' });
  }

  /**
   * Unknown option `flag`.
   *
   * @param {string} flag
   * @private
   */

  unknownOption(flag) {
    if (this._allowUnknownOption) return;
    let suggestion = '';

    if (flag.startsWith('--') && this._showSuggestionAfterError) {
      // Looping to pick up the global options too
      let candidateFlags = [];
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      let command = this;
      do {
        const moreFlags = command
          .createHelp()
          .visibleOptions(command)
          .filter((option) => option.long)
          .map((option) => option.long);
        candidateFlags = candidateFlags.concat(moreFlags);
        command = command.parent;
      } while (command && !command._enablePositionalOptions);
      suggestion = suggestSimilar(flag, candidateFlags);
    }

    const message = `error: unknown option '${flag}'${suggestion}`;
    this.error(message, { code: 'commander.unknownOption' });
  }

  /**
   * Excess arguments, more than expected.
   *
   * @param {string[]} receivedArgs
   * @private
   */

  _excessArguments(receivedArgs) {
    if (this._allowExcessArguments) return;

    const expected = this.registeredArguments.length;
    const s = expected === 1 ? '' : 's';
    const forSubcommand = this.parent ? ` for '${this.name()}'` : '';
    const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
    this.error(message, { code: 'commander.excessArguments' });
  }

  /**
   * Unknown command.
   *
   * @private
   */

  unknownCommand() {
    const unknownName = this.args[0];
    let suggestion = '';

    if (this._showSuggestionAfterError) {
      const candidateNames = [];
      this.createHelp()
        .visibleCommands(this)
        .forEach((command) => {
          candidateNames.push(command.name());
          // just visible alias
          if (command.alias()) candidateNames.push(command.alias());
        });
      suggestion = suggestSimilar(unknownName, candidateNames);
    }

    const message = `error: unknown command '${unknownName}'${suggestion}`;
    this.error(message, { code: 'commander.unknownCommand' });
  }

  /**
   * Get or set the program version.
   *
   * This method auto-registers the "-V, --version" option which will print the version number.
   *
   * You can optionally supply the flags and description to override the defaults.
   *
   * @param {string} [str]
   * @param {string} [flags]
   * @param {string} [description]
   * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
   */

  version(str, flags, description) {
    if (str === undefined) return this._version;
    this._version = str;
    flags = flags || '-V, --version';
    description = description || 'output the version number';
    const versionOption = this.createOption(flags, description);
    this._versionOptionName = versionOption.attributeName();
    this._registerOption(versionOption);

    this.on('option:' + versionOption.name(), () => {
      this._outputConfiguration.writeOut(`${str}\n`);
      this._exit(0, 'commander.version', str);
    });
    return this;
  }

  /**
   * Set the description.
   *
   * @param {string} [str]
   * @param {object} [argsDescription]
   * @return {(string|Command)}
   */
  description(str, argsDescription) {
    if (str === undefined && argsDescription === undefined)
      return this._description;
    this._description = str;
    if (argsDescription) {
      this._argsDescription = argsDescription;
    }
    return this;
  }

  /**
   * Set the summary. Used when listed as subcommand of parent.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  summary(str) {
    if (str === undefined) return this._summary;
    this._summary = str;
    return this;
  }

  /**
   * Set an alias for the command.
   *
   * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
   *
   * @param {string} [alias]
   * @return {(string|Command)}
   */

  alias(alias) {
    if (alias === undefined) return this._aliases[0]; // just return first, for backwards compatibility

    /** @type {Command} */
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let command = this;
    if (
      this.commands.length !== 0 &&
      this.commands[this.commands.length - 1]._executableHandler
    ) {
      // assume adding alias for last added executable subcommand, rather than this
      command = this.commands[this.commands.length - 1];
    }

    if (alias === command._name)
      throw new Error("Command alias can't be the same as its name");
    const matchingCommand = this.parent?._findCommand(alias);
    if (matchingCommand) {
      // c.f. _registerCommand
      const existingCmd = [matchingCommand.name()]
        .concat(matchingCommand.aliases())
        .join('|');
      throw new Error(
        `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`,
      );
    }

    command._aliases.push(alias);
    return this;
  }

  /**
   * Set aliases for the command.
   *
   * Only the first alias is shown in the auto-generated help.
   *
   * @param {string[]} [aliases]
   * @return {(string[]|Command)}
   */

  aliases(aliases) {
    // Getter for the array of aliases is the main reason for having aliases() in addition to alias().
    if (aliases === undefined) return this._aliases;

    aliases.forEach((alias) => this.alias(alias));
    return this;
  }

  /**
   * Set / get the command usage `str`.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */

  usage(str) {
    if (str === undefined) {
      if (this._usage) return this._usage;

      const args = this.registeredArguments.map((arg) => {
        return humanReadableArgName(arg);
      });
      return []
        .concat(
          this.options.length || this._helpOption !== null ? '[options]' : [],
          this.commands.length ? '[command]' : [],
          this.registeredArguments.length ? args : [],
        )
        .join(' ');
    }

    this._usage = str;
    return this;
  }

  /**
   * Get or set the name of the command.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */

  name(str) {
    if (str === undefined) return this._name;
    this._name = str;
    return this;
  }

  /**
   * Set/get the help group heading for this subcommand in parent command's help.
   *
   * @param {string} [heading]
   * @return {Command | string}
   */

  helpGroup(heading) {
    if (heading === undefined) return this._helpGroupHeading ?? '';
    this._helpGroupHeading = heading;
    return this;
  }

  /**
   * Set/get the default help group heading for subcommands added to this command.
   * (This does not override a group set directly on the subcommand using .helpGroup().)
   *
   * @example
   * program.commandsGroup('Development Commands:);
   * program.command('watch')...
   * program.command('lint')...
   * ...
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  commandsGroup(heading) {
    if (heading === undefined) return this._defaultCommandGroup ?? '';
    this._defaultCommandGroup = heading;
    return this;
  }

  /**
   * Set/get the default help group heading for options added to this command.
   * (This does not override a group set directly on the option using .helpGroup().)
   *
   * @example
   * program
   *   .optionsGroup('Development Options:')
   *   .option('-d, --debug', 'output extra debugging')
   *   .option('-p, --profile', 'output profiling information')
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  optionsGroup(heading) {
    if (heading === undefined) return this._defaultOptionGroup ?? '';
    this._defaultOptionGroup = heading;
    return this;
  }

  /**
   * @param {Option} option
   * @private
   */
  _initOptionGroup(option) {
    if (this._defaultOptionGroup && !option.helpGroupHeading)
      option.helpGroup(this._defaultOptionGroup);
  }

  /**
   * @param {Command} cmd
   * @private
   */
  _initCommandGroup(cmd) {
    if (this._defaultCommandGroup && !cmd.helpGroup())
      cmd.helpGroup(this._defaultCommandGroup);
  }

  /**
   * Set the name of the command from script filename, such as process.argv[1],
   * or require.main.filename, or __filename.
   *
   * (Used internally and public although not documented in README.)
   *
   * @example
   * program.nameFromFilename(require.main.filename);
   *
   * @param {string} filename
   * @return {Command}
   */

  nameFromFilename(filename) {
    this._name = path.basename(filename, path.extname(filename));

    return this;
  }

  /**
   * Get or set the directory for searching for executable subcommands of this command.
   *
   * @example
   * program.executableDir(__dirname);
   * // or
   * program.executableDir('subcommands');
   *
   * @param {string} [path]
   * @return {(string|null|Command)}
   */

  executableDir(path) {
    if (path === undefined) return this._executableDir;
    this._executableDir = path;
    return this;
  }

  /**
   * Return program help documentation.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
   * @return {string}
   */

  helpInformation(contextOptions) {
    const helper = this.createHelp();
    const context = this._getOutputContext(contextOptions);
    helper.prepareContext({
      error: context.error,
      helpWidth: context.helpWidth,
      outputHasColors: context.hasColors,
    });
    const text = helper.formatHelp(this, helper);
    if (context.hasColors) return text;
    return this._outputConfiguration.stripColor(text);
  }

  /**
   * @typedef HelpContext
   * @type {object}
   * @property {boolean} error
   * @property {number} helpWidth
   * @property {boolean} hasColors
   * @property {function} write - includes stripColor if needed
   *
   * @returns {HelpContext}
   * @private
   */

  _getOutputContext(contextOptions) {
    contextOptions = contextOptions || {};
    const error = !!contextOptions.error;
    let baseWrite;
    let hasColors;
    let helpWidth;
    if (error) {
      baseWrite = (str) => this._outputConfiguration.writeErr(str);
      hasColors = this._outputConfiguration.getErrHasColors();
      helpWidth = this._outputConfiguration.getErrHelpWidth();
    } else {
      baseWrite = (str) => this._outputConfiguration.writeOut(str);
      hasColors = this._outputConfiguration.getOutHasColors();
      helpWidth = this._outputConfiguration.getOutHelpWidth();
    }
    const write = (str) => {
      if (!hasColors) str = this._outputConfiguration.stripColor(str);
      return baseWrite(str);
    };
    return { error, write, hasColors, helpWidth };
  }

  /**
   * Output help information for this command.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */

  outputHelp(contextOptions) {
    let deprecatedCallback;
    if (typeof contextOptions === 'function') {
      deprecatedCallback = contextOptions;
      contextOptions = undefined;
    }

    const outputContext = this._getOutputContext(contextOptions);
    /** @type {HelpTextEventContext} */
    const eventContext = {
      error: outputContext.error,
      write: outputContext.write,
      command: this,
    };

    this._getCommandAndAncestors()
      .reverse()
      .forEach((command) => command.emit('beforeAllHelp', eventContext));
    this.emit('beforeHelp', eventContext);

    let helpInformation = this.helpInformation({ error: outputContext.error });
    if (deprecatedCallback) {
      helpInformation = deprecatedCallback(helpInformation);
      if (
        typeof helpInformation !== 'string' &&
        !Buffer.isBuffer(helpInformation)
      ) {
        throw new Error('outputHelp callback must return a string or a Buffer');
      }
    }
    outputContext.write(helpInformation);

    if (this._getHelpOption()?.long) {
      this.emit(this._getHelpOption().long); // deprecated
    }
    this.emit('afterHelp', eventContext);
    this._getCommandAndAncestors().forEach((command) =>
      command.emit('afterAllHelp', eventContext),
    );
  }

  /**
   * You can pass in flags and a description to customise the built-in help option.
   * Pass in false to disable the built-in help option.
   *
   * @example
   * program.helpOption('-?, --help' 'show help'); // customise
   * program.helpOption(false); // disable
   *
   * @param {(string | boolean)} flags
   * @param {string} [description]
   * @return {Command} `this` command for chaining
   */

  helpOption(flags, description) {
    // Support enabling/disabling built-in help option.
    if (typeof flags === 'boolean') {
      if (flags) {
        if (this._helpOption === null) this._helpOption = undefined; // reenable
        if (this._defaultOptionGroup) {
          // make the option to store the group
          this._initOptionGroup(this._getHelpOption());
        }
      } else {
        this._helpOption = null; // disable
      }
      return this;
    }

    // Customise flags and description.
    this._helpOption = this.createOption(
      flags ?? '-h, --help',
      description ?? 'display help for command',
    );
    // init group unless lazy create
    if (flags || description) this._initOptionGroup(this._helpOption);

    return this;
  }

  /**
   * Lazy create help option.
   * Returns null if has been disabled with .helpOption(false).
   *
   * @returns {(Option | null)} the help option
   * @package
   */
  _getHelpOption() {
    // Lazy create help option on demand.
    if (this._helpOption === undefined) {
      this.helpOption(undefined, undefined);
    }
    return this._helpOption;
  }

  /**
   * Supply your own option to use for the built-in help option.
   * This is an alternative to using helpOption() to customise the flags and description etc.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addHelpOption(option) {
    this._helpOption = option;
    this._initOptionGroup(option);
    return this;
  }

  /**
   * Output help information and exit.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */

  help(contextOptions) {
    this.outputHelp(contextOptions);
    let exitCode = Number(process.exitCode ?? 0); // process.exitCode does allow a string or an integer, but we prefer just a number
    if (
      exitCode === 0 &&
      contextOptions &&
      typeof contextOptions !== 'function' &&
      contextOptions.error
    ) {
      exitCode = 1;
    }
    // message: do not have all displayed text available so only passing placeholder.
    this._exit(exitCode, 'commander.help', '(outputHelp)');
  }

  /**
   * // Do a little typing to coordinate emit and listener for the help text events.
   * @typedef HelpTextEventContext
   * @type {object}
   * @property {boolean} error
   * @property {Command} command
   * @property {function} write
   */

  /**
   * Add additional text to be displayed with the built-in help.
   *
   * Position is 'before' or 'after' to affect just this command,
   * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
   *
   * @param {string} position - before or after built-in help
   * @param {(string | Function)} text - string to add, or a function returning a string
   * @return {Command} `this` command for chaining
   */

  addHelpText(position, text) {
    const allowedValues = ['beforeAll', 'before', 'after', 'afterAll'];
    if (!allowedValues.includes(position)) {
      throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
    }

    const helpEvent = `${position}Help`;
    this.on(helpEvent, (/** @type {HelpTextEventContext} */ context) => {
      let helpStr;
      if (typeof text === 'function') {
        helpStr = text({ error: context.error, command: context.command });
      } else {
        helpStr = text;
      }
      // Ignore falsy value when nothing to output.
      if (helpStr) {
        context.write(`${helpStr}\n`);
      }
    });
    return this;
  }

  /**
   * Output help information if help flags specified
   *
   * @param {Array} args - array of options to search for help flags
   * @private
   */

  _outputHelpIfRequested(args) {
    const helpOption = this._getHelpOption();
    const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
    if (helpRequested) {
      this.outputHelp();
      // (Do not have all displayed text available so only passing placeholder.)
      this._exit(0, 'commander.helpDisplayed', '(outputHelp)');
    }
  }
}

/**
 * Scan arguments and increment port number for inspect calls (to avoid conflicts when spawning new command).
 *
 * @param {string[]} args - array of arguments from node.execArgv
 * @returns {string[]}
 * @private
 */

function incrementNodeInspectorPort(args) {
  // Testing for these options:
  //  --inspect[=[host:]port]
  //  --inspect-brk[=[host:]port]
  //  --inspect-port=[host:]port
  return args.map((arg) => {
    if (!arg.startsWith('--inspect')) {
      return arg;
    }
    let debugOption;
    let debugHost = '127.0.0.1';
    let debugPort = '9229';
    let match;
    if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
      // e.g. --inspect
      debugOption = match[1];
    } else if (
      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null
    ) {
      debugOption = match[1];
      if (/^\d+$/.test(match[3])) {
        // e.g. --inspect=1234
        debugPort = match[3];
      } else {
        // e.g. --inspect=localhost
        debugHost = match[3];
      }
    } else if (
      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null
    ) {
      // e.g. --inspect=localhost:1234
      debugOption = match[1];
      debugHost = match[3];
      debugPort = match[4];
    }

    if (debugOption && debugPort !== '0') {
      return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
    }
    return arg;
  });
}

/**
 * @returns {boolean | undefined}
 * @package
 */
function useColor() {
  // Test for common conventions.
  // NB: the observed behaviour is in combination with how author adds color! For example:
  //   - we do not test NODE_DISABLE_COLORS, but util:styletext does
  //   - we do test NO_COLOR, but Chalk does not
  //
  // References:
  // https://no-color.org
  // https://bixense.com/clicolors/
  // https://github.com/nodejs/node/blob/0a00217a5f67ef4a22384cfc80eb6dd9a917fdc1/lib/internal/tty.js#L109
  // https://github.com/chalk/supports-color/blob/c214314a14bcb174b12b3014b2b0a8de375029ae/index.js#L33
  // (https://force-color.org recent web page from 2023, does not match major javascript implementations)

  if (
    process.env.NO_COLOR ||
    process.env.FORCE_COLOR === '0' ||
    process.env.FORCE_COLOR === 'false'
  )
    return false;
  if (process.env.FORCE_COLOR || process.env.CLICOLOR_FORCE !== undefined)
    return true;
  return undefined;
}

exports.Command = Command;
exports.useColor = useColor; // exporting for tests


/***/ }),

/***/ 135:
/***/ ((__unused_webpack_module, exports) => {

/**
 * CommanderError class
 */
class CommanderError extends Error {
  /**
   * Constructs the CommanderError class
   * @param {number} exitCode suggested exit code which could be used with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   */
  constructor(exitCode, code, message) {
    super(message);
    // properly capture stack trace in Node.js
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
    this.code = code;
    this.exitCode = exitCode;
    this.nestedError = undefined;
  }
}

/**
 * InvalidArgumentError class
 */
class InvalidArgumentError extends CommanderError {
  /**
   * Constructs the InvalidArgumentError class
   * @param {string} [message] explanation of why argument is invalid
   */
  constructor(message) {
    super(1, 'commander.invalidArgument', message);
    // properly capture stack trace in Node.js
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
  }
}

exports.CommanderError = CommanderError;
exports.InvalidArgumentError = InvalidArgumentError;


/***/ }),

/***/ 754:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { humanReadableArgName } = __nccwpck_require__(154);

/**
 * TypeScript import types for JSDoc, used by Visual Studio Code IntelliSense and `npm run typescript-checkJS`
 * https://www.typescriptlang.org/docs/handbook/jsdoc-supported-types.html#import-types
 * @typedef { import("./argument.js").Argument } Argument
 * @typedef { import("./command.js").Command } Command
 * @typedef { import("./option.js").Option } Option
 */

// Although this is a class, methods are static in style to allow override using subclass or just functions.
class Help {
  constructor() {
    this.helpWidth = undefined;
    this.minWidthToWrap = 40;
    this.sortSubcommands = false;
    this.sortOptions = false;
    this.showGlobalOptions = false;
  }

  /**
   * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
   * and just before calling `formatHelp()`.
   *
   * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
   *
   * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
   */
  prepareContext(contextOptions) {
    this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
  }

  /**
   * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
   *
   * @param {Command} cmd
   * @returns {Command[]}
   */

  visibleCommands(cmd) {
    const visibleCommands = cmd.commands.filter((cmd) => !cmd._hidden);
    const helpCommand = cmd._getHelpCommand();
    if (helpCommand && !helpCommand._hidden) {
      visibleCommands.push(helpCommand);
    }
    if (this.sortSubcommands) {
      visibleCommands.sort((a, b) => {
        // @ts-ignore: because overloaded return type
        return a.name().localeCompare(b.name());
      });
    }
    return visibleCommands;
  }

  /**
   * Compare options for sort.
   *
   * @param {Option} a
   * @param {Option} b
   * @returns {number}
   */
  compareOptions(a, b) {
    const getSortKey = (option) => {
      // WYSIWYG for order displayed in help. Short used for comparison if present. No special handling for negated.
      return option.short
        ? option.short.replace(/^-/, '')
        : option.long.replace(/^--/, '');
    };
    return getSortKey(a).localeCompare(getSortKey(b));
  }

  /**
   * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */

  visibleOptions(cmd) {
    const visibleOptions = cmd.options.filter((option) => !option.hidden);
    // Built-in help option.
    const helpOption = cmd._getHelpOption();
    if (helpOption && !helpOption.hidden) {
      // Automatically hide conflicting flags. Bit dubious but a historical behaviour that is convenient for single-command programs.
      const removeShort = helpOption.short && cmd._findOption(helpOption.short);
      const removeLong = helpOption.long && cmd._findOption(helpOption.long);
      if (!removeShort && !removeLong) {
        visibleOptions.push(helpOption); // no changes needed
      } else if (helpOption.long && !removeLong) {
        visibleOptions.push(
          cmd.createOption(helpOption.long, helpOption.description),
        );
      } else if (helpOption.short && !removeShort) {
        visibleOptions.push(
          cmd.createOption(helpOption.short, helpOption.description),
        );
      }
    }
    if (this.sortOptions) {
      visibleOptions.sort(this.compareOptions);
    }
    return visibleOptions;
  }

  /**
   * Get an array of the visible global options. (Not including help.)
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */

  visibleGlobalOptions(cmd) {
    if (!this.showGlobalOptions) return [];

    const globalOptions = [];
    for (
      let ancestorCmd = cmd.parent;
      ancestorCmd;
      ancestorCmd = ancestorCmd.parent
    ) {
      const visibleOptions = ancestorCmd.options.filter(
        (option) => !option.hidden,
      );
      globalOptions.push(...visibleOptions);
    }
    if (this.sortOptions) {
      globalOptions.sort(this.compareOptions);
    }
    return globalOptions;
  }

  /**
   * Get an array of the arguments if any have a description.
   *
   * @param {Command} cmd
   * @returns {Argument[]}
   */

  visibleArguments(cmd) {
    // Side effect! Apply the legacy descriptions before the arguments are displayed.
    if (cmd._argsDescription) {
      cmd.registeredArguments.forEach((argument) => {
        argument.description =
          argument.description || cmd._argsDescription[argument.name()] || '';
      });
    }

    // If there are any arguments with a description then return all the arguments.
    if (cmd.registeredArguments.find((argument) => argument.description)) {
      return cmd.registeredArguments;
    }
    return [];
  }

  /**
   * Get the command term to show in the list of subcommands.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  subcommandTerm(cmd) {
    // Legacy. Ignores custom usage string, and nested commands.
    const args = cmd.registeredArguments
      .map((arg) => humanReadableArgName(arg))
      .join(' ');
    return (
      cmd._name +
      (cmd._aliases[0] ? '|' + cmd._aliases[0] : '') +
      (cmd.options.length ? ' [options]' : '') + // simplistic check for non-help option
      (args ? ' ' + args : '')
    );
  }

  /**
   * Get the option term to show in the list of options.
   *
   * @param {Option} option
   * @returns {string}
   */

  optionTerm(option) {
    return option.flags;
  }

  /**
   * Get the argument term to show in the list of arguments.
   *
   * @param {Argument} argument
   * @returns {string}
   */

  argumentTerm(argument) {
    return argument.name();
  }

  /**
   * Get the longest command term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestSubcommandTermLength(cmd, helper) {
    return helper.visibleCommands(cmd).reduce((max, command) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleSubcommandTerm(helper.subcommandTerm(command)),
        ),
      );
    }, 0);
  }

  /**
   * Get the longest option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestOptionTermLength(cmd, helper) {
    return helper.visibleOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
      );
    }, 0);
  }

  /**
   * Get the longest global option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestGlobalOptionTermLength(cmd, helper) {
    return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
      );
    }, 0);
  }

  /**
   * Get the longest argument term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestArgumentTermLength(cmd, helper) {
    return helper.visibleArguments(cmd).reduce((max, argument) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleArgumentTerm(helper.argumentTerm(argument)),
        ),
      );
    }, 0);
  }

  /**
   * Get the command usage to be displayed at the top of the built-in help.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  commandUsage(cmd) {
    // Usage
    let cmdName = cmd._name;
    if (cmd._aliases[0]) {
      cmdName = cmdName + '|' + cmd._aliases[0];
    }
    let ancestorCmdNames = '';
    for (
      let ancestorCmd = cmd.parent;
      ancestorCmd;
      ancestorCmd = ancestorCmd.parent
    ) {
      ancestorCmdNames = ancestorCmd.name() + ' ' + ancestorCmdNames;
    }
    return ancestorCmdNames + cmdName + ' ' + cmd.usage();
  }

  /**
   * Get the description for the command.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  commandDescription(cmd) {
    // @ts-ignore: because overloaded return type
    return cmd.description();
  }

  /**
   * Get the subcommand summary to show in the list of subcommands.
   * (Fallback to description for backwards compatibility.)
   *
   * @param {Command} cmd
   * @returns {string}
   */

  subcommandDescription(cmd) {
    // @ts-ignore: because overloaded return type
    return cmd.summary() || cmd.description();
  }

  /**
   * Get the option description to show in the list of options.
   *
   * @param {Option} option
   * @return {string}
   */

  optionDescription(option) {
    const extraInfo = [];

    if (option.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
      );
    }
    if (option.defaultValue !== undefined) {
      // default for boolean and negated more for programmer than end user,
      // but show true/false for boolean option as may be for hand-rolled env or config processing.
      const showDefault =
        option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (showDefault) {
        extraInfo.push(
          `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`,
        );
      }
    }
    // preset for boolean and negated are more for programmer than end user
    if (option.presetArg !== undefined && option.optional) {
      extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
    }
    if (option.envVar !== undefined) {
      extraInfo.push(`env: ${option.envVar}`);
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(', ')})`;
      if (option.description) {
        return `${option.description} ${extraDescription}`;
      }
      return extraDescription;
    }

    return option.description;
  }

  /**
   * Get the argument description to show in the list of arguments.
   *
   * @param {Argument} argument
   * @return {string}
   */

  argumentDescription(argument) {
    const extraInfo = [];
    if (argument.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
      );
    }
    if (argument.defaultValue !== undefined) {
      extraInfo.push(
        `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`,
      );
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(', ')})`;
      if (argument.description) {
        return `${argument.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return argument.description;
  }

  /**
   * Format a list of items, given a heading and an array of formatted items.
   *
   * @param {string} heading
   * @param {string[]} items
   * @param {Help} helper
   * @returns string[]
   */
  formatItemList(heading, items, helper) {
    if (items.length === 0) return [];

    return [helper.styleTitle(heading), ...items, ''];
  }

  /**
   * Group items by their help group heading.
   *
   * @param {Command[] | Option[]} unsortedItems
   * @param {Command[] | Option[]} visibleItems
   * @param {Function} getGroup
   * @returns {Map<string, Command[] | Option[]>}
   */
  groupItems(unsortedItems, visibleItems, getGroup) {
    const result = new Map();
    // Add groups in order of appearance in unsortedItems.
    unsortedItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) result.set(group, []);
    });
    // Add items in order of appearance in visibleItems.
    visibleItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) {
        result.set(group, []);
      }
      result.get(group).push(item);
    });
    return result;
  }

  /**
   * Generate the built-in help text.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {string}
   */

  formatHelp(cmd, helper) {
    const termWidth = helper.padWidth(cmd, helper);
    const helpWidth = helper.helpWidth ?? 80; // in case prepareContext() was not called

    function callFormatItem(term, description) {
      return helper.formatItem(term, termWidth, description, helper);
    }

    // Usage
    let output = [
      `${helper.styleTitle('Usage:')} ${helper.styleUsage(helper.commandUsage(cmd))}`,
      '',
    ];

    // Description
    const commandDescription = helper.commandDescription(cmd);
    if (commandDescription.length > 0) {
      output = output.concat([
        helper.boxWrap(
          helper.styleCommandDescription(commandDescription),
          helpWidth,
        ),
        '',
      ]);
    }

    // Arguments
    const argumentList = helper.visibleArguments(cmd).map((argument) => {
      return callFormatItem(
        helper.styleArgumentTerm(helper.argumentTerm(argument)),
        helper.styleArgumentDescription(helper.argumentDescription(argument)),
      );
    });
    output = output.concat(
      this.formatItemList('Arguments:', argumentList, helper),
    );

    // Options
    const optionGroups = this.groupItems(
      cmd.options,
      helper.visibleOptions(cmd),
      (option) => option.helpGroupHeading ?? 'Options:',
    );
    optionGroups.forEach((options, group) => {
      const optionList = options.map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option)),
        );
      });
      output = output.concat(this.formatItemList(group, optionList, helper));
    });

    if (helper.showGlobalOptions) {
      const globalOptionList = helper
        .visibleGlobalOptions(cmd)
        .map((option) => {
          return callFormatItem(
            helper.styleOptionTerm(helper.optionTerm(option)),
            helper.styleOptionDescription(helper.optionDescription(option)),
          );
        });
      output = output.concat(
        this.formatItemList('Global Options:', globalOptionList, helper),
      );
    }

    // Commands
    const commandGroups = this.groupItems(
      cmd.commands,
      helper.visibleCommands(cmd),
      (sub) => sub.helpGroup() || 'Commands:',
    );
    commandGroups.forEach((commands, group) => {
      const commandList = commands.map((sub) => {
        return callFormatItem(
          helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
          helper.styleSubcommandDescription(helper.subcommandDescription(sub)),
        );
      });
      output = output.concat(this.formatItemList(group, commandList, helper));
    });

    return output.join('\n');
  }

  /**
   * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
   *
   * @param {string} str
   * @returns {number}
   */
  displayWidth(str) {
    return stripColor(str).length;
  }

  /**
   * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
   *
   * @param {string} str
   * @returns {string}
   */
  styleTitle(str) {
    return str;
  }

  styleUsage(str) {
    // Usage has lots of parts the user might like to color separately! Assume default usage string which is formed like:
    //    command subcommand [options] [command] <foo> [bar]
    return str
      .split(' ')
      .map((word) => {
        if (word === '[options]') return this.styleOptionText(word);
        if (word === '[command]') return this.styleSubcommandText(word);
        if (word[0] === '[' || word[0] === '<')
          return this.styleArgumentText(word);
        return this.styleCommandText(word); // Restrict to initial words?
      })
      .join(' ');
  }
  styleCommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleOptionDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleSubcommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleArgumentDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleDescriptionText(str) {
    return str;
  }
  styleOptionTerm(str) {
    return this.styleOptionText(str);
  }
  styleSubcommandTerm(str) {
    // This is very like usage with lots of parts! Assume default string which is formed like:
    //    subcommand [options] <foo> [bar]
    return str
      .split(' ')
      .map((word) => {
        if (word === '[options]') return this.styleOptionText(word);
        if (word[0] === '[' || word[0] === '<')
          return this.styleArgumentText(word);
        return this.styleSubcommandText(word); // Restrict to initial words?
      })
      .join(' ');
  }
  styleArgumentTerm(str) {
    return this.styleArgumentText(str);
  }
  styleOptionText(str) {
    return str;
  }
  styleArgumentText(str) {
    return str;
  }
  styleSubcommandText(str) {
    return str;
  }
  styleCommandText(str) {
    return str;
  }

  /**
   * Calculate the pad width from the maximum term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  padWidth(cmd, helper) {
    return Math.max(
      helper.longestOptionTermLength(cmd, helper),
      helper.longestGlobalOptionTermLength(cmd, helper),
      helper.longestSubcommandTermLength(cmd, helper),
      helper.longestArgumentTermLength(cmd, helper),
    );
  }

  /**
   * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
   *
   * @param {string} str
   * @returns {boolean}
   */
  preformatted(str) {
    return /\n[^\S\r\n]/.test(str);
  }

  /**
   * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
   *
   * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
   *   TTT  DDD DDDD
   *        DD DDD
   *
   * @param {string} term
   * @param {number} termWidth
   * @param {string} description
   * @param {Help} helper
   * @returns {string}
   */
  formatItem(term, termWidth, description, helper) {
    const itemIndent = 2;
    const itemIndentStr = ' '.repeat(itemIndent);
    if (!description) return itemIndentStr + term;

    // Pad the term out to a consistent width, so descriptions are aligned.
    const paddedTerm = term.padEnd(
      termWidth + term.length - helper.displayWidth(term),
    );

    // Format the description.
    const spacerWidth = 2; // between term and description
    const helpWidth = this.helpWidth ?? 80; // in case prepareContext() was not called
    const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
    let formattedDescription;
    if (
      remainingWidth < this.minWidthToWrap ||
      helper.preformatted(description)
    ) {
      formattedDescription = description;
    } else {
      const wrappedDescription = helper.boxWrap(description, remainingWidth);
      formattedDescription = wrappedDescription.replace(
        /\n/g,
        '\n' + ' '.repeat(termWidth + spacerWidth),
      );
    }

    // Construct and overall indent.
    return (
      itemIndentStr +
      paddedTerm +
      ' '.repeat(spacerWidth) +
      formattedDescription.replace(/\n/g, `\n${itemIndentStr}`)
    );
  }

  /**
   * Wrap a string at whitespace, preserving existing line breaks.
   * Wrapping is skipped if the width is less than `minWidthToWrap`.
   *
   * @param {string} str
   * @param {number} width
   * @returns {string}
   */
  boxWrap(str, width) {
    if (width < this.minWidthToWrap) return str;

    const rawLines = str.split(/\r\n|\n/);
    // split up text by whitespace
    const chunkPattern = /[\s]*[^\s]+/g;
    const wrappedLines = [];
    rawLines.forEach((line) => {
      const chunks = line.match(chunkPattern);
      if (chunks === null) {
        wrappedLines.push('');
        return;
      }

      let sumChunks = [chunks.shift()];
      let sumWidth = this.displayWidth(sumChunks[0]);
      chunks.forEach((chunk) => {
        const visibleWidth = this.displayWidth(chunk);
        // Accumulate chunks while they fit into width.
        if (sumWidth + visibleWidth <= width) {
          sumChunks.push(chunk);
          sumWidth += visibleWidth;
          return;
        }
        wrappedLines.push(sumChunks.join(''));

        const nextChunk = chunk.trimStart(); // trim space at line break
        sumChunks = [nextChunk];
        sumWidth = this.displayWidth(nextChunk);
      });
      wrappedLines.push(sumChunks.join(''));
    });

    return wrappedLines.join('\n');
  }
}

/**
 * Strip style ANSI escape sequences from the string. In particular, SGR (Select Graphic Rendition) codes.
 *
 * @param {string} str
 * @returns {string}
 * @package
 */

function stripColor(str) {
  // eslint-disable-next-line no-control-regex
  const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
  return str.replace(sgrPattern, '');
}

exports.Help = Help;
exports.stripColor = stripColor;


/***/ }),

/***/ 240:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { InvalidArgumentError } = __nccwpck_require__(135);

class Option {
  /**
   * Initialize a new `Option` with the given `flags` and `description`.
   *
   * @param {string} flags
   * @param {string} [description]
   */

  constructor(flags, description) {
    this.flags = flags;
    this.description = description || '';

    this.required = flags.includes('<'); // A value must be supplied when the option is specified.
    this.optional = flags.includes('['); // A value is optional when the option is specified.
    // variadic test ignores <value,...> et al which might be used to describe custom splitting of single argument
    this.variadic = /\w\.\.\.[>\]]$/.test(flags); // The option can take multiple values.
    this.mandatory = false; // The option must have a value after parsing, which usually means it must be specified on command line.
    const optionFlags = splitOptionFlags(flags);
    this.short = optionFlags.shortFlag; // May be a short flag, undefined, or even a long flag (if option has two long flags).
    this.long = optionFlags.longFlag;
    this.negate = false;
    if (this.long) {
      this.negate = this.long.startsWith('--no-');
    }
    this.defaultValue = undefined;
    this.defaultValueDescription = undefined;
    this.presetArg = undefined;
    this.envVar = undefined;
    this.parseArg = undefined;
    this.hidden = false;
    this.argChoices = undefined;
    this.conflictsWith = [];
    this.implied = undefined;
    this.helpGroupHeading = undefined; // soft initialised when option added to command
  }

  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Option}
   */

  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }

  /**
   * Preset to use when option used without option-argument, especially optional but also boolean and negated.
   * The custom processing (parseArg) is called.
   *
   * @example
   * new Option('--color').default('GREYSCALE').preset('RGB');
   * new Option('--donate [amount]').preset('20').argParser(parseFloat);
   *
   * @param {*} arg
   * @return {Option}
   */

  preset(arg) {
    this.presetArg = arg;
    return this;
  }

  /**
   * Add option name(s) that conflict with this option.
   * An error will be displayed if conflicting options are found during parsing.
   *
   * @example
   * new Option('--rgb').conflicts('cmyk');
   * new Option('--js').conflicts(['ts', 'jsx']);
   *
   * @param {(string | string[])} names
   * @return {Option}
   */

  conflicts(names) {
    this.conflictsWith = this.conflictsWith.concat(names);
    return this;
  }

  /**
   * Specify implied option values for when this option is set and the implied options are not.
   *
   * The custom processing (parseArg) is not called on the implied values.
   *
   * @example
   * program
   *   .addOption(new Option('--log', 'write logging information to file'))
   *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
   *
   * @param {object} impliedOptionValues
   * @return {Option}
   */
  implies(impliedOptionValues) {
    let newImplied = impliedOptionValues;
    if (typeof impliedOptionValues === 'string') {
      // string is not documented, but easy mistake and we can do what user probably intended.
      newImplied = { [impliedOptionValues]: true };
    }
    this.implied = Object.assign(this.implied || {}, newImplied);
    return this;
  }

  /**
   * Set environment variable to check for option value.
   *
   * An environment variable is only used if when processed the current option value is
   * undefined, or the source of the current value is 'default' or 'config' or 'env'.
   *
   * @param {string} name
   * @return {Option}
   */

  env(name) {
    this.envVar = name;
    return this;
  }

  /**
   * Set the custom handler for processing CLI option arguments into option values.
   *
   * @param {Function} [fn]
   * @return {Option}
   */

  argParser(fn) {
    this.parseArg = fn;
    return this;
  }

  /**
   * Whether the option is mandatory and must have a value after parsing.
   *
   * @param {boolean} [mandatory=true]
   * @return {Option}
   */

  makeOptionMandatory(mandatory = true) {
    this.mandatory = !!mandatory;
    return this;
  }

  /**
   * Hide option in help.
   *
   * @param {boolean} [hide=true]
   * @return {Option}
   */

  hideHelp(hide = true) {
    this.hidden = !!hide;
    return this;
  }

  /**
   * @package
   */

  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }

    previous.push(value);
    return previous;
  }

  /**
   * Only allow option value to be one of choices.
   *
   * @param {string[]} values
   * @return {Option}
   */

  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(', ')}.`,
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }

  /**
   * Return option name.
   *
   * @return {string}
   */

  name() {
    if (this.long) {
      return this.long.replace(/^--/, '');
    }
    return this.short.replace(/^-/, '');
  }

  /**
   * Return option name, in a camelcase format that can be used
   * as an object attribute key.
   *
   * @return {string}
   */

  attributeName() {
    if (this.negate) {
      return camelcase(this.name().replace(/^no-/, ''));
    }
    return camelcase(this.name());
  }

  /**
   * Set the help group heading.
   *
   * @param {string} heading
   * @return {Option}
   */
  helpGroup(heading) {
    this.helpGroupHeading = heading;
    return this;
  }

  /**
   * Check if `arg` matches the short or long flag.
   *
   * @param {string} arg
   * @return {boolean}
   * @package
   */

  is(arg) {
    return this.short === arg || this.long === arg;
  }

  /**
   * Return whether a boolean option.
   *
   * Options are one of boolean, negated, required argument, or optional argument.
   *
   * @return {boolean}
   * @package
   */

  isBoolean() {
    return !this.required && !this.optional && !this.negate;
  }
}

/**
 * This class is to make it easier to work with dual options, without changing the existing
 * implementation. We support separate dual options for separate positive and negative options,
 * like `--build` and `--no-build`, which share a single option value. This works nicely for some
 * use cases, but is tricky for others where we want separate behaviours despite
 * the single shared option value.
 */
class DualOptions {
  /**
   * @param {Option[]} options
   */
  constructor(options) {
    this.positiveOptions = new Map();
    this.negativeOptions = new Map();
    this.dualOptions = new Set();
    options.forEach((option) => {
      if (option.negate) {
        this.negativeOptions.set(option.attributeName(), option);
      } else {
        this.positiveOptions.set(option.attributeName(), option);
      }
    });
    this.negativeOptions.forEach((value, key) => {
      if (this.positiveOptions.has(key)) {
        this.dualOptions.add(key);
      }
    });
  }

  /**
   * Did the value come from the option, and not from possible matching dual option?
   *
   * @param {*} value
   * @param {Option} option
   * @returns {boolean}
   */
  valueFromOption(value, option) {
    const optionKey = option.attributeName();
    if (!this.dualOptions.has(optionKey)) return true;

    // Use the value to deduce if (probably) came from the option.
    const preset = this.negativeOptions.get(optionKey).presetArg;
    const negativeValue = preset !== undefined ? preset : false;
    return option.negate === (negativeValue === value);
  }
}

/**
 * Convert string from kebab-case to camelCase.
 *
 * @param {string} str
 * @return {string}
 * @private
 */

function camelcase(str) {
  return str.split('-').reduce((str, word) => {
    return str + word[0].toUpperCase() + word.slice(1);
  });
}

/**
 * Split the short and long flag out of something like '-m,--mixed <value>'
 *
 * @private
 */

function splitOptionFlags(flags) {
  let shortFlag;
  let longFlag;
  // short flag, single dash and single character
  const shortFlagExp = /^-[^-]$/;
  // long flag, double dash and at least one character
  const longFlagExp = /^--[^-]/;

  const flagParts = flags.split(/[ |,]+/).concat('guard');
  // Normal is short and/or long.
  if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
  if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
  // Long then short. Rarely used but fine.
  if (!shortFlag && shortFlagExp.test(flagParts[0]))
    shortFlag = flagParts.shift();
  // Allow two long flags, like '--ws, --workspace'
  // This is the supported way to have a shortish option flag.
  if (!shortFlag && longFlagExp.test(flagParts[0])) {
    shortFlag = longFlag;
    longFlag = flagParts.shift();
  }

  // Check for unprocessed flag. Fail noisily rather than silently ignore.
  if (flagParts[0].startsWith('-')) {
    const unsupportedFlag = flagParts[0];
    const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
    if (/^-[^-][^-]/.test(unsupportedFlag))
      throw new Error(
        `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`,
      );
    if (shortFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many short flags`);
    if (longFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many long flags`);

    throw new Error(`${baseError}
- unrecognised flag format`);
  }
  if (shortFlag === undefined && longFlag === undefined)
    throw new Error(
      `option creation failed due to no flags found in '${flags}'.`,
    );

  return { shortFlag, longFlag };
}

exports.Option = Option;
exports.DualOptions = DualOptions;


/***/ }),

/***/ 30:
/***/ ((__unused_webpack_module, exports) => {

const maxDistance = 3;

function editDistance(a, b) {
  // https://en.wikipedia.org/wiki/Damerau–Levenshtein_distance
  // Calculating optimal string alignment distance, no substring is edited more than once.
  // (Simple implementation.)

  // Quick early exit, return worst case.
  if (Math.abs(a.length - b.length) > maxDistance)
    return Math.max(a.length, b.length);

  // distance between prefix substrings of a and b
  const d = [];

  // pure deletions turn a into empty string
  for (let i = 0; i <= a.length; i++) {
    d[i] = [i];
  }
  // pure insertions turn empty string into b
  for (let j = 0; j <= b.length; j++) {
    d[0][j] = j;
  }

  // fill matrix
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      let cost = 1;
      if (a[i - 1] === b[j - 1]) {
        cost = 0;
      } else {
        cost = 1;
      }
      d[i][j] = Math.min(
        d[i - 1][j] + 1, // deletion
        d[i][j - 1] + 1, // insertion
        d[i - 1][j - 1] + cost, // substitution
      );
      // transposition
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }

  return d[a.length][b.length];
}

/**
 * Find close matches, restricted to same number of edits.
 *
 * @param {string} word
 * @param {string[]} candidates
 * @returns {string}
 */

function suggestSimilar(word, candidates) {
  if (!candidates || candidates.length === 0) return '';
  // remove possible duplicates
  candidates = Array.from(new Set(candidates));

  const searchingOptions = word.startsWith('--');
  if (searchingOptions) {
    word = word.slice(2);
    candidates = candidates.map((candidate) => candidate.slice(2));
  }

  let similar = [];
  let bestDistance = maxDistance;
  const minSimilarity = 0.4;
  candidates.forEach((candidate) => {
    if (candidate.length <= 1) return; // no one character guesses

    const distance = editDistance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    const similarity = (length - distance) / length;
    if (similarity > minSimilarity) {
      if (distance < bestDistance) {
        // better edit distance, throw away previous worse matches
        bestDistance = distance;
        similar = [candidate];
      } else if (distance === bestDistance) {
        similar.push(candidate);
      }
    }
  });

  similar.sort((a, b) => a.localeCompare(b));
  if (searchingOptions) {
    similar = similar.map((candidate) => `--${candidate}`);
  }

  if (similar.length > 1) {
    return `\n(Did you mean one of ${similar.join(', ')}?)`;
  }
  if (similar.length === 1) {
    return `\n(Did you mean ${similar[0]}?)`;
  }
  return '';
}

exports.suggestSimilar = suggestSimilar;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__main = __webpack_exports__.i;
/******/ export { __webpack_exports__main as main };
/******/ 

//# sourceMappingURL=index.js.map