import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bn: () => (/* binding */ LedgerIntegrityError),
/* harmony export */   gA: () => (/* binding */ UpstreamError),
/* harmony export */   u1: () => (/* binding */ getErrorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
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
class LedgerIntegrityError extends Error {
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

/***/ 71715:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ writeEvidenceFile),
/* harmony export */   Xc: () => (/* binding */ evidenceName)
/* harmony export */ });
/* unused harmony exports RUN_EVIDENCE_SCHEMA, MAX_NAME_ENVIRONMENT_BYTES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _gate_codes_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(29369);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4488);





const RUN_EVIDENCE_SCHEMA = 'deploy-gate/run-evidence/v1';
/**
 * Most bytes of the environment part of an evidence name. File names are limited to 255 bytes, and the
 * file is first written as `<name>.json.<pid>.partial`; GitHub environment names may be 255 characters.
 */
const MAX_NAME_ENVIRONMENT_BYTES = 160;
/**
 * `deploy-evidence-<environment>-<run id>-<attempt>`: the artifact name, and the file name without `.json`.
 * An environment name too long for a file name is cut, and the first 12 hex digits of its SHA-256 are added
 * so that two long names never share a file; the evidence inside names the environment in full.
 */
function evidenceName(environment, runId, runAttempt) {
    let part = (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeNamePart */ .ty)(environment);
    if (Buffer.byteLength(part) > MAX_NAME_ENVIRONMENT_BYTES) {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(environment, 'utf8').digest('hex').slice(0, 12);
        const chars = [...part];
        while (Buffer.byteLength(chars.join('')) > MAX_NAME_ENVIRONMENT_BYTES - hash.length - 1)
            chars.pop();
        // Never end on half of a `%XX` escape.
        part = `${chars.join('').replace(/%[0-9A-F]?$/, '')}~${hash}`;
    }
    return `deploy-evidence-${part}-${(0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeNamePart */ .ty)(runId)}-${(0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeNamePart */ .ty)(runAttempt)}`;
}
function buildRunEvidence(input) {
    const warnings = new Set([...(input.record?.warnings ?? []), ...input.warnings]);
    return {
        schema: RUN_EVIDENCE_SCHEMA,
        environment: input.environment,
        run: { id: input.runId, attempt: input.runAttempt },
        record: input.record,
        unrecorded: input.record ? null : (input.unrecorded ?? null),
        range: input.plan,
        results: input.decision.results,
        warnings: (0,_gate_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .inContractOrder */ .Cy)(_gate_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .WARNING_CODES */ .Wj, warnings),
        ledger: input.ledger,
        webhook: input.webhook,
        errors: [...(input.errors ?? [])],
        facts: input.facts,
        tickets: [...(input.tickets ?? [])]
    };
}
/**
 * Writes the run's evidence as `<dir>/deploy-evidence-<env>-<run>-<attempt>.json` (dir: RUNNER_TEMP)
 * and returns its path. Written to a temporary name and renamed, so a reader never sees half a file.
 */
async function writeEvidenceFile(dir, input) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `${evidenceName(input.environment, input.runId, input.runAttempt)}.json`);
    const partial = `${path}.${process.pid}.partial`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(partial, `${JSON.stringify(buildRunEvidence(input), null, 2)}\n`, 'utf8');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(partial, path);
    return path;
}


/***/ }),

/***/ 9784:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ EVIDENCE_SCHEMA)
/* harmony export */ });
const EVIDENCE_SCHEMA = 'deploy-gate/evidence/v1';


/***/ }),

/***/ 4488:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   Zg: () => (/* binding */ scrubSecrets),
/* harmony export */   iU: () => (/* binding */ secretUrlOrigin),
/* harmony export */   ty: () => (/* binding */ encodeNamePart)
/* harmony export */ });
/**
 * Keeping secrets out of messages. Every text that leaves the evidence adapters (errors, warnings, the
 * evidence file) passes through these, so a token that a tool echoes back cannot reach a log.
 */
/** Replaces every occurrence of each secret (ignoring empty ones) with `***`. */
function scrubSecrets(text, secrets) {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...secrets].filter(s => s.length > 0).sort((a, b) => b.length - a.length)) {
        out = out.split(secret).join('***');
    }
    return out;
}
/**
 * A URL as it may be shown: user info, query and fragment removed (they are where credentials hide,
 * e.g. `https://x-access-token:…@host` or `?token=…`). Text that is not a URL (a path) is returned as is.
 */
function redactUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return url;
    }
    if (parsed.protocol === 'file:')
        return url;
    const hidden = parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '';
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    const shown = parsed.toString();
    return hidden ? `${shown} (credentials and query hidden)` : shown;
}
/**
 * A URL that is itself a secret (`evidence-webhook`: SIEM collectors put their credential in the path) as
 * it may be shown: scheme, host and port only. The runner's mask cannot be relied on here, because it
 * matches the text as given, not the URL as normalised, and the evidence file is not masked at all.
 */
function secretUrlOrigin(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return '(the URL given)';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return '(the URL given)';
    const more = parsed.pathname !== '/' ||
        parsed.search !== '' ||
        parsed.hash !== '' ||
        parsed.username !== '' ||
        parsed.password !== '';
    return more ? `${parsed.origin}/… (path hidden)` : parsed.origin;
}
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAMES = /[%"\\/:<>|*?\u0000-\u001f\u007f]/g;
/**
 * Environment names go into file and artifact names. Only the characters that a file system or the
 * artifact service refuses (and `%`, so the encoding stays unambiguous) are percent-encoded; the usual
 * names (`production`, `staging eu`) stay readable.
 */
function encodeNamePart(name) {
    return name.replace(UNSAFE_IN_NAMES, ch => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}


/***/ }),

/***/ 29369:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ inContractOrder),
/* harmony export */   OE: () => (/* binding */ REASON_CODES),
/* harmony export */   Wj: () => (/* binding */ WARNING_CODES),
/* harmony export */   xb: () => (/* binding */ assertNever)
/* harmony export */ });
/* unused harmony export RANGES */
/**
 * The reason and warning codes of SPEC §2. They are part of the contract: other tools match on them.
 */
const REASON_CODES = [
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
];
const WARNING_CODES = [
    'since-sha-ignored',
    'bot-approval-ignored',
    'rubber-stamp-suspected',
    'ledger-unprotected',
    'emergency-approvers-empty',
    'follow-up-not-opened',
    'webhook-failed'
];
/**
 * The codes of `order` (a contract list: REASON_CODES, WARNING_CODES) that occur in `codes`, once each and in
 * the contract's order, whatever order and repetitions `codes` has. Anything not in `order` is dropped.
 */
function inContractOrder(order, codes) {
    const present = new Set(codes);
    return order.filter(code => present.has(code));
}
const RANGES = (/* unused pure expression or super */ null && (['incremental', 'initial', 'baseline', 'rollback']));
function assertNever(value) {
    throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}


/***/ }),

/***/ 17607:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   vH: () => (/* binding */ safeHttpUrl)
/* harmony export */ });
/* unused harmony export parseHttpUrl */
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


/***/ }),

/***/ 79407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(49602);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 49602:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 6 modules
var core = __nccwpck_require__(96251);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __nccwpck_require__(83916);
// EXTERNAL MODULE: ./src/gate/codes.ts
var codes = __nccwpck_require__(29369);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __nccwpck_require__(48992);
;// CONCATENATED MODULE: ./src/tickets/retrospective.ts

const RETROSPECTIVE_LABEL = 'deploy-gate-retrospective';
const RETROSPECTIVE_DUE_HOURS = 24;
/** Jira rejects descriptions beyond 32,767 characters. */
const MAX_DESCRIPTION = 30_000;
function retrospectiveDueAt(decidedAt) {
    const t = Date.parse(decidedAt);
    if (Number.isNaN(t))
        throw new Error(`retrospectiveDueAt: not a time: ${decidedAt}`);
    return new Date(t + RETROSPECTIVE_DUE_HOURS * 3_600_000).toISOString();
}
function bypassedLine(result) {
    const where = [
        result.pullRequest !== null ? `pull request #${result.pullRequest}` : null,
        result.commit ? `commit ${result.commit.slice(0, 7)}` : null
    ].filter(Boolean);
    return `- ${result.code ?? 'unknown'}${where.length ? ` (${where.join(', ')})` : ''}: ${(0,src_text/* oneLine */.TN)(result.detail, 500)}`;
}
function composeJiraRetrospective(facts) {
    const dueAt = retrospectiveDueAt(facts.decidedAt);
    const decidedAt = new Date(Date.parse(facts.decidedAt)).toISOString();
    const lines = [...new Set(facts.bypassed.map(bypassedLine))];
    const description = [
        [
            `Emergency deploy of ${(0,src_text/* oneLine */.TN)(facts.repository, 200)} to ${(0,src_text/* oneLine */.TN)(facts.environment, 200)}`,
            `Commit: ${(0,src_text/* oneLine */.TN)(facts.sha, 64)}`,
            `Deployed by: ${(0,src_text/* oneLine */.TN)(facts.actor, 100)} at ${decidedAt}`,
            `Justification: ${(0,src_text/* oneLine */.TN)(facts.justification, 4000)}`
        ].join('\n'),
        [
            'Rules bypassed by the emergency override:',
            ...(lines.length ? lines : ['- none (every rule passed)'])
        ].join('\n'),
        [
            `Gate run: ${(0,src_text/* oneLine */.TN)(facts.runUrl, 500)}`,
            `Due: ${dueAt} (${RETROSPECTIVE_DUE_HOURS} hours after the deploy)`
        ].join('\n'),
        'To close this retrospective: record why the override was needed, get the bypassed checks done after the fact ' +
            '(independent review, passing CI, an approved ticket), and link the changes that followed.'
    ].join('\n\n');
    return {
        project: facts.project,
        summary: (0,src_text/* oneLine */.TN)(`Retrospective: emergency deploy of ${facts.repository}@${facts.sha.slice(0, 7)} to ${facts.environment}`, 255),
        description: description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description,
        dueAt,
        labels: [RETROSPECTIVE_LABEL]
    };
}

// EXTERNAL MODULE: ./src/evidence/record.ts
var record = __nccwpck_require__(9784);
;// CONCATENATED MODULE: ./src/evidence/build-record.ts



/**
 * The ledger record of one decision (SPEC §5), before it is chained. Pure: the same input gives the
 * same record. `changes` has one entry per pull request, most recently merged first, with the approvals
 * that counted (from the decision), the checks on its head commit and its ticket; `commits` is the
 * change set, newest first.
 */
function buildRecord(input) {
    const { decision, facts } = input;
    const decidedAt = toUtc(input.decidedAt, 'decidedAt');
    const verdicts = new Map(decision.pullRequests.map(v => [v.number, v]));
    const seen = new Set();
    const pullRequests = (facts?.pullRequests ?? []).filter(pr => !seen.has(pr.number) && seen.add(pr.number));
    const changes = pullRequests.sort(byMergedNewestFirst).map((pr) => {
        const verdict = verdicts.get(pr.number);
        return {
            number: pr.number,
            title: pr.title,
            url: pr.url,
            author: pr.author.login,
            mergedAt: pr.mergedAt,
            mergedBy: pr.mergedBy,
            headSha: pr.headSha,
            approvals: (verdict?.approvals ?? []).map(a => ({
                login: a.login,
                submittedAt: a.submittedAt,
                commitSha: a.commitSha
            })),
            checks: pr.checks.map(c => ({ name: c.name, conclusion: c.conclusion, completedAt: c.completedAt })),
            ticket: verdict?.ticket
                ? {
                    key: verdict.ticket.key,
                    url: verdict.ticket.url,
                    status: verdict.ticket.status,
                    approvedAt: verdict.ticket.approvedAt
                }
                : null
        };
    });
    return wellFormed({
        schema: record/* EVIDENCE_SCHEMA */.m,
        environment: input.environment,
        repository: input.repository,
        sha: input.sha,
        previousSha: input.previousSha,
        range: decision.range,
        decision: decision.decision,
        reasons: (0,codes/* inContractOrder */.Cy)(codes/* REASON_CODES */.OE, decision.reasons),
        warnings: (0,codes/* inContractOrder */.Cy)(codes/* WARNING_CODES */.Wj, [...decision.warnings, ...(input.warnings ?? [])]),
        emergency: buildEmergency(decision, input.followUp, decidedAt),
        actor: input.actor,
        decidedAt,
        run: { id: input.run.id, attempt: input.run.attempt, url: input.run.url, workflow: input.run.workflow },
        changes,
        commits: [...new Set((facts?.commits ?? []).map(c => c.sha))]
    });
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Text from pull requests and tickets is untrusted and may hold a lone UTF-16 surrogate, which RFC 8785
 * cannot canonicalize: such a record could never be hashed, and every deploy carrying that pull request
 * would fail to be recorded. Lone surrogates become U+FFFD, as a UTF-8 decoder would show them.
 */
function wellFormed(value) {
    if (typeof value === 'string')
        return value.replace(LONE_SURROGATE, '\ufffd');
    if (Array.isArray(value))
        return value.map(wellFormed);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), wellFormed(v)]));
    }
    return value;
}
function buildEmergency(decision, followUp, decidedAt) {
    const emergency = decision.emergency;
    if (emergency === null)
        return null;
    const dueAt = followUp ? toUtc(followUp.dueAt, 'followUp.dueAt') : retrospectiveDueAt(decidedAt);
    return {
        actor: emergency.actor,
        justification: emergency.justification,
        bypassed: (0,codes/* inContractOrder */.Cy)(codes/* REASON_CODES */.OE, emergency.bypassed),
        followUp: { url: followUp?.url ?? null, dueAt }
    };
}
function byMergedNewestFirst(a, b) {
    const byTime = Date.parse(b.mergedAt) - Date.parse(a.mergedAt);
    return Number.isNaN(byTime) || byTime === 0 ? b.number - a.number : byTime;
}
function toUtc(time, field) {
    const ms = Date.parse(time);
    if (Number.isNaN(ms))
        throw new Error(`${field} is not a date: ${JSON.stringify(time)}`);
    return new Date(ms).toISOString();
}

