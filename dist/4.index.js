export const id = 4;
export const ids = [4];
export const modules = {

/***/ 98004:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   postRecord: () => (/* binding */ postRecord)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17607);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4488);




const RETRY_STATUS = [429, 500, 502, 503, 504];
/**
 * Forwards one ledger record to `evidence-webhook` (a SIEM or compliance platform) as a JSON POST.
 * The git/file ledger stays the source of truth: this never throws, and a failure is only a
 * `webhook-failed` warning. Retries (5xx, 429 honouring Retry-After, connection errors) are undici's
 * own retry interceptor; redirects are not followed, so the token goes nowhere but `url`. The record id
 * is sent as `Idempotency-Key` so a receiver can drop a retried duplicate.
 */
async function postRecord(target, record, options = {}) {
    // The URL is a secret too (SPEC §3 lists it with the masked inputs): only its origin is ever shown.
    const secrets = [target.url, ...(target.token ? [target.token] : [])];
    const shown = (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .secretUrlOrigin */ .iU)(target.url);
    let attempts = 0;
    const refused = checkUrl(target.url);
    if (refused)
        return { ok: false, status: null, attempts, message: `evidence webhook ${shown}: ${refused}` };
    const timeoutMs = options.timeoutMs ?? 10_000;
    const agent = new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connectTimeout: timeoutMs });
    const counting = dispatch => (opts, handler) => {
        attempts += 1;
        return dispatch(opts, handler);
    };
    // compose(a, b): a request goes through b first, so every retry the retry interceptor issues is counted.
    const dispatcher = agent.compose(counting, undici__WEBPACK_IMPORTED_MODULE_0__/* .interceptors */ .dY.retry({
        maxRetries: options.maxRetries ?? 3,
        minTimeout: options.minDelayMs ?? 500,
        maxTimeout: options.maxDelayMs ?? 5_000,
        timeoutFactor: 2,
        methods: ['POST'],
        statusCodes: RETRY_STATUS,
        retryAfter: true
    }));
    try {
        const response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(target.url, {
            dispatcher,
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                'user-agent': 'deploy-gate',
                'idempotency-key': record.id,
                ...(target.token ? { authorization: `Bearer ${target.token}` } : {})
            },
            body: JSON.stringify(record),
            signal: AbortSignal.timeout(options.deadlineMs ?? 60_000)
        });
        await response.body.dump();
        if (response.statusCode >= 200 && response.statusCode < 300) {
            return { ok: true, status: response.statusCode, attempts };
        }
        return failure(response.statusCode, `answered HTTP ${response.statusCode}`);
    }
    catch (error) {
        const status = statusOf(error);
        return failure(status, status === null ? describeError(error, timeoutMs) : `answered HTTP ${status}`);
    }
    finally {
        await agent.destroy().catch(() => undefined);
    }
    function failure(status, what) {
        const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
        return {
            ok: false,
            status,
            attempts,
            message: (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .scrubSecrets */ .Zg)(`evidence webhook ${shown} ${what} (${tries}); the ledger record is kept`, secrets)
        };
    }
}
/** A token goes over TLS, or over plain http to this machine only. */
function checkUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return 'not a URL';
    }
    if (parsed.protocol === 'https:')
        return null;
    if (parsed.protocol === 'http:' && (0,_http_url_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopback */ .U9)(parsed))
        return null;
    return 'only https URLs (or plain http to a loopback address) receive evidence';
}
function statusOf(error) {
    const status = error?.statusCode;
    return typeof status === 'number' ? status : null;
}
function describeError(error, timeoutMs) {
    const code = error?.code;
    const name = error?.name;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT' ||
        code === 'UND_ERR_CONNECT_TIMEOUT') {
        return `did not answer within ${timeoutMs} ms`;
    }
    if (name === 'TimeoutError' || name === 'AbortError')
        return 'did not accept the record before the deadline';
    return `could not be reached (${typeof code === 'string' ? code : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)})`;
}


/***/ })

};

//# sourceMappingURL=4.index.js.map