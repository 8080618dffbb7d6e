export const id = 27;
export const ids = [27];
export const modules = {

/***/ 57027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openLedger: () => (/* binding */ openLedger)
});

// EXTERNAL MODULE: ./src/gate/codes.ts
var codes = __webpack_require__(29369);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/proper-lockfile/index.js
var proper_lockfile = __webpack_require__(83648);
var proper_lockfile_default = /*#__PURE__*/__webpack_require__.n(proper_lockfile);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/canonicalize/lib/canonicalize.js
var canonicalize = __webpack_require__(98799);
;// CONCATENATED MODULE: ./src/evidence/hash.ts



/**
 * The record id of SPEC §5: lowercase hex SHA-256 of the RFC 8785 (JCS) canonical JSON of the record
 * without its `id` field. Accepts any parsed JSON object so that records written by other
 * implementations (with extra fields) are hashed exactly as written.
 */
function computeRecordId(record) {
    const { id: _id, ...rest } = record;
    const canonical = (0,canonicalize/* default */.A)(rest);
    if (canonical === undefined)
        throw new Error('record cannot be canonicalized');
    return (0,external_node_crypto_.createHash)('sha256').update(canonical, 'utf8').digest('hex');
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
const oneShot = external_node_crypto_.hash;
function sha256Hex(text) {
    return oneShot ? oneShot('sha256', text, 'hex') : (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
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

// EXTERNAL MODULE: ./src/evidence/record.ts
var evidence_record = __webpack_require__(9784);
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
        if (record.schema !== evidence_record/* EVIDENCE_SCHEMA */.m) {
            return fail('schema', JSON.stringify(evidence_record/* EVIDENCE_SCHEMA */.m), JSON.stringify(record.schema), 'unknown schema');
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

;// CONCATENATED MODULE: ./src/evidence/ledger.ts


const EMPTY_VIEW = Object.freeze({
    records: 0,
    tip: null,
    lastAllow: null,
    allowedShas: new Set()
});
/** `ledger/<encodeURIComponent(environment)>.jsonl` (SPEC §5), relative to the ledger root. */
function ledgerFile(environment) {
    return `ledger/${encodeURIComponent(environment)}.jsonl`;
}
/**
 * Verifies a whole ledger file's text for one environment and returns its view. `where` names the file
 * for the error message (e.g. `ledger/prod.jsonl on branch deploy-evidence of …`).
 * Lines end with `\n`; a missing final newline is accepted (the next append adds it).
 */
function verifyLedgerText(text, environment, where) {
    if (text === '')
        return EMPTY_VIEW;
    const verifier = new ChainVerifier(environment);
    let lastAllow = null;
    const allowedShas = new Set();
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    for (const line of lines) {
        const record = verifier.push(line);
        if (record === null)
            break;
        if (record.decision === 'allow') {
            if (typeof record.sha !== 'string') {
                throw integrityError(where, `line ${verifier.count}: an allow record has no sha string`);
            }
            lastAllow = record;
            allowedShas.add(record.sha.toLowerCase());
        }
    }
    const broken = verifier.firstBreak;
    if (broken)
        throw integrityError(where, broken.message);
    return { records: verifier.count, tip: verifier.tip, lastAllow, allowedShas };
}
function integrityError(where, what) {
    return new errors/* LedgerIntegrityError */.Bn(`The evidence ledger ${where} is broken and will not be extended: ${what}. ` +
        'Restore the file from the branch history (`deploy-gate verify` lists the break) before deploying again.');
}
/** The line to append for `record`, after checking that it belongs to this environment's chain. */
function serializeRecord(record, environment) {
    if (record.environment !== environment) {
        throw new Error(`a record of environment "${record.environment}" cannot be appended to "${environment}"`);
    }
    return JSON.stringify(record);
}

;// CONCATENATED MODULE: ./src/evidence/file-store.ts






/**
 * The `file` evidence store (SPEC §5): `ledger/<env>.jsonl` under `dir`, for self-hosted runners that
 * share a folder, and for tests.
 *
 * Appends happen under an exclusive per-environment lock taken with proper-lockfile rather than an
 * O_EXCL lock file: its lock is a directory (mkdir is atomic, also on NFS) whose mtime the holder
 * keeps refreshing, so the lock of a runner that was killed mid-append goes stale and is taken over
 * instead of blocking every later deploy until someone deletes it by hand. Each append is one write()
 * of one line to a file opened for appending, then fsync (and the folder is fsynced when the file is new).
 */
function createFileStore(config, deps = {}) {
    return new FileStore(config.dir, deps);
}
class FileStore {
    dir;
    lockTimeoutMs;
    staleMs;
    sleep;
    random;
    /** The last file content verified per environment: the append after a read re-verifies only a change. */
    verified = new Map();
    constructor(dir, deps) {
        this.dir = dir;
        this.staleMs = Math.max(5000, deps.staleMs ?? 10_000);
        this.lockTimeoutMs = deps.lockTimeoutMs ?? 30_000;
        this.sleep = deps.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
        this.random = deps.random ?? Math.random;
    }
    describe(environment) {
        return (0,external_node_path_.join)(this.dir, ledgerFile(environment));
    }
    async read(environment) {
        await this.checkDir();
        const path = this.describe(environment);
        if (!(await exists(path)))
            return EMPTY_VIEW;
        // Under the lock: a reader never sees a line that a writer is still writing.
        const { result } = await this.withLock(path, async () => this.verify(await readText(path), environment));
        return result;
    }
    async append(environment, build) {
        await this.checkDir();
        const path = this.describe(environment);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true }).catch((error) => {
            throw new errors/* UpstreamError */.gA('ledger', `cannot create ${(0,external_node_path_.dirname)(path)}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
        });
        const { result, attempts } = await this.withLock(path, async (isCompromised) => {
            const created = !(await exists(path));
            const text = created ? '' : await readText(path);
            const view = this.verify(text, environment);
            const record = chainRecord(build(view), view.tip);
            const line = serializeRecord(record, environment);
            const separator = text !== '' && !text.endsWith('\n') ? '\n' : '';
            const compromised = isCompromised();
            if (compromised)
                throw new errors/* UpstreamError */.gA('ledger', `lost the lock on ${path}: ${compromised}`);
            try {
                const handle = await (0,promises_.open)(path, 'a');
                try {
                    await handle.write(`${separator}${line}\n`);
                    await handle.sync();
                }
                finally {
                    await handle.close();
                }
                if (created)
                    await fsyncDir((0,external_node_path_.dirname)(path));
            }
            catch (error) {
                throw new errors/* UpstreamError */.gA('ledger', `cannot append to ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
            }
            return record;
        });
        return { record: result, attempts, commit: null };
    }
    verify(text, environment) {
        const known = this.verified.get(environment);
        if (known?.text === text)
            return known.view;
        const view = verifyLedgerText(text, environment, this.describe(environment));
        this.verified.set(environment, { text, view });
        return view;
    }
    async checkDir() {
        // A missing folder is more likely a missing mount than a first deploy: starting a new chain there
        // would silently reset the environment's history.
        const info = await (0,promises_.stat)(this.dir).catch(() => null);
        if (!info?.isDirectory()) {
            throw new errors/* UpstreamError */.gA('ledger', `the evidence-dir ${this.dir} does not exist or is not a folder`);
        }
    }
    async withLock(path, fn) {
        let compromised = null;
        const started = Date.now();
        let release = null;
        let attempts = 0;
        while (release === null) {
            attempts += 1;
            try {
                release = await proper_lockfile_default().lock(path, {
                    realpath: false,
                    stale: this.staleMs,
                    retries: 0,
                    onCompromised: (error) => {
                        compromised = error.message;
                    }
                });
            }
            catch (error) {
                const code = error.code;
                if (code !== 'ELOCKED')
                    throw new errors/* UpstreamError */.gA('ledger', `cannot lock ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
                if (Date.now() - started > this.lockTimeoutMs) {
                    throw new errors/* UpstreamError */.gA('ledger', `${path} stayed locked by another writer for ${this.lockTimeoutMs} ms`);
                }
                const cap = Math.min(500, 10 * 2 ** Math.min(attempts, 6));
                await this.sleep(Math.round(cap / 4 + this.random() * cap * 0.75));
            }
        }
        try {
            return { result: await fn(() => compromised), attempts };
        }
        finally {
            await release().catch(() => undefined);
        }
    }
}
async function exists(path) {
    return (0,promises_.stat)(path).then(() => true, () => false);
}
async function readText(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* UpstreamError */.gA('ledger', `cannot read ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`);
    }
}
async function fsyncDir(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(96251);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(81260);
// EXTERNAL MODULE: ./src/evidence/redact.ts
var redact = __webpack_require__(4488);
;// CONCATENATED MODULE: ./src/evidence/git-store.ts









/** GIT_CONFIG_COUNT (config through the environment) needs git 2.31. */
const MIN_GIT = [2, 31];
const TIP_REF = 'refs/ledger/tip';
const MISSING_BRANCH = /couldn't find remote ref/i;
/** A concurrent writer got there first: re-read the tip, re-chain, retry. */
const PUSH_RACE = /non-fast-forward|fetch first|cannot lock ref|stale info|incorrect old value|failed to update ref|failed to lock|but expected/i;
/** Retrying will not help: credentials, permissions, or the repository itself. */
const FATAL = /returned error: (401|403|404)|authentication failed|permission to .* denied|could not read (username|password)|does not appear to be a git repository|repository not found|repository '[^']*' not found|terminal prompts disabled|protected branch|declined|GH006|GH013/i;
const AUTH = /returned error: (401|403)|authentication failed|permission to .* denied|could not read (username|password)|repository not found/i;
/**
 * The `git` evidence store (SPEC §5): the ledger is `ledger/<env>.jsonl` on a branch of `remote`.
 *
 * Works in a scratch bare repository of its own, so the job needs no checkout: fetch only the ledger
 * branch at depth 1, verify the environment's file, build the new blob/tree/commit with plumbing, and
 * push without force. A rejected push (a concurrent deploy appended first) re-fetches, re-verifies and
 * re-chains before trying again, with jittered exponential backoff, a bounded number of times.
 *
 * The token never appears on a command line: it reaches git as `http.extraheader` through
 * GIT_CONFIG_COUNT/KEY/VALUE environment variables (not visible in `ps` or in @actions/exec's echo),
 * it is masked with core.setSecret, and it is scrubbed from every message built from git's output.
 */
function createGitStore(config, identity, deps = {}) {
    return new GitStore(config, identity, deps);
}
class GitStore {
    config;
    runGit;
    sleep;
    random;
    maxAttempts;
    maxTransportAttempts;
    baseDelayMs;
    maxDelayMs;
    tmpDir;
    secrets;
    baseEnv;
    author;
    checked = null;
    /**
     * The last chain read and verified per environment, by ledger commit: a run reads the ledger, then
     * appends, and a commit id fixes the content, so the file is only listed, loaded and verified again when
     * someone else wrote in between.
     */
    verified = new Map();
    constructor(config, identity, deps) {
        this.config = config;
        this.runGit = deps.runGit ?? defaultRunGit;
        this.sleep = deps.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
        this.random = deps.random ?? Math.random;
        this.maxAttempts = deps.maxAttempts ?? 10;
        this.maxTransportAttempts = deps.maxTransportAttempts ?? 3;
        this.baseDelayMs = deps.baseDelayMs ?? 100;
        this.maxDelayMs = deps.maxDelayMs ?? 2000;
        this.tmpDir = deps.tmpDir ?? (0,external_node_os_.tmpdir)();
        const basic = config.token
            ? Buffer.from(`x-access-token:${config.token}`, 'utf8').toString('base64')
            : null;
        const header = basic === null ? null : `AUTHORIZATION: basic ${basic}`;
        this.secrets = basic === null ? [] : [config.token, basic];
        const setSecret = deps.setSecret ?? core/* setSecret */.Pq;
        for (const secret of this.secrets)
            setSecret(secret);
        this.baseEnv = gitEnvironment(process.env, header);
        this.author = commitIdentity(identity.actor);
    }
    describe(environment) {
        return `${ledgerFile(environment)} on branch ${this.config.branch} of ${(0,redact/* redactUrl */.BO)(this.config.remote)}`;
    }
    async read(environment) {
        return this.withScratch(async (gitDir) => {
            for (let attempt = 1;; attempt += 1) {
                const fetched = await this.fetchTip(gitDir);
                if (fetched.kind === 'ok')
                    return (await this.readChain(gitDir, environment)).view;
                if (attempt >= this.maxTransportAttempts)
                    throw this.unreachable(fetched.detail);
                await this.sleep(this.backoff(attempt));
            }
        });
    }
    async append(environment, build) {
        return this.withScratch(async (gitDir) => {
            let transportFailures = 0;
            let lastRace = '';
            // A push whose answer was lost may have landed: found on the next read, it is not appended twice.
            let unconfirmed = null;
            for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
                if (attempt > 1)
                    await this.sleep(this.backoff(attempt - 1));
                const fetched = await this.fetchTip(gitDir);
                if (fetched.kind === 'transport') {
                    transportFailures += 1;
                    if (transportFailures >= this.maxTransportAttempts)
                        throw this.unreachable(fetched.detail);
                    continue;
                }
                const { view, text, tipCommit } = await this.readChain(gitDir, environment);
                if (unconfirmed && text.includes(`"id":"${unconfirmed.record.id}"`)) {
                    return { record: unconfirmed.record, attempts: attempt - 1, commit: unconfirmed.commit };
                }
                unconfirmed = null;
                const record = chainRecord(build(view), view.tip);
                const line = serializeRecord(record, environment);
                const separator = text !== '' && !text.endsWith('\n') ? '\n' : '';
                const content = `${text}${separator}${line}\n`;
                const commit = await this.commitAppend(gitDir, environment, tipCommit, content, record);
                const pushed = await this.push(gitDir, commit);
                if (pushed.kind === 'ok')
                    return { record, attempts: attempt, commit };
                if (pushed.kind === 'race') {
                    lastRace = pushed.detail;
                    continue;
                }
                unconfirmed = { record, commit };
                transportFailures += 1;
                if (transportFailures >= this.maxTransportAttempts)
                    throw this.unreachable(pushed.detail, 'push to');
            }
            throw new errors/* UpstreamError */.gA('ledger', `could not append to ${this.describe(environment)}: the push was rejected ${this.maxAttempts} times ` +
                `by concurrent writers (last: ${lastRace})`);
        });
    }
    /** One scratch repository per operation, removed afterwards whatever happens. */
    async withScratch(fn) {
        await (this.checked ??= this.checkGit());
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(this.tmpDir, 'deploy-gate-ledger-'));
        try {
            const gitDir = (0,external_node_path_.join)(dir, 'ledger.git');
            await this.git(['init', '--bare', '--quiet', gitDir]);
            return await fn(gitDir);
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    async checkGit() {
        const { stdout } = await this.git(['version']);
        const match = /(\d+)\.(\d+)/.exec(stdout);
        const major = Number(match?.[1] ?? 0);
        const minor = Number(match?.[2] ?? 0);
        if (major < MIN_GIT[0] || (major === MIN_GIT[0] && minor < MIN_GIT[1])) {
            throw new errors/* UpstreamError */.gA('ledger', `the git store needs git ${MIN_GIT.join('.')} or later, found "${stdout.trim()}"`);
        }
        const ref = await this.run(['check-ref-format', `refs/heads/${this.config.branch}`]);
        if (ref.exitCode !== 0) {
            throw new errors/* UpstreamError */.gA('ledger', `"${this.config.branch}" is not a valid branch name for the evidence ledger`);
        }
    }
    /** Fetches the ledger branch's tip only; a missing branch empties the scratch ref (an empty ledger). */
    async fetchTip(gitDir) {
        const result = await this.run([
            `--git-dir=${gitDir}`,
            'fetch',
            '--quiet',
            '--depth=1',
            '--no-tags',
            '--no-write-fetch-head',
            '--no-recurse-submodules',
            '--',
            this.config.remote,
            `+refs/heads/${this.config.branch}:${TIP_REF}`
        ]);
        if (result.exitCode === 0)
            return { kind: 'ok' };
        const detail = this.detail(result);
        if (MISSING_BRANCH.test(result.stderr)) {
            await this.git([`--git-dir=${gitDir}`, 'update-ref', '-d', TIP_REF]);
            return { kind: 'ok' };
        }
        if (FATAL.test(result.stderr))
            throw this.unreachable(detail);
        return { kind: 'transport', detail };
    }
    async readChain(gitDir, environment) {
        const tip = await this.run([
            `--git-dir=${gitDir}`,
            'rev-parse',
            '--verify',
            '--quiet',
            `${TIP_REF}^{commit}`
        ]);
        if (tip.exitCode !== 0)
            return { view: EMPTY_VIEW, text: '', tipCommit: null };
        const tipCommit = tip.stdout.trim();
        const known = this.verified.get(environment);
        if (known?.tipCommit === tipCommit)
            return known;
        const chain = await this.loadChain(gitDir, environment, tipCommit);
        this.verified.set(environment, chain);
        return chain;
    }
    async loadChain(gitDir, environment, tipCommit) {
        const path = ledgerFile(environment);
        const where = this.describe(environment);
        const listed = await this.git([`--git-dir=${gitDir}`, 'ls-tree', '-z', tipCommit, '--', path]);
        if (listed.stdout === '')
            return { view: EMPTY_VIEW, text: '', tipCommit };
        const entry = /^(\d+) (\w+) ([0-9a-f]+)\t/.exec(listed.stdout);
        if (!entry || entry[1] !== '100644' || entry[2] !== 'blob') {
            throw new errors/* LedgerIntegrityError */.Bn(`The evidence ledger ${where} is not a regular file (${listed.stdout.split('\t')[0]})`);
        }
        const blob = await this.git([`--git-dir=${gitDir}`, 'cat-file', 'blob', entry[3]]);
        return { view: verifyLedgerText(blob.stdout, environment, where), text: blob.stdout, tipCommit };
    }
    /** Exactly one commit on top of the tip (or a root commit) that adds the one line. */
    async commitAppend(gitDir, environment, parent, content, record) {
        const base = [`--git-dir=${gitDir}`];
        const blob = (await this.git([...base, 'hash-object', '-w', '--stdin'], { input: content })).stdout.trim();
        const index = { GIT_INDEX_FILE: (0,external_node_path_.join)(gitDir, `append-${process.pid}-${Date.now()}.index`) };
        await this.git([...base, 'read-tree', ...(parent ? [parent] : ['--empty'])], { env: index });
        await this.git([...base, 'update-index', '--add', '--cacheinfo', `100644,${blob},${ledgerFile(environment)}`], {
            env: index
        });
        const tree = (await this.git([...base, 'write-tree'], { env: index })).stdout.trim();
        const message = `deploy-gate: ${record.decision} ${record.sha} to ${oneLine(environment)} (seq ${record.seq})\n\n` +
            `Evidence record appended to ${ledgerFile(environment)}.\n`;
        const identity = {
            GIT_AUTHOR_NAME: this.author.name,
            GIT_AUTHOR_EMAIL: this.author.email,
            GIT_COMMITTER_NAME: this.author.name,
            GIT_COMMITTER_EMAIL: this.author.email
        };
        const commit = await this.git([...base, 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-F', '-'], {
            env: identity,
            input: message
        });
        return commit.stdout.trim();
    }
    async push(gitDir, commit) {
        const result = await this.run([
            `--git-dir=${gitDir}`,
            'push',
            '--porcelain',
            '--no-verify',
            '--',
            this.config.remote,
            `${commit}:refs/heads/${this.config.branch}`
        ]);
        const output = `${result.stdout}\n${result.stderr}`;
        if (result.exitCode === 0)
            return { kind: 'ok' };
        const detail = this.detail({ ...result, stderr: output });
        if (PUSH_RACE.test(output))
            return { kind: 'race', detail };
        if (FATAL.test(output)) {
            throw new errors/* UpstreamError */.gA('ledger', `the push to ${(0,redact/* redactUrl */.BO)(this.config.remote)} (branch ${this.config.branch}) was refused: ${detail}. ` +
                'The evidence token needs permission to push to the ledger branch (contents: write), and the branch ' +
                'must accept fast-forward pushes from it.');
        }
        return { kind: 'transport', detail };
    }
    unreachable(detail, action = 'read') {
        const hint = AUTH.test(detail)
            ? '. The evidence token was refused: it needs read and push access to this repository (contents: write)'
            : '';
        return new errors/* UpstreamError */.gA('ledger', `cannot ${action} the ledger branch ${this.config.branch} of ${(0,redact/* redactUrl */.BO)(this.config.remote)}: ${detail}${hint}`);
    }
    backoff(retry) {
        const cap = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (retry - 1));
        return Math.round(cap / 4 + this.random() * cap * 0.75);
    }
    /** The lines of git's output that say what went wrong, without secrets. */
    detail(result) {
        const lines = result.stderr
            .split('\n')
            .map(l => l.trim())
            .filter(l => l !== '' && !/^(hint:|Please make sure|and the repository exists|To )/.test(l));
        const text = lines.join(' / ') || `git exited with code ${result.exitCode}`;
        return (0,redact/* scrubSecrets */.Zg)(text.length > 600 ? `${text.slice(0, 597)}...` : text, this.secrets);
    }
    /** Runs git; any failure becomes an UpstreamError with a scrubbed message. */
    async git(args, options = {}) {
        const result = await this.run(args, options);
        if (result.exitCode !== 0) {
            throw new errors/* UpstreamError */.gA('ledger', `git ${args.find(a => !a.startsWith('-')) ?? ''} failed: ${this.detail(result)}`);
        }
        return result;
    }
    async run(args, options = {}) {
        try {
            return await this.runGit(args, { env: { ...this.baseEnv, ...options.env }, input: options.input });
        }
        catch (error) {
            throw new errors/* UpstreamError */.gA('ledger', `could not run git: ${(0,redact/* scrubSecrets */.Zg)((0,errors/* getErrorMessage */.u1)(error), this.secrets)}`);
        }
    }
}
const defaultRunGit = async (args, options) => (0,exec.getExecOutput)('git', [...args], {
    env: options.env,
    input: options.input === undefined ? undefined : Buffer.from(options.input, 'utf8'),
    silent: true,
    ignoreReturnCode: true
});
/** Variables that would point git elsewhere, trace requests (headers included) or inject config. */
const DROPPED_ENV = /^(GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|NAMESPACE|COMMON_DIR|CEILING_DIRECTORIES|CONFIG_PARAMETERS|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|TRACE\w*|CURL_VERBOSE|AUTHOR_\w+|COMMITTER_\w+|ASKPASS|EDITOR)|SSH_ASKPASS|LANGUAGE)$/;
function gitEnvironment(env, header) {
    const out = {};
    for (const [key, value] of Object.entries(env)) {
        if (value !== undefined && !DROPPED_ENV.test(key))
            out[key] = value;
    }
    const config = [
        // An empty value first resets extra headers inherited from system/global config.
        ['http.extraheader', ''],
        ...(header ? [['http.extraheader', header]] : []),
        // No credential helper: nothing stored on the machine is used, nothing prompts.
        ['credential.helper', ''],
        ['core.hooksPath', '/dev/null'],
        ['commit.gpgsign', 'false'],
        ['gc.auto', '0'],
        ['maintenance.auto', 'false']
    ];
    out.GIT_CONFIG_COUNT = String(config.length);
    config.forEach(([key, value], i) => {
        out[`GIT_CONFIG_KEY_${i}`] = key;
        out[`GIT_CONFIG_VALUE_${i}`] = value;
    });
    out.GIT_TERMINAL_PROMPT = '0';
    out.GCM_INTERACTIVE = 'never';
    // English messages: rejections and missing branches are recognised by their text.
    out.LC_ALL = 'C';
    return out;
}
/**
 * Author and committer of ledger commits: the workflow actor, with GitHub's no-reply address, so the
 * branch history names who deployed (runners have no git identity configured).
 */
function commitIdentity(actor) {
    // eslint-disable-next-line no-control-regex
    const login = actor.replace(/[<>\u0000-\u001f\u007f\s]/g, '') || 'unknown-actor';
    return { name: login, email: `${login}@users.noreply.github.com` };
}
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

;// CONCATENATED MODULE: ./src/evidence/open-ledger.ts



/** The evidence store that `evidence-store` names (SPEC §3, §5). */
function openLedger(config, identity, deps = {}) {
    switch (config.store) {
        case 'git':
            return createGitStore({ remote: config.remote, branch: config.branch, token: config.token }, identity, deps);
        case 'file':
            return createFileStore({ dir: config.dir }, deps);
        default:
            return (0,codes/* assertNever */.xb)(config);
    }
}


/***/ })

};

//# sourceMappingURL=27.index.js.map