// EXTERNAL MODULE: ./src/evidence/evidence-file.ts
var evidence_file = __nccwpck_require__(71715);
;// CONCATENATED MODULE: ./src/evidence/range.ts
/**
 * What this deploy is checked against (SPEC §2).
 *
 * - No record yet for the environment: `baseline` from `since-sha` when given, else `initial`.
 * - Any record: `since-sha` is ignored with `since-sha-ignored`, so nobody can narrow the check once the
 *   environment is gated. Without an `allow` record yet (only blocked attempts), the deploy is still the
 *   first one: `initial`.
 * - The last `allow` record's sha is the base: `incremental`. Re-deploying exactly that sha is
 *   `incremental` with an empty change set (nothing new goes out; the deployed commit's CI still counts).
 * - `sha` is an ancestor of the last deployed sha and has an `allow` record of its own: `rollback`.
 *   An ancestor that was never deployed is `incremental` (its commits were checked when they went out
 *   as part of later deploys; its change set is empty).
 */
async function planRange(input) {
    const plan = planFromLedger(input);
    if (plan.range !== 'incremental' || plan.previousSha === null || sameSha(input.sha, plan.previousSha))
        return plan;
    if (input.view.allowedShas.has(input.sha.toLowerCase()) &&
        (await input.isAncestor(input.sha, plan.previousSha)))
        return { ...plan, range: 'rollback' };
    return plan;
}
/**
 * The plan as far as the ledger alone establishes it, before GitHub is asked whether `sha` is a rollback.
 * A run that cannot reach GitHub still records this: the environment's last deployed commit
 * (`previousSha`) and the `since-sha-ignored` warning are facts of the ledger, whatever GitHub answers.
 */
function planFromLedger(input) {
    const { view } = input;
    const sinceSha = input.sinceSha === null || input.sinceSha.trim() === '' ? null : input.sinceSha;
    if (view.records === 0) {
        return sinceSha === null
            ? { range: 'initial', base: null, previousSha: null, warnings: [] }
            : { range: 'baseline', base: sinceSha, previousSha: null, warnings: [] };
    }
    const warnings = sinceSha === null ? [] : ['since-sha-ignored'];
    const last = view.lastAllow;
    if (last === null)
        return { range: 'initial', base: null, previousSha: null, warnings };
    return { range: 'incremental', base: last.sha, previousSha: last.sha, warnings };
}
function sameSha(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}

;// CONCATENATED MODULE: ./src/gate/accounts.ts
/**
 * The identity used to compare logins. GitHub logins are case-insensitive, and the same App appears as
 * `name[bot]` over REST and as a bare `name` over GraphQL: both normalise to `name`.
 */
function loginKey(login) {
    return login
        .trim()
        .toLowerCase()
        .replace(/\[bot\]$/, '');
}
function isBotAccount(account) {
    return account.isBot || /\[bot\]$/i.test(account.login.trim());
}
/**
 * The login behind an identity GitHub did not resolve (`Name <email>`), when its e-mail is a GitHub
 * no-reply address (`12345+login@users.noreply.github.com` or `login@users.noreply.github.com`); null
 * otherwise. Other addresses cannot be tied to a login, so they cannot disqualify a reviewer.
 */
function loginFromIdentity(identity) {
    const email = /<([^<>]+)>\s*$/.exec(identity)?.[1] ?? identity;
    const match = /^\s*(?:\d+\+)?([A-Za-z0-9-]+(?:\[bot\])?)@users\.noreply\.github\.com\s*$/i.exec(email);
    return match?.[1] ?? null;
}

;// CONCATENATED MODULE: ./src/gate/time.ts
/**
 * Time as data: the gate never reads the clock. Services answer with ISO 8601 strings in several shapes
 * (GitHub `2024-06-01T04:05:00Z`, Jira Cloud `2024-06-01T04:05:00.000+0000`, Data Center `+0200`).
 */
/** Milliseconds since the epoch, or NaN for text that is not a time (comparisons with NaN are false). */
function toMillis(iso) {
    if (iso === null || iso === undefined)
        return Number.NaN;
    // `+0000` (no colon) is ISO 8601's basic offset form; normalise it rather than rely on a lenient parser.
    const normalised = iso.trim().replace(/([+-])(\d{2})(\d{2})$/, '$1$2:$3');
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(normalised))
        return Number.NaN;
    return Date.parse(normalised);
}
/** `a` happened at or before `b`; false when either is unknown (fail closed). */
function isAtOrBefore(a, b) {
    const x = toMillis(a);
    const y = toMillis(b);
    return !Number.isNaN(x) && !Number.isNaN(y) && x <= y;
}
/** The seven-character form people recognise in GitHub's UI. */
function shortSha(sha) {
    return sha.slice(0, 7);
}

;// CONCATENATED MODULE: ./src/gate/approvals.ts


/** States that change a reviewer's standing; COMMENTED leaves it as it was, as on GitHub. */
const OPINIONS = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);
function timed(review) {
    const at = toMillis(review.submittedAt);
    return { review, at: Number.isNaN(at) ? Number.POSITIVE_INFINITY : at };
}
function latestOpinion(reviews) {
    return reviews.filter(r => OPINIONS.has(r.review.state)).at(-1);
}
function toApproval(r) {
    return {
        login: r.review.author.login,
        isBot: isBotAccount(r.review.author),
        submittedAt: r.review.submittedAt ?? '',
        commitSha: r.review.commitSha
    };
}
/**
 * Whether an approval still covers what was merged: it was given on the head commit, or every PR commit
 * that came after it (reachable from the head but not from the approved commit) is a merge that only
 * brought in the base branch. An approval on a commit no longer in the PR (force-pushed away) or on an
 * unknown commit is stale: the reviewer saw code that is not what shipped.
 */
function isApprovalFresh(pr, commitSha) {
    if (commitSha === null)
        return false;
    const approved = commitSha.toLowerCase();
    const head = pr.headSha.toLowerCase();
    if (approved === head)
        return true;
    const bySha = new Map(pr.commits.map(c => [c.sha.toLowerCase(), c]));
    if (!bySha.has(approved) || !bySha.has(head))
        return false;
    const seenByReviewer = reachable(bySha, [approved], () => false);
    const after = reachable(bySha, [head], sha => seenByReviewer.has(sha));
    return [...after].every(sha => bySha.get(sha)?.isBaseMerge === true);
}
/** PR commits reachable from `starts` through parents, not entering `stop`; commits outside the PR end a path. */
function reachable(bySha, starts, stop) {
    const found = new Set();
    const pending = [...starts];
    for (let sha = pending.pop(); sha !== undefined; sha = pending.pop()) {
        if (found.has(sha) || stop(sha))
            continue;
        const commit = bySha.get(sha);
        if (commit === undefined)
            continue;
        found.add(sha);
        pending.push(...commit.parents.map(p => p.toLowerCase()));
    }
    return found;
}
/**
 * Sorts every reviewer into the buckets above. Approval is judged as it stood at the merge (the latest
 * opinion submitted at or before `mergedAt`); an approval given only afterwards did not authorise the merge.
 * Changes requested are judged both at the merge and now: merging over an open objection is a finding, and
 * so is an objection raised after the merge against what is about to ship.
 */
function classifyReviews(pr, policy) {
    const mergedAt = toMillis(pr.mergedAt);
    const unresolved = pr.commits.flatMap(c => c.unresolvedParticipants.map(loginFromIdentity));
    const participants = new Set([pr.author.login, ...pr.commits.flatMap(c => c.participants), ...unresolved.filter(l => l !== null)].map(loginKey));
    const byReviewer = new Map();
    const sorted = pr.reviews
        .filter(r => r.state !== 'PENDING')
        .map(timed)
        .sort((a, b) => a.at - b.at);
    for (const r of sorted) {
        const key = loginKey(r.review.author.login);
        byReviewer.set(key, [...(byReviewer.get(key) ?? []), r]);
    }
    const c = {
        counted: [],
        stale: [],
        afterMerge: [],
        selfApprovals: [],
        botsIgnored: [],
        changesRequested: []
    };
    for (const [key, reviews] of byReviewer) {
        // NaN mergedAt: nothing was submitted "before" an unknown merge, so nothing counts (fail closed).
        const atMerge = latestOpinion(reviews.filter(r => r.at <= mergedAt));
        const now = latestOpinion(reviews);
        const objection = [atMerge, now].find(r => r?.review.state === 'CHANGES_REQUESTED');
        if (objection !== undefined) {
            c.changesRequested.push({
                login: objection.review.author.login,
                submittedAt: objection.review.submittedAt ?? ''
            });
        }
        const approvedAtMerge = atMerge?.review.state === 'APPROVED' ? atMerge : undefined;
        const approvedLater = approvedAtMerge === undefined && now?.review.state === 'APPROVED' ? now : undefined;
        const standing = approvedAtMerge ?? approvedLater;
        if (standing === undefined)
            continue;
        const approval = toApproval(standing);
        if (approval.isBot && !policy.allowBotApprovals)
            c.botsIgnored.push(approval);
        else if (participants.has(key))
            c.selfApprovals.push(approval);
        else if (approvedLater !== undefined)
            c.afterMerge.push(approval);
        else if (!isApprovalFresh(pr, approval.commitSha))
            c.stale.push(approval);
        else
            c.counted.push(approval);
    }
    return c;
}
function subject(pr) {
    return `#${pr.number} (head ${shortSha(pr.headSha)})`;
}
function logins(approvals) {
    return approvals.map(a => a.login).join(', ');
}
function result(pr, rule, fields) {
    return { rule, ...fields, pullRequest: pr.number, commit: pr.headSha };
}
/** A PR opened by a bot (Dependabot, Renovate) still needs a human among the approvals, even with bot approvals on. */
function meetsRequirement(pr, approvals, required) {
    if (approvals.length < required)
        return false;
    return required === 0 || !isBotAccount(pr.author) || approvals.some(a => !a.isBot);
}
/**
 * `independent-approvals`: enough distinct, independent reviewers approved, however timely. Prevents "the
 * author approved their own change" and "nobody but the people who wrote it looked at it". Stale and
 * after-merge approvals are counted here and reported by their own rules, so each code names one fix:
 * with 2 required and 1 of 2 approvals stale, only `stale-approval` fails; with 2 required and a single,
 * stale approval, both `insufficient-approvals` and `stale-approval` fail.
 */
function checkIndependentApprovals(pr, c, policy) {
    const rule = 'independent-approvals';
    const required = policy.requiredApprovals;
    const independent = [...c.counted, ...c.stale, ...c.afterMerge];
    if (meetsRequirement(pr, independent, required)) {
        const uncounted = independent.length - c.counted.length;
        const note = uncounted > 0 ? `; ${uncounted} of them stale or after the merge, reported separately` : '';
        const who = independent.length > 0 ? ` (${logins(independent)}${note})` : '';
        return result(pr, rule, {
            status: 'pass',
            code: null,
            detail: `${subject(pr)} has ${independent.length} independent approval(s)${who}; ${required} required.`
        });
    }
    if (independent.length === 0 && c.selfApprovals.length > 0) {
        return result(pr, rule, {
            status: 'fail',
            code: 'self-approval',
            detail: `${subject(pr)} was approved only by its author or committers (${logins(c.selfApprovals)}); ask ${required} reviewer(s) who wrote none of its commits to approve.`
        });
    }
    const humanNeeded = independent.length >= required ? ' including a human, as it was opened by a bot' : '';
    return result(pr, rule, {
        status: 'fail',
        code: 'insufficient-approvals',
        detail: `${subject(pr)} has ${independent.length} of ${required} required independent approval(s)${humanNeeded}; ask a reviewer who is neither its author nor a committer to approve.`
    });
}
/** `stale-approval`: prevents "the code that shipped is not the code that was reviewed". */
function checkApprovalsOnHead(pr, c, policy) {
    const rule = 'approvals-on-head';
    if (c.stale.length > 0 && !meetsRequirement(pr, c.counted, policy.requiredApprovals)) {
        const on = c.stale.map(a => `${a.login} on ${a.commitSha === null ? 'an unknown commit' : shortSha(a.commitSha)}`);
        return result(pr, rule, {
            status: 'fail',
            code: 'stale-approval',
            detail: `${subject(pr)} has approvals that predate later commits (${on.join(', ')}); the reviewers must approve the final head commit.`
        });
    }
    const ignored = c.stale.length > 0 ? ` (stale approvals not counted: ${logins(c.stale)})` : '';
    return result(pr, rule, {
        status: 'pass',
        code: null,
        detail: `${subject(pr)}: the counting approvals cover the final head commit${ignored}.`
    });
}
/** `approval-after-merge`: prevents "approved retroactively, after the change was already in". */
function checkApprovalsBeforeMerge(pr, c, policy) {
    const rule = 'approvals-before-merge';
    if (c.afterMerge.length > 0 && !meetsRequirement(pr, c.counted, policy.requiredApprovals)) {
        return result(pr, rule, {
            status: 'fail',
            code: 'approval-after-merge',
            detail: `${subject(pr)} was merged at ${pr.mergedAt} before ${logins(c.afterMerge)} approved; approvals given after the merge do not count, so revert and re-land it with approval.`
        });
    }
    const ignored = c.afterMerge.length > 0 ? ` (after-merge approvals not counted: ${logins(c.afterMerge)})` : '';
    return result(pr, rule, {
        status: 'pass',
        code: null,
        detail: `${subject(pr)}: the counting approvals were submitted before the merge${ignored}.`
    });
}
/** `changes-requested`: prevents "merged over a reviewer's open objection". */
function checkChangesRequested(pr, c) {
    const rule = 'changes-requested';
    if (c.changesRequested.length > 0) {
        return result(pr, rule, {
            status: 'fail',
            code: 'changes-requested',
            detail: `${subject(pr)} has changes requested by ${logins(c.changesRequested)}; the reviewer must approve or the request must be dismissed.`
        });
    }
    return result(pr, rule, {
        status: 'pass',
        code: null,
        detail: `${subject(pr)} has no open change requests.`
    });
}
/** `bot-approval-ignored` (warning): a bot's approval is not an independent human review. */
function checkBotApprovals(pr, c) {
    const rule = 'bot-approvals';
    if (c.botsIgnored.length > 0) {
        return result(pr, rule, {
            status: 'warn',
            code: 'bot-approval-ignored',
            detail: `${subject(pr)}: approvals by bots (${logins(c.botsIgnored)}) were not counted; set allow-bot-approvals to count them.`
        });
    }
    return result(pr, rule, {
        status: 'pass',
        code: null,
        detail: `${subject(pr)}: no bot approvals were ignored.`
    });
}
/**
 * `rubber-stamp-suspected` (warning): a counting approval submitted less than `rubber-stamp-seconds` after
 * the last push (or, when the push time is unknown, the head commit's commit time) is unlikely to reflect
 * a reading of the change. Approvals before that moment (followed only by base merges) are not suspect.
 */
function checkRubberStamp(pr, counted, seconds) {
    const rule = 'rubber-stamp';
    const head = pr.commits.find(c => c.sha.toLowerCase() === pr.headSha.toLowerCase());
    const pushedAt = toMillis(pr.lastPushedAt ?? head?.committedAt ?? null);
    const hasty = counted.filter(a => {
        const delay = toMillis(a.submittedAt) - pushedAt;
        return delay >= 0 && delay < seconds * 1000;
    });
    if (hasty.length > 0) {
        const each = hasty.map(a => `${a.login} after ${Math.floor((toMillis(a.submittedAt) - pushedAt) / 1000)} s`);
        return result(pr, rule, {
            status: 'warn',
            code: 'rubber-stamp-suspected',
            detail: `${subject(pr)} was approved within ${seconds} s of the last push (${each.join(', ')}); confirm the review was real.`
        });
    }
    return result(pr, rule, {
        status: 'pass',
        code: null,
        detail: `${subject(pr)}: no counting approval came within ${seconds} s of the last push.`
    });
}
/** Every approval rule for one pull request, plus the approvals that counted. */
function evaluateApprovals(pr, policy) {
    const c = classifyReviews(pr, policy);
    return {
        results: [
            checkIndependentApprovals(pr, c, policy),
            checkApprovalsOnHead(pr, c, policy),
            checkApprovalsBeforeMerge(pr, c, policy),
            checkChangesRequested(pr, c),
            checkBotApprovals(pr, c),
            checkRubberStamp(pr, c.counted, policy.rubberStampSeconds)
        ],
        counted: c.counted.map(a => ({ login: a.login, submittedAt: a.submittedAt, commitSha: a.commitSha }))
    };
}

;// CONCATENATED MODULE: ./src/gate/checks.ts

/** Conclusions that count as passing when every present check decides (SPEC §2). */
const PASSING = new Set(['success', 'neutral', 'skipped']);
/**
 * One check against the rule. `succeededOnly`: a named required check must have run and succeeded, so
 * `neutral`/`skipped` do not satisfy it. `deadline`: a PR head's checks must have finished by the merge;
 * one that finished later (or whose finish time is unknown) was still pending when the PR was merged.
 */
function judge(check, succeededOnly, deadline) {
    if (check.conclusion === 'pending')
        return { code: 'ci-pending', text: `${check.name}: still pending` };
    const passing = succeededOnly ? check.conclusion === 'success' : PASSING.has(check.conclusion);
    if (!passing)
        return { code: 'ci-failed', text: `${check.name}: ${check.conclusion}` };
    if (deadline !== null && !isAtOrBefore(check.completedAt, deadline)) {
        const when = check.completedAt === null ? 'at an unknown time' : `at ${check.completedAt}`;
        return { code: 'ci-pending', text: `${check.name}: finished ${when}, after the merge` };
    }
    return null;
}
const SEVERITY = ['ci-failed', 'ci-missing', 'ci-pending'];
/**
 * The CI rule of SPEC §2. With `requiredChecks` empty, every check run and commit status must pass and at
 * least one must exist; otherwise each named check must exist (matched by exact name, as GitHub's required
 * checks are) and have succeeded, and other checks are recorded but do not decide. When several checks
 * share a required name (a check run and a status, or two workflows), every one of them must succeed.
 */
function evaluateCi(checks, requiredChecks, deadline) {
    const problems = [];
    if (requiredChecks.length === 0) {
        if (checks.length === 0)
            problems.push({ code: 'ci-missing', text: 'no check runs or statuses' });
        for (const check of checks) {
            const problem = judge(check, false, deadline);
            if (problem !== null)
                problems.push(problem);
        }
    }
    else {
        for (const name of requiredChecks) {
            const named = checks.filter(c => c.name === name);
            if (named.length === 0)
                problems.push({ code: 'ci-missing', text: `${name}: missing` });
            for (const check of named) {
                const problem = judge(check, true, deadline);
                if (problem !== null)
                    problems.push(problem);
            }
        }
    }
    const code = SEVERITY.find(s => problems.some(p => p.code === s)) ?? null;
    return { code, problems: problems.map(p => p.text) };
}
function describe(checks) {
    return checks.length === 0 ? 'no checks' : checks.map(c => `${c.name}: ${c.conclusion}`).join(', ');
}
const ADVICE = {
    'ci-failed': 'fix or re-run the failing checks',
    'ci-missing': 'make sure CI reports its checks on this commit',
    'ci-pending': 'wait for the checks to finish'
};
/** `ci-*` for a PR head: CI must have finished successfully before the merge. */
function checkPullRequestCi(pr, requiredChecks) {
    const verdict = evaluateCi(pr.checks, requiredChecks, pr.mergedAt);
    const subject = `#${pr.number} (head ${shortSha(pr.headSha)})`;
    const base = { rule: 'ci', pullRequest: pr.number, commit: pr.headSha };
    if (verdict.code === null) {
        return {
            ...base,
            status: 'pass',
            code: null,
            detail: `${subject} passed CI before the merge (${describe(pr.checks)}).`
        };
    }
    const advice = verdict.code === 'ci-failed'
        ? 'fix the failure in a new pull request'
        : 'land the change again through a pull request merged only after CI passed';
    return {
        ...base,
        status: 'fail',
        code: verdict.code,
        detail: `${subject} did not pass CI before it was merged (${verdict.problems.join('; ')}); ${advice}.`
    };
}
/** `ci-*` for the deployed commit itself, as the checks stand at gate time. */
function checkDeployedCi(sha, checks, requiredChecks) {
    const verdict = evaluateCi(checks, requiredChecks, null);
    const base = { rule: 'deployed-ci', pullRequest: null, commit: sha };
    if (verdict.code === null) {
        return {
            ...base,
            status: 'pass',
            code: null,
            detail: `Deployed commit ${shortSha(sha)} passed CI (${describe(checks)}).`
        };
    }
    return {
        ...base,
        status: 'fail',
        code: verdict.code,
        detail: `Deployed commit ${shortSha(sha)} has not passed CI (${verdict.problems.join('; ')}); ${ADVICE[verdict.code]} before deploying.`
    };
}

;// CONCATENATED MODULE: ./src/gate/emergency.ts


const MIN_JUSTIFICATION_LENGTH = 20;
/** Words that fill the field without explaining anything. */
// prettier-ignore
const PLACEHOLDERS = new Set([
    'n/a', 'na', 'none', 'nothing', 'nil', 'null', 'undefined', 'test', 'tests', 'testing', 'tmp', 'temp', 'todo',
    'tbd', 'wip', 'xxx', 'asdf', 'qwerty', 'foo', 'bar', 'baz', 'lorem', 'ipsum', 'placeholder', 'emergency',
    'urgent', 'asap', 'yes', 'ok', 'okay', 'please', 'deploy', 'justification', 'reason', 'because', 'whatever'
]);
/**
 * The problem with an emergency justification, or null when it is acceptable: at least 20 characters of
 * real text. Placeholders ("n/a", "test", "emergency"), words of fewer than two letters or digits, runs
 * of one character or one short pattern ("aaaa", "abababab") and repeated words do not count toward the
 * 20. The break-glass record is the auditor's only account of why the controls were bypassed.
 * inputs.ts calls this before any request and turns a problem into a ConfigError naming the input.
 */
function validateJustification(text) {
    const words = text.split(/\s+/).filter(w => w !== '');
    if (words.length === 0)
        return 'is empty; describe why the deploy cannot wait (incident, impact, ticket)';
    const real = [];
    const seen = new Set();
    for (const word of words) {
        const lower = word.toLowerCase();
        const bare = lower.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        if (PLACEHOLDERS.has(lower) || PLACEHOLDERS.has(bare))
            continue;
        // Collapse "aaaa" → "a" and "abababab" → "ab": keyboard mashing is not text.
        const collapsed = bare.replace(/(.+?)\1{2,}/gu, '$1');
        if ((collapsed.match(/[\p{L}\p{N}]/gu) ?? []).length < 2 || seen.has(collapsed))
            continue;
        seen.add(collapsed);
        real.push(collapsed);
    }
    const length = real.join(' ').length;
    const letters = new Set(real.join('').replace(/[^\p{L}]/gu, ''));
    if (length >= MIN_JUSTIFICATION_LENGTH && letters.size >= 5)
        return null;
    return (`has ${length} character(s) of real text; at least ${MIN_JUSTIFICATION_LENGTH} are required ` +
        '(placeholders such as "n/a", "test" or "emergency", repeated characters and repeated words do not count)');
}
/**
 * The break-glass override. Every rule has already been evaluated and recorded; this only decides whether
 * the actor may let the failing ones through. Logins compare case-insensitively, as GitHub's do.
 */
function evaluateEmergency(request, failing, sha) {
    const base = { rule: 'emergency', pullRequest: null, commit: sha };
    const allowlist = request.approvers.map(loginKey).filter(l => l !== '');
    if (allowlist.length > 0 && !allowlist.includes(loginKey(request.actor))) {
        return {
            results: [
                {
                    ...base,
                    status: 'fail',
                    code: 'emergency-not-allowed',
                    detail: `${request.actor} invoked the emergency override for ${shortSha(sha)} but is not in emergency-approvers; ask one of ${request.approvers.join(', ')} to run it.`
                }
            ],
            verdict: null
        };
    }
    const bypassed = failing.filter(code => code !== 'emergency-not-allowed');
    const what = bypassed.length > 0 ? `bypassing ${bypassed.join(', ')}` : 'with every rule passing';
    const results = [
        {
            ...base,
            status: 'pass',
            code: null,
            detail: `${request.actor} deployed ${shortSha(sha)} under the emergency override, ${what}; complete the retrospective within 24 hours.`
        }
    ];
    if (allowlist.length === 0) {
        results.push({
            ...base,
            rule: 'emergency-approvers',
            status: 'warn',
            code: 'emergency-approvers-empty',
            detail: `The emergency override for ${shortSha(sha)} was open to anyone because emergency-approvers is empty; set it to the people allowed to break glass.`
        });
    }
    return {
        results,
        verdict: { actor: request.actor, justification: request.justification, bypassed: [...bypassed] }
    };
}

;// CONCATENATED MODULE: ./src/gate/pull-requests.ts

/**
 * The pull requests whose rules decide this deploy: those merged into the deploy branch. A pull request
 * into another branch carries nothing into this one by itself (the merge of that branch does), so it is
 * neither evaluated nor accepted as the carrier of a commit.
 */
function pullRequestsIntoDeployBranch(facts) {
    const seen = new Set();
    return facts.pullRequests.filter(pr => {
        if (pr.baseRefName !== facts.deployBranch || seen.has(pr.number))
            return false;
        seen.add(pr.number);
        return true;
    });
}
/**
 * `no-pull-request`, one result per commit of the change set. Prevents the finding "a change reached
 * production by a direct push, without review". A commit whose carrying pull request the adapter named
 * but did not describe cannot be established, so it fails closed as `upstream-error`.
 */
function checkCommitsCarriedByPullRequests(facts) {
    const known = new Map(facts.pullRequests.map(pr => [pr.number, pr]));
    return facts.commits.map((commit) => {
        const base = { rule: 'pull-request', pullRequest: null, commit: commit.sha };
        const carriers = commit.pullRequests.filter(n => known.get(n)?.baseRefName === facts.deployBranch);
        if (carriers.length > 0) {
            return {
                ...base,
                status: 'pass',
                code: null,
                pullRequest: carriers[0] ?? null,
                detail: `Commit ${shortSha(commit.sha)} came through ${carriers.map(n => `#${n}`).join(', ')} into ${facts.deployBranch}.`
            };
        }
        const undescribed = commit.pullRequests.filter(n => !known.has(n));
        if (undescribed.length > 0) {
            return {
                ...base,
                status: 'fail',
                code: 'upstream-error',
                pullRequest: undescribed[0] ?? null,
                detail: `GitHub named ${undescribed.map(n => `#${n}`).join(', ')} as carrying commit ${shortSha(commit.sha)} but returned no details for it; re-run the gate.`
            };
        }
        return {
            ...base,
            status: 'fail',
            code: 'no-pull-request',
            detail: `Commit ${shortSha(commit.sha)} reached ${facts.deployBranch} without a merged pull request into it (direct push); revert it and land it through a reviewed pull request.`
        };
    });
}

;// CONCATENATED MODULE: ./src/gate/tickets.ts


const KEY_SOURCES = (/* unused pure expression or super */ null && (['title', 'branch', 'body', 'commit message']));
/**
 * Identifiers shaped like Jira keys that are standards, algorithms or advisories, not tickets. They only
 * count when `jira-projects` lists their project.
 */
// prettier-ignore
const LOOKALIKES = new Set([
    'AES', 'ARM', 'BSD', 'CAPEC', 'CIS', 'COVID', 'CVE', 'CWE', 'DES', 'ECMA', 'ES', 'FIPS', 'GHSA', 'GPL', 'AGPL',
    'LGPL', 'HTTP', 'IEC', 'IEEE', 'IPV', 'ISO', 'MD', 'MPL', 'NIST', 'OWASP', 'PCI', 'PEP', 'RFC', 'RSA', 'SHA',
    'SOC', 'SP', 'SSL', 'TLS', 'UCS', 'UTF', 'WCAG', 'WIN', 'X86'
]);
/**
 * A Jira key: a project key (a letter, then letters, digits or underscores; at least two characters) and
 * an issue number without leading zeros, not glued to surrounding letters or digits (`feature/PAY-12-fix`,
 * `[PAY-12]`, `PAY-12:` all match; `XPAY-12` is its own key; `PAY-12abc` is no key at all).
 */
const KEY_PATTERN = /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]{1,254})-([1-9][0-9]{0,17})(?![A-Za-z0-9])/g;
function keysIn(text, anyCase, projects) {
    for (const match of text.matchAll(KEY_PATTERN)) {
        const [, project = '', number = ''] = match;
        // Jira project keys are upper case. Lower-case mentions are taken only where people write keys that
        // way on purpose (branch names) or where a project list keeps prose such as "node-20" out.
        if (!anyCase && project !== project.toUpperCase())
            continue;
        const upper = project.toUpperCase();
        if (projects.size > 0 ? !projects.has(upper) : LOOKALIKES.has(upper))
            continue;
        return `${upper}-${number}`;
    }
    return null;
}
/** The first ticket key and where it was found: title, head branch, body, then commit messages (SPEC §2). */
function locateTicketKey(pr, projects) {
    const listed = new Set(projects.map(p => p.trim().toUpperCase()).filter(p => p !== ''));
    const sources = [
        ['title', pr.title, false],
        ['branch', pr.headRefName, true],
        ['body', pr.body, false],
        ...pr.commits.map((c) => ['commit message', c.message, false])
    ];
    for (const [source, text, anyCaseHere] of sources) {
        const key = keysIn(text, anyCaseHere || listed.size > 0, listed);
        if (key !== null)
            return { key, source };
    }
    return null;
}
/** The ticket key a pull request links, upper-cased as Jira writes it; null when it links none. */
function findTicketKey(pr, projects) {
    return locateTicketKey(pr, projects)?.key ?? null;
}
/** Status and label names match as their services do: case-insensitively, surrounding spaces ignored. */
function statusSet(statuses) {
    const wanted = new Set(statuses.map(s => s.trim().toLowerCase()).filter(s => s !== ''));
    return names => names.some(n => wanted.has(n.trim().toLowerCase()));
}
function isTicketApproved(ticket, approvedStatuses) {
    return statusSet(approvedStatuses)(ticket.statuses);
}
/**
 * When the ticket last moved into the set of approved statuses from outside it (SPEC §2), as ISO 8601 UTC;
 * null when it is not approved now or that moment cannot be established. Works on Jira status changes
 * (`from: ['In Review'], to: ['Approved']`) and on GitHub label sets, where `from`/`to` are the whole label
 * set before and after the change. Moving between two approved statuses (Approved → Done, both listed)
 * keeps the earlier time; leaving the set and coming back (Approved → In Progress → Approved) restarts it.
 * A ticket created in an approved status with no later change was approved when it was created.
 */
function computeApprovedAt(ticket, approvedStatuses) {
    const approved = statusSet(approvedStatuses);
    if (!approved(ticket.statuses))
        return null;
    const history = ticket.history
        .map((change, index) => ({ change, index, at: toMillis(change.at) }))
        .sort((a, b) => a.at - b.at || a.index - b.index);
    if (history.some(h => Number.isNaN(h.at)))
        return null;
    const first = history[0];
    let inside = approved(first === undefined ? ticket.statuses : first.change.from);
    let since = inside ? toMillis(ticket.createdAt) : Number.NaN;
    for (const { change, at } of history) {
        const next = approved(change.to);
        if (next && !inside)
            since = at;
        inside = next;
    }
    // A history that ends outside the set while the ticket is approved now is incomplete: no time is known.
    if (!inside || Number.isNaN(since))
        return null;
    return new Date(since).toISOString();
}
function quoted(names) {
    return names.length === 0 ? 'no status' : names.map(n => `"${n.slice(0, 80)}"`).join(', ');
}
/** The rules that need the ticket itself: approved now, and approved before the merge. */
function judgeTicket(pr, ticket, policy) {
    const base = { pullRequest: pr.number, commit: pr.headSha };
    const subject = `#${pr.number} (head ${shortSha(pr.headSha)})`;
    const approvedAt = computeApprovedAt(ticket, policy.ticketApprovedStatuses);
    const summary = { key: ticket.key, url: ticket.url, status: ticket.statuses.join(', '), approvedAt };
    const results = [
        {
            ...base,
            rule: 'ticket-exists',
            status: 'pass',
            code: null,
            detail: `${subject}: ticket ${ticket.key} exists.`
        }
    ];
    if (!isTicketApproved(ticket, policy.ticketApprovedStatuses)) {
        results.push({
            ...base,
            rule: 'ticket-approved',
            status: 'fail',
            code: 'ticket-not-approved',
            detail: `${subject}: ticket ${ticket.key} is in ${quoted(ticket.statuses)}, not in ${quoted(policy.ticketApprovedStatuses)}; have it approved before deploying.`
        });
        return { results, summary };
    }
    results.push({
        ...base,
        rule: 'ticket-approved',
        status: 'pass',
        code: null,
        detail: `${subject}: ticket ${ticket.key} is in ${quoted(ticket.statuses)}.`
    });
    if (approvedAt === null || !isAtOrBefore(approvedAt, pr.mergedAt)) {
        const when = approvedAt === null ? 'at a time its history does not show' : `at ${approvedAt}`;
        results.push({
            ...base,
            rule: 'ticket-approved-before-merge',
            status: 'fail',
            code: 'ticket-approved-after-merge',
            detail: `${subject}: ticket ${ticket.key} was approved ${when}, not before the merge at ${pr.mergedAt}; the change shipped before it was authorised, so record the exception or revert it.`
        });
    }
    else {
        results.push({
            ...base,
            rule: 'ticket-approved-before-merge',
            status: 'pass',
            code: null,
            detail: `${subject}: ticket ${ticket.key} was approved at ${approvedAt}, before the merge at ${pr.mergedAt}.`
        });
    }
    return { results, summary };
}
function missing(pr, what) {
    return {
        results: [
            {
                rule: 'ticket-linked',
                status: 'fail',
                code: 'ticket-missing',
                detail: `#${pr.number} (head ${shortSha(pr.headSha)}) links no ${what}; name the ticket in the PR title or branch.`,
                pullRequest: pr.number,
                commit: pr.headSha
            }
        ],
        summary: null
    };
}
function linked(pr, detail) {
    return {
        rule: 'ticket-linked',
        status: 'pass',
        code: null,
        detail,
        pullRequest: pr.number,
        commit: pr.headSha
    };
}
function passes(outcome) {
    return outcome.results.filter(r => r.status === 'pass').length;
}
/**
 * The four ticket rules for one pull request. Jira: the key found in the PR, looked up in `tickets`.
 * GitHub issues: the issues the PR closes; with several, the first that passes every rule links the
 * change (otherwise the one that got furthest is reported).
 */
function evaluateTicket(pr, policy, tickets) {
    const subject = `#${pr.number} (head ${shortSha(pr.headSha)})`;
    switch (policy.ticketSource) {
        case 'none':
            return { results: [], summary: null };
        case 'github-issues': {
            if (pr.closingIssues.length === 0)
                return missing(pr, 'issue it closes');
            const judged = pr.closingIssues.map(issue => ({ issue, outcome: judgeTicket(pr, issue, policy) }));
            const best = judged.reduce((a, b) => (passes(b.outcome) > passes(a.outcome) ? b : a));
            const link = linked(pr, `${subject} closes issue ${best.issue.key}.`);
            return { results: [link, ...best.outcome.results], summary: best.outcome.summary };
        }
        case 'jira': {
            const found = locateTicketKey(pr, policy.jiraProjects);
            if (found === null) {
                const projects = policy.jiraProjects.length > 0 ? ` of ${policy.jiraProjects.join(', ')}` : '';
                return missing(pr, `Jira key${projects}`);
            }
            const link = linked(pr, `${subject} names ${found.key} in its ${found.source}.`);
            const base = { pullRequest: pr.number, commit: pr.headSha, rule: 'ticket-exists' };
            const lookup = tickets.get(found.key);
            if (lookup === undefined) {
                const detail = `${subject}: Jira gave no answer about ${found.key}, so the ticket cannot be established; re-run the gate.`;
                return { results: [link, { ...base, status: 'fail', code: 'upstream-error', detail }], summary: null };
            }
            if (!lookup.found) {
                const detail = `${subject}: Jira has no ticket ${found.key} (or the gate's account cannot see it); link an existing ticket.`;
                return {
                    results: [link, { ...base, status: 'fail', code: 'ticket-not-found', detail }],
                    summary: null
                };
            }
            const outcome = judgeTicket(pr, lookup.ticket, policy);
            return { results: [link, ...outcome.results], summary: outcome.summary };
        }
        default:
            return (0,codes/* assertNever */.xb)(policy.ticketSource);
    }
}

;// CONCATENATED MODULE: ./src/gate/evaluate.ts






/**
 * The gate: every rule of SPEC §2 over the change set, then the emergency override. Pure: the same input
 * always gives the same decision, and a block is a value, not an exception.
 *
 * A rollback (`range: 'rollback'`) redeploys a commit the ledger already allowed, so no pull request or
 * ticket rule is applied again ("allowed without new approvals"); the deployed commit's own CI still is:
 * the commit that goes out must be one that passed its checks, which a previously allowed commit normally
 * still shows, and an auditor expects "tested" of every deploy.
 */
function evaluate(input) {
    const { facts, policy } = input;
    const results = [];
    const pullRequests = [];
    if (input.range !== 'rollback') {
        results.push(...checkCommitsCarriedByPullRequests(facts));
        for (const pr of pullRequestsIntoDeployBranch(facts)) {
            const approvals = evaluateApprovals(pr, policy);
            const ticket = evaluateTicket(pr, policy, input.tickets);
            results.push(...approvals.results, checkPullRequestCi(pr, policy.requiredChecks), ...ticket.results);
            pullRequests.push({ number: pr.number, approvals: approvals.counted, ticket: ticket.summary });
        }
    }
    results.push(checkDeployedCi(facts.sha, facts.deployedChecks, policy.requiredChecks));
    for (const { service, message } of input.unavailable ?? [])
        results.push(upstreamResult(service, message, facts.sha));
    return decide(input.range, facts.sha, results, pullRequests, input.emergency);
}
/** The Jira keys `main` must look up before calling `evaluate` (deduplicated, in PR order). Not for rollbacks. */
function ticketKeysToFetch(facts, policy) {
    if (policy.ticketSource !== 'jira')
        return [];
    const keys = pullRequestsIntoDeployBranch(facts).map(pr => findTicketKey(pr, policy.jiraProjects));
    return [...new Set(keys.filter(k => k !== null))];
}
/**
 * The decision when a fact could not be established (an API error after retries, a timeout, a malformed
 * answer): the gate fails closed with `upstream-error`, naming the service. An emergency override can let
 * even this through: break-glass exists for when the normal path is unavailable, and the record still
 * shows `upstream-error` among the bypassed reasons for the retrospective.
 */
function blockedByUpstream(range, service, message, emergency = null, sha = null) {
    return decide(range, sha ?? '', [upstreamResult(service, message, sha)], [], emergency);
}
function upstreamResult(service, message, sha) {
    const safe = redactCredentials(message);
    const detail = safe.startsWith(service) ? safe : `${service}: ${safe}`;
    return {
        rule: 'upstream',
        status: 'fail',
        code: 'upstream-error',
        detail: /[.!?]$/.test(detail) ? detail : `${detail}.`,
        pullRequest: null,
        commit: sha
    };
}
/**
 * Defence in depth for messages that echo a request: adapters keep tokens out of their errors, and this
 * hides the common shapes (GitHub tokens, Authorization values, credentials in URLs) should one slip in.
 */
function redactCredentials(text) {
    return text
        .replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, '***')
        .replace(/\b(Bearer|Basic)\s+(?=[\w.~+/=-]*\d)[\w.~+/=-]{8,}/g, '$1 ***')
        .replace(/(\w+:\/\/)[^/\s:@]*:[^/\s@]*@/g, '$1***@');
}
function decide(range, sha, ruleResults, pullRequests, emergency) {
    const results = [...ruleResults];
    let verdict = null;
    if (emergency !== null) {
        const outcome = evaluateEmergency(emergency, reasonsOf(results), sha);
        results.push(...outcome.results);
        verdict = outcome.verdict;
    }
    const reasons = reasonsOf(results);
    return {
        decision: verdict !== null || reasons.length === 0 ? 'allow' : 'block',
        range,
        reasons,
        warnings: warningsOf(results),
        results,
        pullRequests,
        emergency: verdict
    };
}
function codesOf(results, status) {
    return results.filter(r => r.status === status).map(r => r.code);
}
function reasonsOf(results) {
    return (0,codes/* inContractOrder */.Cy)(codes/* REASON_CODES */.OE, codesOf(results, 'fail'));
}
function warningsOf(results) {
    return (0,codes/* inContractOrder */.Cy)(codes/* WARNING_CODES */.Wj, codesOf(results, 'warn'));
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
;// CONCATENATED MODULE: ./src/config.ts
/**
 * The validated, frozen configuration of one run. Built only by `readConfig()` in inputs.ts; every
 * other module receives it (or a slice of it) as a plain value.
 */
const TICKET_SOURCES = ['jira', 'github-issues', 'none'];
const MODES = ['enforce', 'report'];
const RETROSPECTIVES = ['github-issue', 'jira', 'none'];
const EVIDENCE_STORES = ['git', 'file'];

// EXTERNAL MODULE: ./src/http-url.ts
var http_url = __nccwpck_require__(17607);
;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * The only module that reads the action's inputs and the runner's environment. Every input of SPEC §3 is
 * parsed and validated here, before anything touches the network, into the frozen `Config` of config.ts.
 * A bad value is a `ConfigError` naming the input, the value and what is accepted; all problems of one run
 * are reported together so a workflow author fixes them in one go.
 */






/**
 * Every input of SPEC §3 with its default: the one place defaults live. action.yml must agree (a test
 * checks it). Literal defaults also apply when the action runs outside the runner (`node dist/index.js`
 * with `INPUT_*` variables), where nobody substitutes action.yml's defaults; `${{ … }}` defaults are
 * the runner's to evaluate, with the runner variable named in RUNNER_FALLBACKS standing in for them.
 */
const INPUTS = [
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
];
/** What a `${{ … }}` default evaluates to on the runner, read from the runner's own variables. */
const RUNNER_FALLBACKS = { sha: 'GITHUB_SHA' };
const MAX_REQUIRED_APPROVALS = 10;
const MAX_RUBBER_STAMP_SECONDS = 86_400;
const MAX_SHOWN_VALUE = 120;
/** What follows the encoded environment name in the longest ledger file name: the file store's lock. */
const LEDGER_FILE_SUFFIX = '.jsonl.lock';
/** The variable `core.getInput(name)` reads: `INPUT_` + the name upper-cased, spaces (not dashes) → `_`. */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/** Inputs holding a URL or git remote, where a credential may have been written in by mistake. */
const URL_INPUTS = new Set(['evidence-remote', 'jira-base-url']);
/**
 * A URL or git remote as it may be repeated in an error: user info (`https://user:token@…`, `git:token@host:…`),
 * query and fragment (`?token=…`) are replaced by `***`. Such a value is not a secret input, so nothing
 * masks it; the error message is printed and is the first thing a workflow author copies into an issue.
 */
function hideUrlCredentials(value) {
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(value)?.[0] ?? '';
    const rest = value.slice(scheme.length);
    const authorityEnd = rest.search(/[/?#]/);
    const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
    const path = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
    const at = authority.lastIndexOf('@');
    // `git@host` is ssh's conventional user, not a credential; any other user part may be a token.
    const user = at === -1 ? '' : authority.slice(0, at) === 'git' ? 'git@' : '***@';
    return `${scheme}${user}${authority.slice(at + 1)}${hideQuery(path)}`;
}
function hideQuery(path) {
    const cut = path.search(/[?#]/);
    return cut === -1 ? path : `${path.slice(0, cut + 1)}***`;
}
/** A secret, or a value that is too long or unprintable to repeat, is described instead of quoted. */
function show(spec, value) {
    if (spec.secret)
        return 'the value given';
    const shown = URL_INPUTS.has(spec.name) ? hideUrlCredentials(value) : value;
    const cut = shown.length > MAX_SHOWN_VALUE ? `${shown.slice(0, MAX_SHOWN_VALUE)}…` : shown;
    return JSON.stringify(cut);
}
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SHA = /^[0-9a-f]{40}$/i;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,254}$/;
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/;
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
function specOf(name) {
    const spec = INPUTS.find(i => i.name === name);
    if (!spec)
        throw new Error(`No such input: ${name}`);
    return spec;
}
/** Splits a list input on commas and newlines; trims, drops empties and duplicates (first kept). */
function splitList(value) {
    return unique(value.split(/[,\n]/).map(s => s.trim()));
}
/**
 * Check names: one per line, or comma-separated. A comma inside parentheses belongs to the name, because
 * matrix jobs are named like `test (ubuntu-latest, 22)`.
 */
function splitCheckNames(value) {
    const names = [];
    for (const line of value.split('\n')) {
        let depth = 0;
        let current = '';
        for (const ch of line) {
            if (ch === '(')
                depth += 1;
            else if (ch === ')')
                depth = Math.max(0, depth - 1);
            if (ch === ',' && depth === 0) {
                names.push(current);
                current = '';
            }
            else
                current += ch;
        }
        names.push(current);
    }
    return unique(names.map(n => n.trim()));
}
function unique(items) {
    return [...new Set(items.filter(s => s !== ''))];
}
/** Git's check-ref-format rules, plus: no leading `-` (the name is passed to git on a command line). */
function refNameProblem(name) {
    if (CONTROL.test(name) || /[\s~^:?*[\\]/.test(name))
        return 'contains a character git does not allow';
    if (name.startsWith('-'))
        return 'starts with -';
    if (name.includes('..') || name.includes('@{') || name === '@')
        return 'contains .., @{ or is @';
    if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
        return 'has an empty path component';
    if (name.endsWith('.'))
        return 'ends with .';
    if (name.split('/').some(c => c.startsWith('.') || c.endsWith('.lock'))) {
        return 'has a component starting with . or ending with .lock';
    }
    return null;
}
function tryUrl(value) {
    try {
        return new URL(value);
    }
    catch {
        return null;
    }
}
/** An absolute http(s) URL without trailing slashes, query or fragment (a service's base URL). */
function baseUrl(url) {
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
/**
 * Reads and validates every input and runner variable. Synchronous and free of I/O except masking: it
 * calls `core.setSecret` for each secret it reads, before validating anything.
 */
function readConfig(env = process.env) {
    const problems = [];
    const invalid = (name, value, expected) => {
        problems.push(`Invalid input '${name}': ${show(specOf(name), value)}. Expected ${expected}.`);
    };
    const raw = (name) => (env[inputVariable(name)] ?? '').trim();
    for (const spec of INPUTS) {
        const value = raw(spec.name);
        if (spec.secret && value !== '')
            core/* setSecret */.Pq(value);
    }
    /** The given value, else the literal default, else what the runner would have substituted. */
    const input = (name) => {
        const given = raw(name);
        if (given !== '')
            return given;
        const spec = specOf(name);
        if (spec.default !== null && !spec.default.startsWith('${{'))
            return spec.default;
        const fallback = RUNNER_FALLBACKS[name];
        return fallback ? (env[fallback] ?? '').trim() : '';
    };
    const boolean = (name) => {
        const value = input(name);
        const lower = value.toLowerCase();
        if (lower === 'true')
            return true;
        if (lower !== 'false')
            invalid(name, value, 'true or false (in any letter case)');
        return false;
    };
    const wholeNumber = (name, min, max, unit = '') => {
        const value = input(name);
        const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
        if (Number.isInteger(n) && n >= min && n <= max)
            return n;
        invalid(name, value, `a whole number${unit} from ${min} to ${max}`);
        return min;
    };
    const oneOf = (name, allowed) => {
        const value = input(name);
        const found = allowed.find(a => a === value.toLowerCase());
        if (found !== undefined)
            return found;
        invalid(name, value, `one of: ${allowed.join(', ')}`);
        return allowed[0];
    };
    const sha = (name) => {
        const value = input(name);
        if (value === '')
            return null;
        if (SHA.test(value))
            return value.toLowerCase();
        invalid(name, value, 'a full 40-character hexadecimal commit SHA');
        return null;
    };
    const branch = (name) => {
        const value = input(name).replace(/^refs\/heads\//, '');
        if (value === '')
            return null;
        const problem = refNameProblem(value);
        if (problem === null)
            return value;
        invalid(name, value, `a branch name git accepts (this one ${problem})`);
        return null;
    };
    const projectKeys = (name) => {
        const keys = unique(splitList(input(name)).map(k => k.toUpperCase()));
        const bad = keys.filter(k => !PROJECT_KEY.test(k));
        if (bad.length > 0) {
            invalid(name, bad.join(', '), 'Jira project keys such as PAY or OPS_2 (a letter, then letters, digits or _)');
        }
        return keys.filter(k => PROJECT_KEY.test(k));
    };
    const noControl = (name, value, expected) => {
        if (CONTROL.test(value))
            invalid(name, value, expected);
        return value;
    };
    const token = (name) => {
        const value = input(name);
        if (/\s/.test(value) || CONTROL.test(value))
            invalid(name, value, 'a token without spaces or line breaks');
        return value;
    };
    /** http(s) URL; `http:` only to loopback when `httpLoopbackOnly`. Credentials inside URLs are refused. */
    const httpUrl = (name, value, httpLoopbackOnly, what) => {
        const url = tryUrl(value);
        const expected = httpLoopbackOnly
            ? `${what}: an https:// URL (http:// only for 127.0.0.1, ::1 or localhost)`
            : `${what}: an http:// or https:// URL`;
        if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
            invalid(name, value, expected);
            return null;
        }
        if (url.username !== '' || url.password !== '') {
            problems.push(`Invalid input '${name}': the value given contains a user name or password. Expected ${expected} ` +
                'without credentials (they go in their own inputs, which are masked).');
            return null;
        }
        if (url.protocol === 'http:' && httpLoopbackOnly && !(0,http_url/* isLoopback */.U9)(url)) {
            invalid(name, value, expected);
            return null;
        }
        return url;
    };
    // Runner variables.
    const runner = (variable, expected, test, fallback) => {
        const value = (env[variable] ?? '').trim() || (fallback ?? '');
        if (value === '')
            problems.push(`Missing runner variable ${variable}. Expected ${expected}.`);
        else if (!test(value)) {
            problems.push(`Invalid runner variable ${variable}: ${JSON.stringify(value.slice(0, MAX_SHOWN_VALUE))}. Expected ${expected}.`);
        }
        return value;
    };
    const isHttpUrl = (v) => /^https?:$/.test(tryUrl(v)?.protocol ?? '');
    const trimUrl = (v) => (isHttpUrl(v) ? baseUrl(new URL(v)) : v);
    const repository = runner('GITHUB_REPOSITORY', 'owner/name, as the runner sets it', v => REPOSITORY.test(v));
    const serverUrl = trimUrl(runner('GITHUB_SERVER_URL', 'an http(s) URL such as https://github.com', isHttpUrl, 'https://github.com'));
    const apiUrl = trimUrl(runner('GITHUB_API_URL', 'an http(s) URL such as https://api.github.com', isHttpUrl, 'https://api.github.com'));
    const context = {
        repository,
        owner: repository.split('/')[0] ?? '',
        repo: repository.split('/')[1] ?? '',
        actor: runner('GITHUB_ACTOR', 'the login of the user who started the run', v => !CONTROL.test(v)),
        runId: runner('GITHUB_RUN_ID', 'the run id, a whole number', v => /^\d+$/.test(v)),
        runAttempt: runner('GITHUB_RUN_ATTEMPT', 'the run attempt, a whole number', v => /^\d+$/.test(v), '1'),
        workflow: runner('GITHUB_WORKFLOW', 'the name of the workflow', v => !CONTROL.test(v)),
        serverUrl,
        apiUrl,
        graphqlUrl: trimUrl(runner('GITHUB_GRAPHQL_URL', 'an http(s) URL such as https://api.github.com/graphql', isHttpUrl, 
        // github.com: ${api}/graphql; GitHub Enterprise Server: /api/v3 for REST, /api/graphql for GraphQL.
        apiUrl.replace(/\/api\/v3$/, '/api') + '/graphql')),
        runnerTemp: runner('RUNNER_TEMP', 'a folder for temporary files', v => !CONTROL.test(v), (0,external_node_os_.tmpdir)())
    };
    // What is deployed, and where.
    const githubToken = token('github-token');
    if (githubToken === '') {
        problems.push("Missing input 'github-token'. Expected a GitHub token (the default ${{ github.token }} is only filled in by the runner).");
    }
    const environment = input('environment');
    if (environment === '') {
        problems.push("Missing input 'environment'. Expected the name of the environment being deployed to, e.g. production.");
    }
    else if (CONTROL.test(environment) || environment.length > 255) {
        invalid('environment', environment, 'an environment name of at most 255 characters without control characters');
    }
    else if (Buffer.byteLength(`${encodeURIComponent(environment)}${LEDGER_FILE_SUFFIX}`) > 255) {
        // The ledger is ledger/<percent-encoded name>.jsonl (SPEC §5), locked as <file>.lock by the file store,
        // and checked out by auditors: a name a file system cannot hold would block every deploy of it.
        invalid('environment', environment, `an environment name whose percent-encoded form fits a file name (at most ${255 - LEDGER_FILE_SUFFIX.length} ` +
            `bytes; this one is ${Buffer.byteLength(encodeURIComponent(environment))})`);
    }
    const deployedSha = sha('sha');
    if (input('sha') === '') {
        problems.push("Missing input 'sha'. Expected the 40-character SHA of the commit being deployed (default ${{ github.sha }}).");
    }
    // Policy.
    const requiredChecks = splitCheckNames(input('required-checks'));
    for (const name of requiredChecks)
        noControl('required-checks', name, 'check names without control characters');
    const ticketSource = oneOf('ticket-source', TICKET_SOURCES);
    const statuses = splitList(input('ticket-approved-statuses'));
    if (statuses.length === 0) {
        invalid('ticket-approved-statuses', input('ticket-approved-statuses'), 'one or more comma-separated Jira status names');
    }
    for (const s of statuses)
        noControl('ticket-approved-statuses', s, 'status names without control characters');
    const jiraProjects = projectKeys('jira-projects');
    const policy = Object.freeze({
        requiredApprovals: wholeNumber('required-approvals', 1, MAX_REQUIRED_APPROVALS),
        requiredChecks: Object.freeze(requiredChecks),
        allowBotApprovals: boolean('allow-bot-approvals'),
        rubberStampSeconds: wholeNumber('rubber-stamp-seconds', 0, MAX_RUBBER_STAMP_SECONDS, ' of seconds'),
        ticketSource,
        jiraProjects: Object.freeze(jiraProjects),
        ticketApprovedStatuses: Object.freeze(statuses)
    });
    // Emergency and its follow-up.
    const retrospective = oneOf('retrospective', RETROSPECTIVES);
    const retrospectiveProjectGiven = projectKeys('retrospective-jira-project');
    if (retrospectiveProjectGiven.length > 1) {
        invalid('retrospective-jira-project', input('retrospective-jira-project'), 'one Jira project key');
    }
    const retrospectiveJiraProject = retrospectiveProjectGiven[0] ?? jiraProjects[0] ?? null;
    if (retrospective === 'jira' && retrospectiveJiraProject === null && !input('retrospective-jira-project')) {
        problems.push("Missing input 'retrospective-jira-project'. Expected the Jira project in which 'retrospective: jira' " +
            "opens the follow-up, or a project in 'jira-projects'.");
    }
    let emergency = null;
    if (boolean('emergency')) {
        const justification = input('emergency-justification');
        const problem = validateJustification(justification);
        if (problem !== null) {
            invalid('emergency-justification', justification, `at least 20 characters of real text saying why the deploy cannot wait, with 'emergency: true'; this one ${problem}`);
        }
        const approvers = splitList(input('emergency-approvers')).map(a => a.replace(/^@/, ''));
        const bad = approvers.filter(a => !LOGIN.test(a));
        if (bad.length > 0)
            invalid('emergency-approvers', bad.join(', '), 'comma-separated GitHub logins');
        emergency = Object.freeze({ justification, approvers: Object.freeze(approvers) });
    }
    const jira = readJira(input, invalid, problems, httpUrl, ticketSource === 'jira' || retrospective === 'jira');
    // Evidence.
    const store = oneOf('evidence-store', EVIDENCE_STORES);
    let evidence;
    const dir = input('evidence-dir');
    if (store === 'file') {
        if (dir === '') {
            problems.push("Missing input 'evidence-dir'. Expected the folder of the ledger with 'evidence-store: file'.");
        }
        else
            noControl('evidence-dir', dir, 'a folder path without control characters');
        evidence = Object.freeze({ store, dir });
    }
    else {
        if (dir !== '') {
            invalid('evidence-dir', dir, "no value with 'evidence-store: git' (set 'evidence-store: file' to use a folder)");
        }
        const remoteGiven = input('evidence-remote');
        const remote = remoteGiven === '' ? `${serverUrl}/${repository}.git` : remoteGiven;
        if (remoteGiven !== '')
            checkRemote(remoteGiven, invalid, httpUrl);
        const evidenceToken = input('evidence-token') === '' ? githubToken : token('evidence-token');
        evidence = Object.freeze({
            store,
            branch: branch('evidence-branch') ?? 'deploy-evidence',
            remote,
            token: evidenceToken
        });
    }
    const webhookUrl = input('evidence-webhook');
    const webhookToken = input('evidence-webhook-token');
    let webhook = null;
    if (webhookUrl !== '') {
        const url = httpUrl('evidence-webhook', webhookUrl, true, 'where records are POSTed');
        if (webhookToken !== '')
            token('evidence-webhook-token');
        if (url)
            webhook = Object.freeze({ url: url.href, token: webhookToken === '' ? null : webhookToken });
    }
    else if (webhookToken !== '') {
        problems.push("Invalid input 'evidence-webhook-token': set without 'evidence-webhook'. Expected it only with a webhook URL.");
    }
    const config = {
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
    };
    if (problems.length > 0)
        throw new src_errors/* ConfigError */.xL(problems.join('\n'));
    return Object.freeze(config);
}
/**
 * Jira Cloud (email + API token, basic auth) or Data Center (PAT, Bearer): exactly one of them when Jira
 * is used. A half-set or doubly-set pair is an error even when Jira is not used: it is a mistake either way.
 */
function readJira(input, invalid, problems, httpUrl, needed) {
    const base = input('jira-base-url');
    const email = input('jira-email');
    const apiToken = input('jira-api-token');
    const pat = input('jira-pat');
    const why = "with 'ticket-source: jira' or 'retrospective: jira'";
    const url = base === '' ? null : httpUrl('jira-base-url', base, false, 'the Jira site');
    if (url && (url.search !== '' || url.hash !== '')) {
        invalid('jira-base-url', base, 'the Jira site: an http:// or https:// URL without query or fragment');
    }
    // jira.js accepts only an address whose domain has a dot; checked here so that it fails before any request.
    if (email !== '' && (/\s/.test(email) || !/^[^@]+@[^@.]+(\.[^@.]+)+$/.test(email))) {
        invalid('jira-email', email, 'the e-mail address of the Jira Cloud account');
    }
    for (const name of ['jira-api-token', 'jira-pat']) {
        const value = input(name);
        if (/\s/.test(value))
            invalid(name, value, 'a token without spaces or line breaks');
    }
    if (pat !== '' && (email !== '' || apiToken !== '')) {
        problems.push("Conflicting inputs 'jira-pat' and 'jira-email'/'jira-api-token'. Expected either jira-email with " +
            'jira-api-token (Jira Cloud) or jira-pat (Jira Data Center), not both.');
        return null;
    }
    if ((email === '') !== (apiToken === '')) {
        const missing = email === '' ? 'jira-email' : 'jira-api-token';
        const other = email === '' ? 'jira-api-token' : 'jira-email';
        problems.push(`Missing input '${missing}'. Expected it together with '${other}' (Jira Cloud basic auth).`);
        return null;
    }
    const hasAuth = pat !== '' || email !== '';
    if (!needed && base === '' && !hasAuth)
        return null;
    if (base === '') {
        if (needed)
            problems.push(`Missing input 'jira-base-url'. Expected the Jira site, e.g. https://acme.atlassian.net, ${why}.`);
        return null;
    }
    if (!hasAuth) {
        if (needed) {
            problems.push(`Missing Jira credentials. Expected 'jira-email' and 'jira-api-token' (Jira Cloud) or 'jira-pat' ` +
                `(Jira Data Center) ${why}.`);
        }
        return null;
    }
    if (url === null)
        return null;
    return Object.freeze({
        baseUrl: baseUrl(url),
        auth: Object.freeze(pat !== '' ? { kind: 'pat', token: pat } : { kind: 'basic', email, apiToken })
    });
}
/** A git remote the ledger can be pushed to with a token header: https, file://, or a local path. */
function checkRemote(value, invalid, httpUrl) {
    const expected = 'the ledger repository: an https:// URL, a file:// URL or a local path';
    if (value.includes('://')) {
        const url = tryUrl(value);
        if (url?.protocol === 'file:')
            return;
        if (url?.protocol === 'https:' || url?.protocol === 'http:') {
            const checked = httpUrl('evidence-remote', value, true, 'the ledger repository');
            // git repeats the URL in its errors, query included: a `?token=…` would reach the log and the evidence.
            if (checked && (checked.search !== '' || checked.hash !== '')) {
                invalid('evidence-remote', value, `${expected}, without query or fragment`);
            }
            return;
        }
        invalid('evidence-remote', value, expected);
    }
    else if (/^[^/\\]*:/.test(value) || value.startsWith('-') || CONTROL.test(value)) {
        // `git@host:owner/repo.git` is ssh, which the token header cannot authenticate; a leading `-` is an option.
        invalid('evidence-remote', value, expected);
    }
}

;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping for text that comes from pull requests, tickets and API answers (titles, branch names, logins,
 * check names, ticket statuses, justifications). A pull request title is written by whoever opened it:
 * rendered raw in the job summary it could fake a passing verdict, hide rows or link to a phishing page.
 *
 * The summary is written as HTML blocks, in which GitHub's Markdown does not apply; escaped text is
 * additionally inert as Markdown, in case it ever lands outside such a block.
 */


const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '|': '&#124;',
    '[': '&#91;',
    ']': '&#93;',
    '(': '&#40;',
    ')': '&#41;',
    '`': '&#96;',
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;',
    '\\': '&#92;',
    '#': '&#35;',
    '!': '&#33;',
    $: '&#36;',
    ':': '&#58;',
    '=': '&#61;',
    '+': '&#43;',
    '-': '&#45;',
    '{': '&#123;',
    '}': '&#125;',
    // A zero-width space after `@` keeps `@org/team` from becoming a mention (GitHub links mentions in
    // rendered text, after entities are decoded, so an entity alone would not do).
    '@': '@&#8203;'
};
const SPECIAL = /[&<>"'|[\]()`*_~\\#!$:=+\-{}@]/g;
/** One line of plain text: invisible characters removed, line breaks and runs of spaces collapsed. */
function flattenText(text, maxLength) {
    return (0,src_text/* truncate */.xv)((0,src_text/* flatten */.Bq)(text), maxLength);
}
/** Untrusted text as HTML element content or a quoted attribute value; inert as Markdown too. */
function escapeText(text, maxLength = 300) {
    return flattenText(text, maxLength).replace(SPECIAL, ch => ENTITIES[ch] ?? ch);
}
/** An href for a URL the API returned, or null when it is not plain http(s) (javascript:, data:, …). */
function safeHref(url) {
    return (0,http_url/* safeHttpUrl */.vH)(url)?.replace(/[&<>"']/g, ch => ENTITIES[ch] ?? ch) ?? null;
}
/** A link to `url` with escaped `text`, or just the escaped text when the URL is not safe to link. */
function escape_link(url, text) {
    const href = safeHref(url);
    return href === null ? escapeText(text) : `<a href="${href}">${escapeText(text)}</a>`;
}
/** A time as `2024-06-01 12:00:05 UTC`; anything that is not a date is shown escaped, as given. */
function formatTime(value) {
    if (!value)
        return '—';
    const ms = Date.parse(value);
    if (Number.isNaN(ms))
        return escapeText(value, 40);
    return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
/** A commit SHA as the first 7 hex digits, or escaped text when it is not hex. */
function escape_shortSha(sha) {
    if (!sha)
        return '—';
    return /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : escapeText(sha, 12);
}

;// CONCATENATED MODULE: ./src/report/annotations.ts

function annotations_subject(result, context) {
    const headSha = result.pullRequest === null
        ? null
        : (context.facts?.pullRequests.find(pr => pr.number === result.pullRequest)?.headSha ?? null);
    const commit = result.commit ?? headSha;
    if (result.pullRequest !== null) {
        return commit
            ? `pull request #${result.pullRequest}, commit ${commit}`
            : `pull request #${result.pullRequest}`;
    }
    if (result.commit !== null && result.commit !== context.sha)
        return `commit ${result.commit} (no pull request)`;
    return `the deployed commit ${context.sha}`;
}
/**
 * One annotation per failing rule result, then one per warning result. Failures are errors when they
 * block the deploy; in `report` mode, or when an emergency override let them through, they are warnings,
 * because nothing was stopped.
 */
function annotationsFor(decision, context) {
    const blocking = decision.decision === 'block' && context.mode === 'enforce';
    const bypassed = decision.decision === 'allow' && decision.emergency !== null;
    const annotations = [];
    for (const result of decision.results.filter(r => r.status === 'fail')) {
        const suffix = bypassed
            ? ' (bypassed by the emergency override)'
            : context.mode === 'report'
                ? ' (report mode)'
                : '';
        annotations.push({
            level: blocking ? 'error' : 'warning',
            title: `deploy-gate: ${result.code ?? 'failed'} (rule ${result.rule})${suffix}`,
            message: `Rule ${result.rule} failed for ${annotations_subject(result, context)}: ${flattenText(result.detail, 500)}`
        });
    }
    for (const result of decision.results.filter(r => r.status === 'warn')) {
        annotations.push({
            level: 'warning',
            title: `deploy-gate: ${result.code ?? 'warning'} (rule ${result.rule})`,
            message: `Rule ${result.rule} warns for ${annotations_subject(result, context)}: ${flattenText(result.detail, 500)}`
        });
    }
    return annotations;
}
function emitAnnotations(annotations, sink) {
    for (const a of annotations) {
        if (a.level === 'error')
            sink.error(a.message, { title: a.title });
        else
            sink.warning(a.message, { title: a.title });
    }
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
/** The action's outputs (SPEC §4) as the strings `core.setOutput` writes. */

const OUTPUT_NAMES = [
    'decision',
    'emergency',
    'reasons',
    'warnings',
    'sha',
    'record-id',
    'evidence-file'
];
function outputsFor(input) {
    const { decision } = input;
    return {
        decision: decision.decision,
        emergency: String(decision.decision === 'allow' && decision.emergency !== null),
        reasons: JSON.stringify(decision.reasons),
        warnings: JSON.stringify((0,codes/* inContractOrder */.Cy)(codes/* WARNING_CODES */.Wj, input.warnings)),
        sha: input.sha,
        'record-id': input.recordId ?? '',
        'evidence-file': input.evidenceFile ?? ''
    };
}
function setOutputs(outputs, sink) {
    for (const name of OUTPUT_NAMES)
        sink.setOutput(name, outputs[name]);
}

;// CONCATENATED MODULE: ./src/report/retrospective.ts
/**
 * The retrospective of an emergency deploy as a GitHub issue (`retrospective: github-issue`): the same
 * content as the Jira follow-up, rendered as Markdown with every untrusted piece escaped (the
 * justification and rule details quote text from pull requests).
 */


/**
 * GitHub refuses an issue body over 65,536 characters; escaping can multiply the length of hostile text by
 * six, so the bypassed rules are cut to this budget (every one of them is in the evidence file and the
 * record) rather than the follow-up failing to open.
 */
const MAX_ISSUE_BODY = 60_000;
function composeGitHubRetrospective(facts) {
    const dueAt = retrospectiveDueAt(facts.decidedAt);
    const bypassed = [
        ...new Set(facts.bypassed.map(r => {
            const where = [
                r.pullRequest !== null ? `#${r.pullRequest}` : null,
                r.commit ? `commit ${escapeText(r.commit.slice(0, 7), 7)}` : null
            ].filter(Boolean);
            return `- [ ] <code>${r.code ?? 'unknown'}</code>${where.length ? ` (${where.join(', ')})` : ''}: ${escapeText(r.detail, 500)}`;
        }))
    ];
    const run = safeHref(facts.runUrl);
    // Escaped text goes in <code> elements, never in backtick code spans: Markdown does not decode entities
    // inside a code span, so `acme/deploy-gate` would show as `acme/deploy&#45;gate`.
    const head = [
        `**Emergency deploy** of <code>${escapeText(facts.repository, 200)}</code> to **${escapeText(facts.environment, 200)}** — retrospective due **${formatTime(dueAt)}** (${RETROSPECTIVE_DUE_HOURS} hours after the deploy).`,
        '',
        '| | |',
        '|---|---|',
        `| Commit | <code>${escapeText(facts.sha, 64)}</code> |`,
        `| Deployed by | ${escapeText(facts.actor, 100)} at ${formatTime(facts.decidedAt)} |`,
        `| Justification | ${escapeText(facts.justification, 4000)} |`,
        `| Gate run | ${run ? `[${escapeText(facts.runUrl, 300)}](${run})` : escapeText(facts.runUrl, 300)} |`,
        `| Due | ${formatTime(dueAt)} |`,
        '',
        '### Rules bypassed by the emergency override',
        ''
    ].join('\n');
    const tail = [
        '',
        '### To close this retrospective',
        '',
        'Record why the override was needed, get the bypassed checks done after the fact (independent review, passing CI, ' +
            'an approved ticket), link the changes that followed, and close this issue before it is due.'
    ].join('\n');
    const lines = bypassed.length ? bypassed : ['- none (every rule passed)'];
    let budget = MAX_ISSUE_BODY - head.length - tail.length - 200;
    const shown = [];
    for (const line of lines) {
        if (line.length + 1 > budget)
            break;
        shown.push(line);
        budget -= line.length + 1;
    }
    if (shown.length < lines.length) {
        shown.push(`- … and ${lines.length - shown.length} more, listed in the run's evidence file`);
    }
    const body = [head, ...shown, tail].join('\n');
    return {
        // Cut by code points: half a surrogate pair is not text GitHub accepts.
        title: [...`Retrospective: emergency deploy of ${facts.sha.slice(0, 7)} to ${facts.environment}`]
            .slice(0, 250)
            .join(''),
        body,
        labels: [RETROSPECTIVE_LABEL]
    };
}

;// CONCATENATED MODULE: ./src/report/summary.ts


/** GitHub refuses job summaries over 1 MiB; past this the summary drops detail instead of failing. */
const SUMMARY_BUDGET = 900_000;
const MAX_CHANGE_ROWS_COMPACT = 200;
const MAX_CHECKS_PER_PR = 20;
const STATUS_ICON = { fail: '❌', warn: '⚠️', pass: '✅' };
function code(text) {
    return `<code>${escapeText(text, 80)}</code>`;
}
function codeList(codes) {
    return codes.length === 0 ? 'none' : codes.map(code).join(', ');
}
function commitLink(input, sha) {
    const repository = input.facts?.repository;
    if (!input.serverUrl || !repository || !/^[0-9a-f]{40}$/i.test(sha))
        return `<code>${escape_shortSha(sha)}</code>`;
    return `<a href="${escapeAttr(`${input.serverUrl}/${repository}/commit/${sha}`)}"><code>${escape_shortSha(sha)}</code></a>`;
}
function escapeAttr(url) {
    return url.replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`);
}
function renderHeadline(input) {
    const { decision } = input;
    const allowedByOverride = decision.decision === 'allow' && decision.emergency !== null;
    const verdict = allowedByOverride
        ? '🚨 EMERGENCY ALLOW'
        : decision.decision === 'allow'
            ? '✅ ALLOWED'
            : '⛔ BLOCKED';
    const lines = [
        `<h2>deploy-gate: ${verdict} — ${escapeText(input.environment, 100)}</h2>`,
        '<p>' +
            [
                `Commit ${commitLink(input, input.sha)}`,
                `environment <b>${escapeText(input.environment, 100)}</b>`,
                `mode ${code(input.mode)}${input.mode === 'report' && decision.decision === 'block' ? ' (reported only: the step does not fail)' : ''}`,
                `range ${code(decision.range)}`,
                `record ${input.recordId ? code(input.recordId) : '<b>not appended</b>'}`
            ].join(' · ') +
            '</p>'
    ];
    if (decision.reasons.length > 0) {
        const label = allowedByOverride ? 'Failing, bypassed by the emergency override' : 'Failing';
        lines.push(`<p><b>${label}:</b> ${codeList(decision.reasons)}</p>`);
    }
    const warnings = (0,codes/* inContractOrder */.Cy)(codes/* WARNING_CODES */.Wj, input.warnings);
    if (warnings.length > 0)
        lines.push(`<p><b>Warnings:</b> ${codeList(warnings)}</p>`);
    if (input.evidenceFile)
        lines.push(`<p>Evidence file: <code>${escapeText(input.evidenceFile, 300)}</code></p>`);
    return lines.join('\n');
}
/**
 * An emergency must be impossible to miss: a GitHub alert (trusted text only: codes and our own dates)
 * followed by a table of who, why, what was bypassed and the follow-up.
 */
function renderEmergency(input) {
    const requested = input.emergency;
    if (requested === null)
        return null;
    const verdict = input.decision.emergency;
    const allowed = input.decision.decision === 'allow' && verdict !== null;
    const bypassed = verdict?.bypassed ?? [];
    const followUp = requested.followUp;
    const alert = allowed
        ? [
            '> [!CAUTION]',
            `> **EMERGENCY DEPLOY: change-management rules were bypassed.** ${bypassed.length} rule${bypassed.length === 1 ? '' : 's'} bypassed` +
                (followUp ? `; a retrospective is due by ${formatTime(followUp.dueAt)}.` : '.')
        ]
        : [
            '> [!CAUTION]',
            '> **EMERGENCY OVERRIDE REFUSED.** An emergency deploy was requested; the rules were evaluated and the deploy is blocked.'
        ];
    const followUpCell = !followUp
        ? 'none'
        : followUp.url
            ? `${escape_link(followUp.url, followUp.url)}, due ${formatTime(followUp.dueAt)}`
            : `<b>not opened</b> (see the ${code('follow-up-not-opened')} warning), due ${formatTime(followUp.dueAt)}`;
    const rows = [
        ['Invoked by', escapeText(requested.actor, 100)],
        ['Justification', escapeText(requested.justification, 1000)],
        ['Bypassed rules', allowed ? codeList(bypassed) : 'none (override refused)'],
        ['Follow-up', followUpCell]
    ];
    if (!allowed && input.decision.reasons.includes('emergency-not-allowed')) {
        rows.push(['Why refused', `${code('emergency-not-allowed')}: the actor is not in emergency-approvers`]);
    }
    const table = '<table>\n' +
        rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('\n') +
        '\n</table>';
    return `${alert.join('\n')}\n\n${table}`;
}
function renderChecks(checks) {
    if (checks.length === 0)
        return 'none';
    const icon = (c) => ['success', 'neutral', 'skipped'].includes(c.conclusion) ? '✅' : c.conclusion === 'pending' ? '⏳' : '❌';
    const shown = checks
        .slice(0, MAX_CHECKS_PER_PR)
        .map(c => `${icon(c)} ${escapeText(c.name, 100)} (${escapeText(c.conclusion, 20)})`);
    if (checks.length > MAX_CHECKS_PER_PR)
        shown.push(`… and ${checks.length - MAX_CHECKS_PER_PR} more`);
    return shown.join('<br>');
}
function renderApprovals(pr, verdict) {
    if (verdict) {
        if (verdict.approvals.length === 0)
            return 'none counted';
        return verdict.approvals
            .map(a => `${escapeText(a.login, 60)} at ${formatTime(a.submittedAt)} on <code>${escape_shortSha(a.commitSha)}</code>`)
            .join('<br>');
    }
    // No verdict for this pull request (the gate stopped early): list what GitHub reported, uncounted.
    const approved = pr.reviews.filter(r => r.state === 'APPROVED');
    if (approved.length === 0)
        return 'none';
    return approved
        .map(r => `${escapeText(r.author.login, 60)} at ${formatTime(r.submittedAt)} (not evaluated)`)
        .join('<br>');
}
function renderTicket(verdict) {
    const ticket = verdict?.ticket;
    if (!ticket)
        return 'none';
    const approved = ticket.approvedAt ? `, approved ${formatTime(ticket.approvedAt)}` : '';
    return `${escape_link(ticket.url, ticket.key)} (${escapeText(ticket.status, 60)}${approved})`;
}
function renderChangeSet(input, compact) {
    const { facts } = input;
    if (facts === null)
        return '<h3>Change set</h3>\n<p>The change set could not be established (see the failing rules).</p>';
    const verdicts = new Map(input.decision.pullRequests.map(v => [v.number, v]));
    const prs = compact ? facts.pullRequests.slice(0, MAX_CHANGE_ROWS_COMPACT) : facts.pullRequests;
    const header = `<h3>Change set</h3>\n<p>${facts.commits.length} commit${facts.commits.length === 1 ? '' : 's'} ` +
        `in ${facts.pullRequests.length} pull request${facts.pullRequests.length === 1 ? '' : 's'} into ` +
        `<code>${escapeText(facts.deployBranch, 100)}</code>. Checks on the deployed commit: ${renderChecks(facts.deployedChecks)}</p>`;
    if (facts.pullRequests.length === 0)
        return header;
    const rows = prs.map(pr => {
        const verdict = verdicts.get(pr.number);
        const author = `${escapeText(pr.author.login, 60)}${pr.author.isBot ? ' (bot)' : ''}`;
        const merged = `${formatTime(pr.mergedAt)}${pr.mergedBy ? ` by ${escapeText(pr.mergedBy, 60)}` : ''}`;
        return ('<tr>' +
            [
                escape_link(pr.url, `#${pr.number}`),
                escapeText(pr.title, 200),
                author,
                merged,
                renderApprovals(pr, verdict),
                renderChecks(pr.checks),
                renderTicket(verdict)
            ]
                .map(c => `<td>${c}</td>`)
                .join('') +
            '</tr>');
    });
    const omitted = prs.length < facts.pullRequests.length
        ? `\n<p>${facts.pullRequests.length - prs.length} more pull requests are in the evidence file.</p>`
        : '';
    return (`${header}\n<table>\n<tr><th>PR</th><th>Title</th><th>Author</th><th>Merged</th><th>Approvals</th><th>Checks</th><th>Ticket</th></tr>\n` +
        `${rows.join('\n')}\n</table>${omitted}`);
}
function summary_subject(result) {
    if (result.pullRequest !== null) {
        return `#${result.pullRequest}${result.commit ? ` <code>${escape_shortSha(result.commit)}</code>` : ''}`;
    }
    if (result.commit !== null)
        return `commit <code>${escape_shortSha(result.commit)}</code>`;
    return 'deploy';
}
function ruleRow(r) {
    const cells = [
        `${STATUS_ICON[r.status]} ${r.status}`,
        code(r.rule),
        summary_subject(r),
        r.code ? code(r.code) : '',
        escapeText(r.detail, 500)
    ];
    return `<tr>${cells.map(c => `<td>${c}</td>`).join('')}</tr>`;
}
const RULE_HEADER = '<tr><th>Result</th><th>Rule</th><th>Subject</th><th>Code</th><th>Detail</th></tr>';
function renderRules(decision, compact) {
    const failing = decision.results.filter(r => r.status === 'fail');
    const warning = decision.results.filter(r => r.status === 'warn');
    const passing = decision.results.filter(r => r.status === 'pass');
    const parts = ['<h3>Rules</h3>'];
    const noun = (n) => `${n} result${n === 1 ? '' : 's'}`;
    parts.push(`<p>${noun(failing.length)} failing, ${noun(warning.length)} with warnings, ${noun(passing.length)} passing.</p>`);
    const attention = [...failing, ...warning];
    if (attention.length > 0)
        parts.push(`<table>\n${RULE_HEADER}\n${attention.map(ruleRow).join('\n')}\n</table>`);
    if (passing.length > 0) {
        if (compact) {
            const byRule = new Map();
            for (const r of passing)
                byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
            const counts = [...byRule].map(([rule, n]) => `<tr><td>${code(rule)}</td><td>${n}</td></tr>`);
            parts.push(`<details><summary>Passing rules (counts; every result is in the evidence file)</summary>\n<table>\n` +
                `<tr><th>Rule</th><th>Passed</th></tr>\n${counts.join('\n')}\n</table>\n</details>`);
        }
        else {
            parts.push(`<details><summary>Passing rules (${passing.length})</summary>\n<table>\n${RULE_HEADER}\n` +
                `${passing.map(ruleRow).join('\n')}\n</table>\n</details>`);
        }
    }
    return parts.join('\n\n');
}
function render(input, compact) {
    const blocks = [
        renderHeadline(input),
        renderEmergency(input),
        renderChangeSet(input, compact),
        renderRules(input.decision, compact)
    ];
    return `${blocks.filter((b) => b !== null).join('\n\n')}\n`;
}
/** The job summary as one string for `core.summary.addRaw(…).write()`. */
function renderSummary(input) {
    const full = render(input, false);
    return Buffer.byteLength(full) <= SUMMARY_BUDGET ? full : render(input, true);
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The one place that wires a run: inputs → ledger view → range → facts (GitHub, tickets) → decision →
 * follow-up → ledger record → evidence file, webhook, artifact → outputs, summary, annotations.
 * Every edge is a dependency so that tests run the same flow against stand-ins.
 */













function defaultDeps() {
    return {
        readConfig: () => readConfig(),
        github: async (config) => {
            const { createGitHubAdapter } = await Promise.all(/* import() */[__nccwpck_require__.e(913), __nccwpck_require__.e(313)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4313));
            return createGitHubAdapter({
                token: config.githubToken,
                apiUrl: config.context.apiUrl,
                graphqlUrl: config.context.graphqlUrl,
                repository: config.context.repository
            });
        },
        jira: async (config) => {
            if (config.jira === null)
                throw new src_errors/* ConfigError */.xL('Jira is needed but jira-base-url is not set.');
            const { createJiraClient } = await __nccwpck_require__.e(/* import() */ 373).then(__nccwpck_require__.bind(__nccwpck_require__, 15373));
            return createJiraClient(config.jira);
        },
        ledger: async (config) => {
            const { openLedger } = await Promise.all(/* import() */[__nccwpck_require__.e(260), __nccwpck_require__.e(744), __nccwpck_require__.e(938), __nccwpck_require__.e(27)]).then(__nccwpck_require__.bind(__nccwpck_require__, 57027));
            return openLedger(config.evidence, { actor: config.context.actor });
        },
        postRecord: async (target, record) => {
            const { postRecord } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(4)]).then(__nccwpck_require__.bind(__nccwpck_require__, 98004));
            return postRecord(target, record);
        },
        uploadArtifact: async (input) => {
            const { uploadEvidenceArtifact } = await __nccwpck_require__.e(/* import() */ 231).then(__nccwpck_require__.bind(__nccwpck_require__, 82231));
            return uploadEvidenceArtifact(input);
        },
        now: () => new Date(),
        core: {
            setOutput: core/* setOutput */.uH,
            setFailed: core/* setFailed */.C1,
            error: core/* error */.z3,
            warning: core/* warning */.$e,
            notice: core/* notice */.lm,
            info: core/* info */.pq,
            writeSummary: async (markdown) => {
                if (!process.env.GITHUB_STEP_SUMMARY)
                    return;
                await core/* summary */.z.addRaw(markdown, true).write();
            }
        }
    };
}
async function run(deps = defaultDeps()) {
    let config;
    try {
        config = deps.readConfig();
    }
    catch (error) {
        // An input error stops the step before any request; nothing is recorded (SPEC §2).
        deps.core.setOutput('decision', 'block');
        deps.core.setFailed((0,src_errors/* getErrorMessage */.u1)(error));
        return;
    }
    const recorded = await decideAndRecord(config, deps);
    const { warnings, evidenceFile } = await publish(config, deps, recorded);
    await report(config, deps, recorded, warnings, evidenceFile);
}
/** Reads the ledger, decides, appends the record. A decision is only final once it is recorded. */
async function decideAndRecord(config, deps) {
    const started = deps.now();
    let outcome = null;
    let ledger = null;
    let phase = 'read the ledger';
    try {
        ledger = await deps.ledger(config);
        const view = await ledger.read(config.environment);
        assertSameRepository(view, config);
        phase = 'decide';
        const decided = await main_decide(config, deps, view, started);
        outcome = decided;
        phase = 'append the record';
        const appended = await ledger.append(config.environment, () => buildRecord({
            decision: decided.decision,
            facts: decided.facts,
            environment: config.environment,
            repository: config.context.repository,
            sha: config.sha,
            previousSha: decided.plan?.previousSha ?? null,
            actor: config.context.actor,
            decidedAt: started.toISOString(),
            run: runOf(config),
            followUp: decided.followUp,
            warnings: decided.warnings
        }));
        return {
            outcome,
            decision: decided.decision,
            record: appended.record,
            failure: null,
            ledger: {
                location: ledger.describe(config.environment),
                attempts: appended.attempts,
                commit: appended.commit
            }
        };
    }
    catch (error) {
        // No deploy goes out unrecorded: a ledger that cannot be read, verified or appended to is a block, and
        // so is a failure before deciding could start (the adapters not loading). Fail closed.
        const failure = `deploy-gate could not ${phase}: ${(0,src_errors/* getErrorMessage */.u1)(error)}`;
        const service = phase === 'decide' ? 'deploy-gate' : 'ledger';
        return {
            outcome,
            decision: blockedByUpstream(outcome?.plan?.range ?? 'initial', service, failure, null, config.sha),
            record: null,
            failure,
            ledger: {
                location: ledger?.describe(config.environment) ?? config.evidence.store,
                attempts: null,
                commit: null
            }
        };
    }
}
/** Forwards the record (webhook), writes this run's evidence file and uploads it. None of it can block. */
async function publish(config, deps, { outcome, decision, record, failure, ledger }) {
    const warnings = [...(outcome?.warnings ?? [])];
    let webhook = null;
    if (record && config.webhook) {
        webhook = await deps.postRecord(config.webhook, record);
        if (!webhook.ok) {
            warnings.push('webhook-failed');
            deps.core.warning(webhook.message, { title: 'deploy-gate: evidence webhook' });
        }
    }
    let evidenceFile = null;
    try {
        evidenceFile = await (0,evidence_file/* writeEvidenceFile */.BV)(config.context.runnerTemp, {
            environment: config.environment,
            runId: config.context.runId,
            runAttempt: config.context.runAttempt,
            record,
            decision,
            plan: outcome?.plan ?? null,
            facts: outcome?.facts ?? null,
            tickets: outcome?.tickets ?? [],
            warnings: (0,codes/* inContractOrder */.Cy)(codes/* WARNING_CODES */.Wj, warnings),
            ledger: { ...ledger, error: failure },
            webhook,
            errors: [...(outcome?.errors ?? []), ...(failure ? [failure] : [])]
        });
    }
    catch (error) {
        deps.core.warning(`The evidence file could not be written: ${(0,src_errors/* getErrorMessage */.u1)(error)}`);
    }
    if (evidenceFile && config.uploadArtifact) {
        const uploaded = await deps.uploadArtifact({
            path: evidenceFile,
            environment: config.environment,
            runId: config.context.runId,
            runAttempt: config.context.runAttempt
        });
        if (uploaded.status === 'uploaded')
            deps.core.info(`Uploaded artifact ${uploaded.name}.`);
        else
            deps.core.notice(uploaded.message);
    }
    return { warnings, evidenceFile };
}
/** Outputs, annotations, the job summary, and the step's result. */
async function report(config, deps, { outcome, decision, record, failure }, runWarnings, evidenceFile) {
    const warnings = (0,codes/* inContractOrder */.Cy)(codes/* WARNING_CODES */.Wj, [...runWarnings, ...decision.warnings]);
    setOutputs(outputsFor({ decision, warnings, sha: config.sha, recordId: record?.id ?? null, evidenceFile }), deps.core);
    emitAnnotations(annotationsFor(decision, { sha: config.sha, mode: config.mode, facts: outcome?.facts ?? null }), deps.core);
    try {
        await deps.core.writeSummary(renderSummary({
            decision,
            facts: outcome?.facts ?? null,
            recordId: record?.id ?? null,
            environment: config.environment,
            sha: config.sha,
            mode: config.mode,
            warnings,
            emergency: config.emergency
                ? {
                    actor: config.context.actor,
                    justification: config.emergency.justification,
                    followUp: outcome?.followUp ?? null
                }
                : null,
            serverUrl: config.context.serverUrl,
            evidenceFile
        }));
    }
    catch (error) {
        deps.core.warning(`The job summary could not be written: ${(0,src_errors/* getErrorMessage */.u1)(error)}`);
    }
    const override = decision.emergency ? ' (emergency override)' : '';
    deps.core.info(`deploy-gate: ${decision.decision}${override} for ${config.environment} at ${config.sha}; reasons: ${JSON.stringify(decision.reasons)}; warnings: ${JSON.stringify(warnings)}`);
    if (!record) {
        deps.core.setFailed(`${failure ?? 'The evidence record was not appended'}. No record was written, so the deploy is blocked.`);
    }
    else if (decision.decision === 'block') {
        const because = `blocked: ${decision.reasons.join(', ')}`;
        if (config.mode === 'enforce')
            deps.core.setFailed(`deploy-gate ${because}.`);
        else
            deps.core.warning(`deploy-gate ${because} (mode: report, the step does not fail).`);
    }
}
/** Range, facts and the gate's decision, plus the emergency follow-up. Upstream failures become a block. */
async function main_decide(config, deps, view, now) {
    const github = await deps.github(config);
    const emergency = config.emergency && {
        actor: config.context.actor,
        justification: config.emergency.justification,
        approvers: config.emergency.approvers
    };
    const errors = [];
    const protection = readLedgerProtection(config, deps, github.facts);
    const rangeInput = { view, sha: config.sha, sinceSha: config.sinceSha };
    // What the ledger alone establishes is recorded even if GitHub cannot say whether this is a rollback.
    let plan = planFromLedger(rangeInput);
    let facts = null;
    let tickets = { byKey: new Map(), unavailable: [] };
    let decision;
    try {
        plan = await planRange({ ...rangeInput, isAncestor: (a, b) => github.facts.isAncestor(a, b) });
        facts = await github.facts.fetchChangeSet({
            // A rollback is checked against itself: an empty change set, only the deployed commit's CI.
            base: plan.range === 'rollback' ? config.sha : plan.base,
            sha: config.sha,
            deployBranch: config.deployBranch,
            withClosingIssues: config.policy.ticketSource === 'github-issues'
        });
        tickets = await readTickets(config, deps, plan.range === 'rollback' ? [] : ticketKeysToFetch(facts, config.policy));
        errors.push(...tickets.unavailable.map(u => u.message));
        const { byKey, unavailable } = tickets;
        decision = evaluate({
            facts,
            range: plan.range,
            policy: config.policy,
            tickets: byKey,
            emergency,
            unavailable
        });
    }
    catch (error) {
        // Whatever could not be established blocks, and the block is recorded like any decision (SPEC §4): a
        // service that did not answer, or deploy-gate itself failing on an answer it did not expect.
        const [service, message] = error instanceof src_errors/* UpstreamError */.gA
            ? [error.service, error.message]
            : ['deploy-gate', `deploy-gate failed while deciding: ${(0,src_errors/* getErrorMessage */.u1)(error)}`];
        errors.push(message);
        decision = blockedByUpstream(plan.range, service, message, emergency, config.sha);
    }
    const warnings = [...plan.warnings];
    if ((await protection) === 'unprotected')
        warnings.push('ledger-unprotected');
    let followUp = null;
    if (decision.emergency) {
        followUp = { url: null, dueAt: retrospectiveDueAt(now.toISOString()) };
        try {
            followUp.url = await openFollowUp(config, deps, github.issues, decision, now);
        }
        catch (error) {
            // It is an emergency: the deploy still goes out, and the record says the follow-up is missing.
            warnings.push('follow-up-not-opened');
            const message = `The retrospective follow-up could not be opened: ${(0,src_errors/* getErrorMessage */.u1)(error)}`;
            errors.push(message);
            deps.core.warning(message, { title: 'deploy-gate: emergency follow-up' });
        }
    }
    const lookups = [...tickets.byKey.values()];
    return {
        plan,
        facts,
        tickets: lookups,
        decision,
        warnings: (0,codes/* inContractOrder */.Cy)(codes/* WARNING_CODES */.Wj, warnings),
        followUp,
        errors
    };
}
async function readTickets(config, deps, keys) {
    if (keys.length === 0)
        return { byKey: new Map(), unavailable: [] };
    try {
        const jira = await deps.jira(config);
        return { byKey: await jira.fetchTickets(keys), unavailable: [] };
    }
    catch (error) {
        // Jira down blocks, but the GitHub rules are still judged: an emergency must record every rule it
        // bypassed, and a developer sees every fix at once (the tickets are re-checked on the next run).
        if (!(error instanceof src_errors/* UpstreamError */.gA))
            throw error;
        return { byKey: new Map(), unavailable: [{ service: error.service, message: error.message }] };
    }
}
/**
 * Whether the ledger branch can be force-pushed or deleted, when it lives on this GitHub server; null when
 * GitHub cannot say (another remote). Never rejects: it only ever adds a warning or a notice.
 */
async function readLedgerProtection(config, deps, github) {
    const ledgerAt = ledgerBranch(config);
    if (!ledgerAt)
        return null;
    const protection = await github
        .branchProtection(ledgerAt.repository, ledgerAt.branch)
        .catch(() => 'unknown');
    if (protection === 'unknown') {
        deps.core.notice(`Could not tell whether branch ${ledgerAt.branch} of ${ledgerAt.repository} is protected against force pushes and deletion (the token may lack administration: read).`);
    }
    return protection;
}
async function openFollowUp(config, deps, issues, decision, now) {
    const facts = {
        project: config.retrospectiveJiraProject ?? '',
        repository: config.context.repository,
        environment: config.environment,
        sha: config.sha,
        actor: config.context.actor,
        justification: config.emergency?.justification ?? '',
        bypassed: decision.results.filter(r => r.status === 'fail'),
        runUrl: runOf(config).url,
        decidedAt: now.toISOString()
    };
    switch (config.retrospective) {
        case 'none':
            return null;
        case 'github-issue':
            return (await issues.createIssue(composeGitHubRetrospective(facts))).url;
        case 'jira': {
            const jira = await deps.jira(config);
            return (await jira.createFollowUp(composeJiraRetrospective(facts))).url;
        }
    }
}
/**
 * The GitHub repository (`owner/name`) and branch that hold the ledger when `evidence-remote` is on this GitHub
 * server — this repository or a central evidence repository — so its branch protection can be read; null
 * for other remotes (file://, another host), where GitHub cannot say.
 */
function ledgerBranch(config) {
    if (config.evidence.store !== 'git')
        return null;
    const server = config.context.serverUrl.replace(/\/+$/, '').toLowerCase();
    const remote = config.evidence.remote.replace(/\/+$/, '').replace(/\.git$/, '');
    if (!remote.toLowerCase().startsWith(`${server}/`))
        return null;
    const path = remote.slice(server.length + 1);
    return /^[^/]+\/[^/]+$/.test(path) ? { repository: path, branch: config.evidence.branch } : null;
}
/**
 * One chain per environment: in a central ledger shared by several repositories, an environment name used
 * by two of them would make one repository's last deploy the other's baseline. Refuse before recording.
 */
function assertSameRepository(view, config) {
    const recorded = view.lastAllow?.repository;
    if (recorded && recorded.toLowerCase() !== config.context.repository.toLowerCase()) {
        throw new src_errors/* LedgerIntegrityError */.Bn(`the ledger's chain for environment '${config.environment}' records deploys of ${recorded}, not ${config.context.repository}. ` +
            'Give each repository its own environment names in a shared ledger (e.g. shop-production); after a repository rename, ' +
            'start a new environment name with since-sha set to the last deployed commit.');
    }
}
function runOf(config) {
    const c = config.context;
    return {
        id: c.runId,
        attempt: c.runAttempt,
        url: `${c.serverUrl.replace(/\/+$/, '')}/${c.repository}/actions/runs/${c.runId}/attempts/${c.runAttempt}`,
        workflow: c.workflow
    };
}


/***/ }),

/***/ 48992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ flatten),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
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

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80099:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 37830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 87997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 96251:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  pq: () => (/* binding */ info),
  lm: () => (/* binding */ notice),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, exportVariable, getBooleanInput, getIDToken, getInput, getMultilineInput, getState, group, isDebug, markdownSummary, platform, saveState, setCommandEcho, startGroup, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(70857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(76982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(79896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(16928);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

// deploy-gate patch: @actions/exec (and child_process with it) is loaded on first use, not at start-up.
const loadExec = () => __nccwpck_require__.e(/* import() */ 260).then(__nccwpck_require__.bind(__nccwpck_require__, 81260));
const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield loadExec();
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield loadExec();
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield loadExec();
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





// deploy-gate patch: the OIDC client (and @actions/http-client with it) is loaded on first use, not at start-up.
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        const { OidcClient } = yield Promise.all(/* import() */[__nccwpck_require__.e(118), __nccwpck_require__.e(632)]).then(__nccwpck_require__.bind(__nccwpck_require__, 83049));
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

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
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
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
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
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
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
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
/******/ var __webpack_exports__ = __nccwpck_require__(79407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map