export const id = 313;
export const ids = [313];
export const modules = {

/***/ 4313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubAdapter: () => (/* binding */ createGitHubAdapter)
});

// UNUSED EXPORTS: createGitHubFacts, createGitHubIssues, parseRepository

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/github/answer.ts

/**
 * A typed walk over an answer from GitHub. Every value the adapter uses is checked as it is read: a field
 * that is missing or of the wrong type is a malformed answer, and the gate fails closed on it.
 */
class Answer {
    value;
    path;
    what;
    constructor(value, path, what) {
        this.value = value;
        this.path = path;
        this.what = what;
    }
    static of(value, what) {
        return new Answer(value, '$', what);
    }
    field(key) {
        if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
            throw this.malformed(this.path, 'an object');
        }
        return this.value[key];
    }
    malformed(path, expected) {
        return new src_errors/* UpstreamError */.gA('GitHub', `GitHub gave a malformed answer to ${this.what}: ${path} is not ${expected}; the gate cannot establish the facts.`, null);
    }
    has(key) {
        const value = this.field(key);
        return value !== undefined && value !== null;
    }
    obj(key) {
        const value = this.field(key);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw this.malformed(`${this.path}.${key}`, 'an object');
        }
        return new Answer(value, `${this.path}.${key}`, this.what);
    }
    objOrNull(key) {
        const value = this.field(key);
        return value === null ? null : this.obj(key);
    }
    list(key) {
        const value = this.field(key);
        if (!Array.isArray(value))
            throw this.malformed(`${this.path}.${key}`, 'a list');
        return value.map((item, i) => new Answer(item, `${this.path}.${key}[${i}]`, this.what));
    }
    /** The elements of this value, which must be a list. */
    items() {
        if (!Array.isArray(this.value))
            throw this.malformed(this.path, 'a list');
        return this.value.map((item, i) => new Answer(item, `${this.path}[${i}]`, this.what));
    }
    str(key) {
        const value = this.field(key);
        if (typeof value !== 'string')
            throw this.malformed(`${this.path}.${key}`, 'a string');
        return value;
    }
    strOrNull(key) {
        const value = this.field(key);
        return value === null || value === undefined ? null : this.str(key);
    }
    num(key) {
        const value = this.field(key);
        if (typeof value !== 'number' || !Number.isFinite(value))
            throw this.malformed(`${this.path}.${key}`, 'a number');
        return value;
    }
    bool(key) {
        const value = this.field(key);
        if (typeof value !== 'boolean')
            throw this.malformed(`${this.path}.${key}`, 'a boolean');
        return value;
    }
    /** A string field that must be one of `allowed`. */
    oneOf(key, allowed) {
        const value = this.str(key);
        if (!allowed.includes(value)) {
            throw this.malformed(`${this.path}.${key}`, `one of ${allowed.join(', ')} (it is '${value.slice(0, 40)}')`);
        }
        return value;
    }
}

;// CONCATENATED MODULE: ./src/gate/facts.ts
/**
 * Plain facts the adapters gather and the gate decides on. No behaviour lives here: these are the
 * shapes that cross the boundary between the outside world (GitHub, Jira) and the pure policy.
 * Times are ISO 8601 strings as the services return them; logins are GitHub logins as written.
 */
const REVIEW_STATES = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'];
const CHECK_CONCLUSIONS = [
    'success',
    'neutral',
    'skipped',
    'failure',
    'cancelled',
    'timed_out',
    'action_required',
    'stale',
    'startup_failure',
    'error',
    'pending'
];

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 19 modules
var utils = __webpack_require__(85555);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The one place that talks HTTP to GitHub: an octokit from `@actions/github` with octokit's retry and
 * throttling plugins, a per-attempt timeout, a bounded total time per request, an explicit GraphQL
 * endpoint (GHES serves it at `/api/graphql`), and every failure turned into an `UpstreamError` whose
 * message names GitHub, the HTTP status and what to fix. The token never appears in a message.
 */





const GITHUB_CLIENT_DEFAULTS = {
    retries: 3,
    retryUnitMs: 1000,
    attemptTimeoutMs: 20_000,
    totalTimeoutMs: 30_000
};
/** The permissions the gate's token needs, for messages. */
const READ_PERMISSIONS = 'contents: read, pull-requests: read, checks: read, statuses: read';
/**
 * The throttling plugin spaces "write" requests at least a second apart, as GitHub asks for mutative
 * requests, and counts every GraphQL request as one. The gate's GraphQL requests are read-only queries and
 * a run makes at most one write (a retrospective issue), so that spacing would only add a second per
 * query. Rate limits are still honoured: the plugin's global group and its rate-limit handling stay.
 */
const UNSPACED = {
    key: () => ({ schedule: (_options, job) => job() })
};
function createGitHubClient(options) {
    const retries = options.retries ?? GITHUB_CLIENT_DEFAULTS.retries;
    const unit = options.retryUnitMs ?? GITHUB_CLIENT_DEFAULTS.retryUnitMs;
    const attemptTimeoutMs = options.attemptTimeoutMs ?? GITHUB_CLIENT_DEFAULTS.attemptTimeoutMs;
    const totalTimeoutMs = options.totalTimeoutMs ?? GITHUB_CLIENT_DEFAULTS.totalTimeoutMs;
    const token = options.token;
    const apiUrl = options.apiUrl.replace(/\/+$/, '');
    const graphqlUrl = options.graphqlUrl;
    // A rate limit is worth waiting for only if the wait ends before this request's deadline.
    const wantRateLimitRetry = (retryAfterSeconds, requestOptions, _octokit, retryCount) => {
        const meta = requestMeta(requestOptions);
        const resumeAt = Date.now() + retryAfterSeconds * unit;
        return retryCount < retries && meta.deadline !== undefined && resumeAt < meta.deadline;
    };
    const baseFetch = utils/* defaults */.NT.request?.fetch ?? fetch;
    const fetchWithTimeout = (input, init = {}) => {
        const timeout = AbortSignal.timeout(attemptTimeoutMs);
        const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        return baseFetch(input, { ...init, signal });
    };
    const octokit = (0,github/* getOctokit */.Q)(token, {
        baseUrl: apiUrl,
        userAgent: options.userAgent ?? 'deploy-gate',
        request: { ...utils/* defaults */.NT.request, fetch: fetchWithTimeout },
        // 429s are left to the throttling plugin, which honours retry-after; counting them in both
        // plugins would multiply the attempts.
        retry: { retries, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: options.throttle === false
            ? { enabled: false }
            : {
                retryAfterBaseValue: unit,
                write: UNSPACED,
                onRateLimit: wantRateLimitRetry,
                onSecondaryRateLimit: wantRateLimitRetry
            },
        // octokit logs warnings (e.g. deprecations) through console; the gate reports its own errors.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } }
    }, dist_bundle/* retry */.L, throttling, deadlinePlugin(totalTimeoutMs));
    const redact = (text) => (token ? text.split(token).join('***') : text);
    return {
        async request(route, params, purpose, requestOptions = {}) {
            try {
                const response = await octokit.request(route, params);
                return { status: response.status, data: response.data };
            }
            catch (error) {
                const upstream = toUpstreamError(error, purpose, redact);
                const allowed = requestOptions.allowStatuses ?? [];
                if (upstream.status !== null && allowed.includes(upstream.status) && !isRateLimit(error)) {
                    const response = isRecord(error) && isRecord(error.response) ? error.response : {};
                    return { status: upstream.status, data: response.data ?? null };
                }
                throw upstream;
            }
        },
        async graphql(query, variables, purpose) {
            let data;
            try {
                const response = await octokit.request(`POST ${graphqlUrl}`, { query, variables });
                data = response.data;
            }
            catch (error) {
                throw toUpstreamError(error, purpose, redact);
            }
            if (!isRecord(data)) {
                throw new src_errors/* UpstreamError */.gA('GitHub', `GitHub's GraphQL API gave a malformed answer to ${purpose.what}.`, null);
            }
            if (Array.isArray(data.errors) && data.errors.length > 0) {
                throw graphqlErrors(data.errors, purpose, redact);
            }
            if (!isRecord(data.data)) {
                throw new src_errors/* UpstreamError */.gA('GitHub', `GitHub's GraphQL API answered ${purpose.what} without data.`, null);
            }
            return data.data;
        }
    };
}
/**
 * Outermost hook: gives each request a deadline (read by the rate-limit handlers) and stops waiting
 * when it passes, whatever retry or rate-limit wait is in progress.
 */
function deadlinePlugin(totalTimeoutMs) {
    return (octokit) => {
        octokit.hook.wrap('request', async (request, requestOptions) => {
            const meta = requestMeta(requestOptions);
            meta.deadline = Date.now() + totalTimeoutMs;
            // Aborting makes any attempt still scheduled after the deadline fail at once, without a request.
            const controller = new AbortController();
            meta.signal = controller.signal;
            let timer;
            const expired = new Promise((_resolve, reject) => {
                timer = setTimeout(() => {
                    controller.abort();
                    reject(new DeadlineError(totalTimeoutMs));
                }, totalTimeoutMs);
            });
            const attempts = Promise.resolve().then(() => request(requestOptions));
            // After the deadline their failure is no longer anyone's news.
            attempts.catch(() => { });
            try {
                return await Promise.race([attempts, expired]);
            }
            finally {
                clearTimeout(timer);
            }
        });
    };
}
class DeadlineError extends Error {
    totalTimeoutMs;
    constructor(totalTimeoutMs) {
        super(`no answer within ${totalTimeoutMs / 1000} s`);
        this.totalTimeoutMs = totalTimeoutMs;
    }
}
function requestMeta(requestOptions) {
    if (isRecord(requestOptions)) {
        if (!isRecord(requestOptions.request))
            requestOptions.request = {};
        return requestOptions.request;
    }
    return {};
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A short, single-line excerpt of text GitHub sent (it is data, not instructions). */
function excerpt(text, redact) {
    const flat = redact(text)
        // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim();
    return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
function toUpstreamError(error, purpose, redact) {
    if (error instanceof src_errors/* UpstreamError */.gA)
        return error;
    if (error instanceof DeadlineError) {
        return new src_errors/* UpstreamError */.gA('GitHub', `GitHub did not answer ${purpose.what} within ${error.totalTimeoutMs / 1000} s (retries included); the gate cannot establish the facts, try again later.`, null);
    }
    const status = isRecord(error) && typeof error.status === 'number' ? error.status : null;
    const response = isRecord(error) && isRecord(error.response) ? error.response : null;
    const headers = response && isRecord(response.headers) ? response.headers : {};
    const said = excerpt(messageFromResponse(response) ?? (0,src_errors/* getErrorMessage */.u1)(error), redact);
    if (status === null || (status === 500 && response === null)) {
        // fetch failed: network error, refused connection, timeout of every attempt
        return new src_errors/* UpstreamError */.gA('GitHub', `GitHub could not be reached for ${purpose.what} (${said}), after retries; check the API URL and the network.`, null);
    }
    const prefix = `GitHub answered HTTP ${status} to ${purpose.what}`;
    if (isRateLimit(error)) {
        const after = typeof headers['retry-after'] === 'string' ? ` (retry-after: ${headers['retry-after']} s)` : '';
        return new src_errors/* UpstreamError */.gA('GitHub', `${prefix}: rate limit exceeded${after}; try again later. GitHub said: ${said}`, status);
    }
    switch (status) {
        case 401:
            return new src_errors/* UpstreamError */.gA('GitHub', `${prefix}: the token was rejected (invalid or expired); check the github-token input. GitHub said: ${said}`, status);
        case 403:
            return new src_errors/* UpstreamError */.gA('GitHub', `${prefix}: the token lacks the permission \`${purpose.permission}\`; grant it in the workflow's \`permissions:\`. GitHub said: ${said}`, status);
        case 404:
            return new src_errors/* UpstreamError */.gA('GitHub', `${prefix}: not found — the repository or commit does not exist, or the token cannot see it (it needs \`${purpose.permission}\`). GitHub said: ${said}`, status);
        default:
            if (status >= 500) {
                return new src_errors/* UpstreamError */.gA('GitHub', `${prefix} (after retries): GitHub is unavailable; try again later. GitHub said: ${said}`, status);
            }
            return new src_errors/* UpstreamError */.gA('GitHub', `${prefix}. GitHub said: ${said}`, status);
    }
}
/** GitHub's rate limits: 429, or 403 with no remaining quota or a "secondary rate limit" message. */
function isRateLimit(error) {
    if (!isRecord(error) || typeof error.status !== 'number')
        return false;
    if (error.status === 429)
        return true;
    if (error.status !== 403)
        return false;
    const response = isRecord(error.response) ? error.response : null;
    const headers = response && isRecord(response.headers) ? response.headers : {};
    return headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(messageFromResponse(response) ?? '');
}
function messageFromResponse(response) {
    if (!response)
        return null;
    const data = response.data;
    if (isRecord(data) && typeof data.message === 'string')
        return data.message;
    if (typeof data === 'string' && data.length > 0)
        return data;
    return null;
}
function graphqlErrors(errors, purpose, redact) {
    const first = errors[0];
    const type = isRecord(first) && typeof first.type === 'string' ? first.type : null;
    const messages = errors
        .slice(0, 3)
        .map(e => (isRecord(e) && typeof e.message === 'string' ? e.message : 'unknown error'))
        .join('; ');
    const said = excerpt(messages, redact);
    const prefix = `GitHub's GraphQL API answered ${purpose.what} with ${errors.length} error(s)`;
    switch (type) {
        case 'FORBIDDEN':
        case 'INSUFFICIENT_SCOPES':
            return new src_errors/* UpstreamError */.gA('GitHub', `${prefix}: the token lacks a permission (it needs \`${purpose.permission}\`); grant it in the workflow's \`permissions:\`. GitHub said: ${said}`, 403);
        case 'NOT_FOUND':
            return new src_errors/* UpstreamError */.gA('GitHub', `${prefix}: not found — the repository, commit or pull request does not exist, or the token cannot see it. GitHub said: ${said}`, 404);
        case 'RATE_LIMITED':
            return new src_errors/* UpstreamError */.gA('GitHub', `${prefix}: rate limit exceeded; try again later. GitHub said: ${said}`, 429);
        default:
            return new src_errors/* UpstreamError */.gA('GitHub', `${prefix}. GitHub said: ${said}`, null);
    }
}

;// CONCATENATED MODULE: ./src/github/queries.ts
/**
 * The GraphQL the adapter sends, as pure builders (each one is validated against GitHub's published
 * schema in test/github/queries.test.ts). Values always travel as variables, never spliced into text.
 *
 * The request budget: one query per 100 commits for their pull requests (plus the deployed commit's
 * checks and the default branch), one per 50 pull requests for their details (plus each head commit's
 * checks), one for base-merge ancestry when a pull request contains merges, and follow-up pages only
 * when a connection has more items than the first page holds.
 */
const CONNECTIONS = {
    associatedPullRequests: {
        on: 'Commit',
        field: 'associatedPullRequests',
        first: 10,
        nodes: 'number merged baseRefName headRefOid'
    },
    rollupContexts: { on: 'StatusCheckRollup', field: 'contexts', first: 100, nodes: '...DgCheckContext' },
    // nested: commitParents.first + commitAuthors.first
    prCommits: { on: 'PullRequest', field: 'commits', first: 100, nodes: 'commit { ...DgCommit }', nested: 15 },
    prReviews: { on: 'PullRequest', field: 'reviews', first: 100, nodes: '...DgReview' },
    // nested: issueLabels.first + issueLabelEvents.first
    prClosingIssues: {
        on: 'PullRequest',
        field: 'closingIssuesReferences',
        first: 10,
        nodes: '...DgIssue',
        nested: 150
    },
    commitParents: { on: 'Commit', field: 'parents', first: 5, nodes: 'oid' },
    commitAuthors: { on: 'Commit', field: 'authors', first: 10, nodes: '...DgGitActor' },
    issueLabels: { on: 'Issue', field: 'labels', first: 50, nodes: 'name' },
    issueLabelEvents: {
        on: 'Issue',
        field: 'timelineItems',
        args: 'itemTypes: [LABELED_EVENT, UNLABELED_EVENT]',
        first: 100,
        nodes: '...DgLabelEvent'
    }
};
/** Follow-up pages ask for as many items as GitHub allows. */
const PAGE_SIZE = 100;
function connection(kind, first = CONNECTIONS[kind].first, after) {
    const spec = CONNECTIONS[kind];
    const args = [`first: ${first}`, spec.args, after ? `after: ${after}` : undefined]
        .filter(Boolean)
        .join(', ');
    return `${spec.field}(${args}) { pageInfo { hasNextPage endCursor } nodes { ${spec.nodes} } }`;
}
const FRAGMENTS = {
    DgActor: 'fragment DgActor on Actor { __typename login }',
    DgGitActor: 'fragment DgGitActor on GitActor { name email user { login } }',
    DgCheckContext: `fragment DgCheckContext on StatusCheckRollupContext {
  __typename
  ... on CheckRun { name status conclusion completedAt }
  ... on StatusContext { context state createdAt }
}`,
    DgRollup: `fragment DgRollup on StatusCheckRollup { id ${connection('rollupContexts')} }`,
    DgCommit: `fragment DgCommit on Commit {
  id oid message committedDate
  ${connection('commitParents')}
  ${connection('commitAuthors')}
  committer { ...DgGitActor }
}`,
    DgReview: 'fragment DgReview on PullRequestReview { state submittedAt author { ...DgActor } commit { oid } }',
    DgLabelEvent: `fragment DgLabelEvent on IssueTimelineItems {
  __typename
  ... on LabeledEvent { createdAt label { name } }
  ... on UnlabeledEvent { createdAt label { name } }
}`,
    DgIssue: `fragment DgIssue on Issue {
  id number url createdAt repository { nameWithOwner }
  ${connection('issueLabels')}
  ${connection('issueLabelEvents')}
}`,
    DgPullRequest: `fragment DgPullRequest on PullRequest {
  id number title body url headRefName baseRefName headRefOid merged mergedAt
  author { ...DgActor }
  mergedBy { ...DgActor }
  ${connection('prCommits')}
  ${connection('prReviews')}
  forcePushes: timelineItems(last: 1, itemTypes: [HEAD_REF_FORCE_PUSHED_EVENT]) {
    nodes { __typename ... on HeadRefForcePushedEvent { createdAt } }
  }
  closingIssuesReferences(first: ${CONNECTIONS.prClosingIssues.first}) @include(if: $withClosingIssues) {
    pageInfo { hasNextPage endCursor } nodes { ${CONNECTIONS.prClosingIssues.nodes} }
  }
}`,
    DgHeadCommit: 'fragment DgHeadCommit on Commit { oid committedDate statusCheckRollup { ...DgRollup } }'
};
/** Appends the fragments the text uses, transitively (GraphQL rejects unused ones). */
function withFragments(text) {
    const used = new Set();
    const visit = (source) => {
        for (const match of source.matchAll(/\.\.\.(Dg\w+)/g)) {
            const name = match[1];
            if (used.has(name))
                continue;
            const fragment = FRAGMENTS[name];
            if (fragment === undefined)
                throw new Error(`unknown fragment ${name}`);
            used.add(name);
            visit(fragment);
        }
    };
    visit(text);
    return [text, ...[...used].sort().map(name => FRAGMENTS[name])].join('\n');
}
/** At most this many commits per associated-pull-request query. */
const COMMITS_PER_QUERY = 100;
/** At most this many pull requests per details query (≈170,000 nodes with closing issues, under 500,000). */
const PULL_REQUESTS_PER_QUERY = 50;
/** At most this many ancestry comparisons per query. */
const COMPARISONS_PER_QUERY = 100;
/** Follow-up pages are grouped into queries of at most this many nodes (GitHub's limit: 500,000). */
const PAGE_NODE_BUDGET = 200_000;
/** The node count one follow-up page of `kind` can cost. */
function pageCost(kind) {
    const spec = CONNECTIONS[kind];
    return PAGE_SIZE * (1 + (spec.nested ?? 0));
}
/**
 * The merged pull requests of up to 100 commits; with `deployed`, also the default branch and the checks
 * on the deployed commit (folded into the first query to save a request).
 */
function associatedPullRequestsQuery(repository, commits, deployed) {
    const variables = { owner: repository.owner, name: repository.name };
    const declarations = ['$owner: String!', '$name: String!'];
    const selections = [];
    if (deployed !== null) {
        declarations.push('$deployed: GitObjectID!');
        variables.deployed = deployed;
        selections.push('defaultBranchRef { name }');
        selections.push('deployed: object(oid: $deployed) { __typename ... on Commit { ...DgHeadCommit } }');
    }
    commits.forEach((sha, i) => {
        declarations.push(`$c${i}: GitObjectID!`);
        variables[`c${i}`] = sha;
        selections.push(`c${i}: object(oid: $c${i}) { __typename ... on Commit { id oid ${connection('associatedPullRequests')} } }`);
    });
    const text = `query DgAssociatedPullRequests(${declarations.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${selections.join('\n    ')}
  }
}`;
    return { query: withFragments(text), variables };
}
/** Details of up to 50 pull requests, and the checks on each one's head commit. */
function pullRequestsQuery(repository, pullRequests, withClosingIssues) {
    const variables = {
        owner: repository.owner,
        name: repository.name,
        withClosingIssues
    };
    const declarations = ['$owner: String!', '$name: String!', '$withClosingIssues: Boolean!'];
    const selections = [];
    pullRequests.forEach((pr, i) => {
        declarations.push(`$n${i}: Int!`, `$h${i}: GitObjectID!`);
        variables[`n${i}`] = pr.number;
        variables[`h${i}`] = pr.headSha;
        selections.push(`pr${i}: pullRequest(number: $n${i}) { ...DgPullRequest }`);
        selections.push(`head${i}: object(oid: $h${i}) { __typename ... on Commit { ...DgHeadCommit } }`);
    });
    const text = `query DgPullRequests(${declarations.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${selections.join('\n    ')}
  }
}`;
    return { query: withFragments(text), variables };
}
/**
 * Whether each commit is on `branch`: `compare(headRef)` from the branch is BEHIND or IDENTICAL when the
 * commit is one of the branch's commits.
 */
function branchContainsQuery(repository, branch, commits) {
    const variables = {
        owner: repository.owner,
        name: repository.name,
        branch: `refs/heads/${branch}`
    };
    const declarations = ['$owner: String!', '$name: String!', '$branch: String!'];
    const selections = [];
    commits.forEach((sha, i) => {
        declarations.push(`$p${i}: String!`);
        variables[`p${i}`] = sha;
        selections.push(`p${i}: compare(headRef: $p${i}) { status }`);
    });
    const text = `query DgBranchContains(${declarations.join(', ')}) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $branch) {
      ${selections.join('\n      ')}
    }
  }
}`;
    return { query: withFragments(text), variables };
}
/** Next pages of connections that did not fit their first page, through `node(id:)`. */
function pagesQuery(pages) {
    const variables = {};
    const declarations = [];
    const selections = [];
    pages.forEach((page, i) => {
        declarations.push(`$id${i}: ID!`, `$after${i}: String!`);
        variables[`id${i}`] = page.id;
        variables[`after${i}`] = page.after;
        const spec = CONNECTIONS[page.kind];
        selections.push(`p${i}: node(id: $id${i}) { __typename ... on ${spec.on} { ${connection(page.kind, PAGE_SIZE, `$after${i}`)} } }`);
    });
    const text = `query DgPages(${declarations.join(', ')}) {
  ${selections.join('\n  ')}
}`;
    return { query: withFragments(text), variables };
}

;// CONCATENATED MODULE: ./src/github/change-set.ts
/**
 * Reads the facts of a change set from GitHub: which commits, which merged pull requests carried them,
 * and everything the gate needs about each pull request. It reports what GitHub says; it never decides.
 */





const COMPARE_PAGE_SIZE = 100;
async function fetchChangeSet(client, repository, request) {
    const fullName = `${repository.owner}/${repository.name}`;
    const purpose = {
        what: `the change set of ${request.sha.slice(0, 12)} in ${fullName}`,
        permission: request.withClosingIssues ? `${READ_PERMISSIONS}, issues: read` : READ_PERMISSIONS
    };
    // A rollback, or a commit deployed again, is its own base: an empty range, known without asking.
    const shas = request.base === null
        ? [request.sha]
        : request.base.toLowerCase() === request.sha.toLowerCase()
            ? []
            : await compareCommits(client, repository, request.base, request.sha);
    // 1. The pull requests of each commit, the default branch and the deployed commit's checks.
    const associated = new Map();
    const pager = new Pager(client, purpose);
    let defaultBranch = null;
    const deployedChecks = [];
    // An empty range (sha already deployed) still needs the default branch and the deployed commit's checks.
    const commitGroups = shas.length > 0 ? chunk(shas, COMMITS_PER_QUERY) : [[]];
    for (const [index, group] of commitGroups.entries()) {
        const first = index === 0;
        const data = await runQuery(client, associatedPullRequestsQuery(repository, group, first ? request.sha : null), purpose);
        const repo = data.obj('repository');
        if (first) {
            defaultBranch = repo.objOrNull('defaultBranchRef')?.str('name') ?? null;
            const deployed = repo.objOrNull('deployed');
            if (deployed === null || deployed.str('__typename') !== 'Commit')
                throw commitNotFound(request.sha, fullName);
            readChecks(deployed, pager, deployedChecks);
        }
        group.forEach((sha, i) => {
            const commit = repo.objOrNull(`c${i}`);
            if (commit === null || commit.str('__typename') !== 'Commit')
                throw commitNotFound(sha, fullName);
            const list = [];
            associated.set(sha, list);
            pager.collect(commit.obj('associatedPullRequests'), 'associatedPullRequests', commit.str('id'), nodes => {
                for (const pr of nodes) {
                    list.push({
                        number: pr.num('number'),
                        merged: pr.bool('merged'),
                        baseRefName: pr.str('baseRefName'),
                        headSha: pr.str('headRefOid')
                    });
                }
            });
        });
    }
    await pager.drain();
    const deployBranch = request.deployBranch ?? defaultBranch;
    if (deployBranch === null) {
        throw new src_errors/* UpstreamError */.gA('GitHub', `GitHub reports no default branch for ${fullName}; set the deploy-branch input.`, null);
    }
    // 2. Which merged pull requests into the deploy branch carried each commit.
    const wanted = new Map();
    const commits = shas.map(sha => {
        const numbers = [];
        for (const pr of associated.get(sha) ?? []) {
            if (!pr.merged || pr.baseRefName !== deployBranch || numbers.includes(pr.number))
                continue;
            numbers.push(pr.number);
            if (!wanted.has(pr.number))
                wanted.set(pr.number, pr.headSha);
        }
        return { sha, pullRequests: numbers };
    });
    // 3. Each pull request's details and its head commit's checks.
    const pulls = [];
    const wantedList = [...wanted].map(([number, headSha]) => ({ number, headSha }));
    for (const group of chunk(wantedList, PULL_REQUESTS_PER_QUERY)) {
        const data = await runQuery(client, pullRequestsQuery(repository, group, request.withClosingIssues), purpose);
        const repo = data.obj('repository');
        group.forEach((wantedPr, i) => {
            const head = repo.objOrNull(`head${i}`);
            if (head === null || head.str('__typename') !== 'Commit')
                throw commitNotFound(wantedPr.headSha, fullName);
            pulls.push(readPullRequest(repo.obj(`pr${i}`), head, pager, request.withClosingIssues, fullName));
        });
    }
    await pager.drain();
    // 4. Merges inside pull requests that only brought in the deploy branch.
    await markBaseMerges(client, repository, deployBranch, pulls, purpose);
    return {
        repository: fullName,
        deployBranch,
        sha: request.sha,
        commits,
        pullRequests: pulls.map(pull => finishPullRequest(pull, fullName)),
        deployedChecks
    };
}
/** Every commit reachable from `head` and not from `base`, newest first (REST compare uses the merge base). */
async function compareCommits(client, repository, base, head) {
    const purpose = {
        what: `the comparison ${base.slice(0, 12)}...${head.slice(0, 12)} in ${repository.owner}/${repository.name}`,
        permission: 'contents: read'
    };
    const shas = [];
    for (let page = 1;; page++) {
        const response = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
            owner: repository.owner,
            repo: repository.name,
            basehead: `${base}...${head}`,
            per_page: COMPARE_PAGE_SIZE,
            page
        }, purpose);
        const answer = Answer.of(response.data, purpose.what);
        const total = answer.num('total_commits');
        const list = answer.list('commits');
        for (const commit of list)
            shas.push(commit.str('sha'));
        if (shas.length >= total || list.length < COMPARE_PAGE_SIZE) {
            if (shas.length < total) {
                throw new src_errors/* UpstreamError */.gA('GitHub', `GitHub listed ${shas.length} of the ${total} commits of ${purpose.what}; the gate cannot establish the change set.`, null);
            }
            break;
        }
    }
    return shas.reverse();
}
function commitNotFound(sha, fullName) {
    return new src_errors/* UpstreamError */.gA('GitHub', `GitHub does not know commit ${sha} in ${fullName} (not pushed, or not in this repository).`, 404);
}
async function runQuery(client, query, purpose) {
    return Answer.of(await client.graphql(query.query, query.variables, purpose), purpose.what);
}
function chunk(items, size) {
    const chunks = [];
    for (let i = 0; i < items.length; i += size)
        chunks.push(items.slice(i, i + size));
    return chunks;
}
/**
 * Collects connections page by page: the first page comes with the query that found the connection;
 * further pages are fetched together, many connections per request, through `node(id:)`.
 */
class Pager {
    pending = [];
    client;
    purpose;
    constructor(client, purpose) {
        this.client = client;
        this.purpose = purpose;
    }
    collect(connection, kind, ownerId, sink) {
        sink(connection.list('nodes'));
        const pageInfo = connection.obj('pageInfo');
        if (pageInfo.bool('hasNextPage')) {
            this.pending.push({ kind, id: ownerId, after: pageInfo.str('endCursor'), sink });
        }
    }
    async drain() {
        while (this.pending.length > 0) {
            const batch = [];
            let cost = 0;
            while (this.pending.length > 0) {
                const next = this.pending[0];
                if (batch.length > 0 && cost + pageCost(next.kind) > PAGE_NODE_BUDGET)
                    break;
                cost += pageCost(next.kind);
                batch.push(next);
                this.pending.shift();
            }
            const data = await runQuery(this.client, pagesQuery(batch), this.purpose);
            batch.forEach((page, i) => {
                const owner = data.obj(`p${i}`);
                this.collect(owner.obj(CONNECTIONS[page.kind].field), page.kind, page.id, page.sink);
            });
        }
    }
}
function readPullRequest(pr, head, pager, withClosingIssues, fullName) {
    const number = pr.num('number');
    if (!pr.bool('merged')) {
        throw new src_errors/* UpstreamError */.gA('GitHub', `GitHub reports pull request #${number} of ${fullName} as not merged after listing it as merged.`, null);
    }
    const mergedAt = pr.strOrNull('mergedAt');
    if (mergedAt === null) {
        throw new src_errors/* UpstreamError */.gA('GitHub', `GitHub gives no merge time for merged pull request #${number} of ${fullName}.`, null);
    }
    const mergedBy = pr.objOrNull('mergedBy');
    const facts = {
        number,
        title: pr.str('title'),
        body: pr.str('body'),
        url: pr.str('url'),
        author: readAccount(pr.objOrNull('author')),
        headRefName: pr.str('headRefName'),
        baseRefName: pr.str('baseRefName'),
        headSha: pr.str('headRefOid'),
        mergedAt,
        mergedBy: mergedBy === null ? null : readAccount(mergedBy).login,
        lastPushedAt: null,
        commits: [],
        reviews: [],
        checks: [],
        closingIssues: []
    };
    if (head.str('oid') !== facts.headSha) {
        throw new src_errors/* UpstreamError */.gA('GitHub', `GitHub answered for commit ${head.str('oid')} when asked for ${facts.headSha}.`, null);
    }
    const id = pr.str('id');
    pager.collect(pr.obj('commits'), 'prCommits', id, nodes => {
        for (const node of nodes)
            facts.commits.push(readCommit(node.obj('commit'), pager));
    });
    pager.collect(pr.obj('reviews'), 'prReviews', id, nodes => {
        for (const node of nodes)
            facts.reviews.push(readReview(node));
    });
    readChecks(head, pager, facts.checks);
    const forcePushes = pr.obj('forcePushes').list('nodes');
    const lastForcePush = forcePushes[forcePushes.length - 1];
    const partial = {
        facts,
        lastForcePushAt: lastForcePush ? lastForcePush.str('createdAt') : null,
        headCommittedAt: head.str('committedDate'),
        issues: []
    };
    if (withClosingIssues) {
        pager.collect(pr.obj('closingIssuesReferences'), 'prClosingIssues', id, nodes => {
            for (const node of nodes)
                partial.issues.push(readIssue(node, pager));
        });
    }
    return partial;
}
function readAccount(actor) {
    // GitHub shows deleted accounts as "ghost".
    if (actor === null)
        return { login: 'ghost', isBot: false };
    const login = actor.str('login');
    if (actor.str('__typename') === 'Bot') {
        // GraphQL gives bots their bare login; REST, the UI and commit trailers use `name[bot]`.
        return { login: login.endsWith('[bot]') ? login : `${login}[bot]`, isBot: true };
    }
    return { login, isBot: false };
}
function readCommit(commit, pager) {
    const facts = {
        sha: commit.str('oid'),
        parents: [],
        participants: [],
        unresolvedParticipants: [],
        message: commit.str('message'),
        committedAt: commit.str('committedDate'),
        isBaseMerge: false
    };
    const id = commit.str('id');
    pager.collect(commit.obj('parents'), 'commitParents', id, nodes => {
        for (const node of nodes)
            facts.parents.push(node.str('oid'));
    });
    pager.collect(commit.obj('authors'), 'commitAuthors', id, nodes => {
        for (const node of nodes)
            addIdentity(facts, node);
    });
    const committer = commit.objOrNull('committer');
    if (committer !== null)
        addIdentity(facts, committer);
    return facts;
}
/** A git identity GitHub resolved to an account is a login; otherwise it is kept as "Name <email>". */
function addIdentity(commit, actor) {
    const user = actor.objOrNull('user');
    if (user !== null) {
        const login = user.str('login');
        if (!commit.participants.includes(login))
            commit.participants.push(login);
        return;
    }
    const name = actor.strOrNull('name') ?? '';
    const email = actor.strOrNull('email') ?? '';
    if (name === '' && email === '')
        return;
    const identity = `${name} <${email}>`.trim();
    if (!commit.unresolvedParticipants.includes(identity))
        commit.unresolvedParticipants.push(identity);
}
function readReview(review) {
    return {
        author: readAccount(review.objOrNull('author')),
        state: review.oneOf('state', REVIEW_STATES),
        submittedAt: review.strOrNull('submittedAt'),
        commitSha: review.objOrNull('commit')?.str('oid') ?? null
    };
}
const CHECK_RUN_STATUSES = ['COMPLETED', 'IN_PROGRESS', 'PENDING', 'QUEUED', 'REQUESTED', 'WAITING'];
const STATUS_STATES = ['ERROR', 'EXPECTED', 'FAILURE', 'PENDING', 'SUCCESS'];
function readChecks(commit, pager, into) {
    const rollup = commit.objOrNull('statusCheckRollup');
    if (rollup === null)
        return;
    pager.collect(rollup.obj('contexts'), 'rollupContexts', rollup.str('id'), nodes => {
        for (const node of nodes)
            into.push(readCheck(node));
    });
}
function readCheck(context) {
    const type = context.str('__typename');
    if (type === 'CheckRun') {
        const name = context.str('name');
        if (context.oneOf('status', CHECK_RUN_STATUSES) !== 'COMPLETED') {
            return { name, kind: 'check-run', conclusion: 'pending', completedAt: null };
        }
        const raw = context.strOrNull('conclusion')?.toLowerCase() ?? null;
        // A completed run without a known conclusion has not shown success.
        const conclusion = raw !== null && CHECK_CONCLUSIONS.includes(raw)
            ? raw
            : 'error';
        return { name, kind: 'check-run', conclusion, completedAt: context.strOrNull('completedAt') };
    }
    if (type === 'StatusContext') {
        const name = context.str('context');
        const state = context.oneOf('state', STATUS_STATES);
        if (state === 'PENDING' || state === 'EXPECTED')
            return { name, kind: 'status', conclusion: 'pending', completedAt: null };
        return {
            name,
            kind: 'status',
            conclusion: state === 'SUCCESS' ? 'success' : state === 'FAILURE' ? 'failure' : 'error',
            completedAt: context.str('createdAt')
        };
    }
    throw new src_errors/* UpstreamError */.gA('GitHub', `GitHub listed a check of unknown kind '${type.slice(0, 40)}'.`, null);
}
function readIssue(issue, pager) {
    const partial = {
        number: issue.num('number'),
        repository: issue.obj('repository').str('nameWithOwner'),
        url: issue.str('url'),
        createdAt: issue.str('createdAt'),
        labels: [],
        events: []
    };
    const id = issue.str('id');
    pager.collect(issue.obj('labels'), 'issueLabels', id, nodes => {
        for (const node of nodes)
            partial.labels.push(node.str('name'));
    });
    pager.collect(issue.obj('timelineItems'), 'issueLabelEvents', id, nodes => {
        for (const node of nodes) {
            const type = node.oneOf('__typename', ['LabeledEvent', 'UnlabeledEvent']);
            partial.events.push({
                at: node.str('createdAt'),
                label: node.obj('label').str('name'),
                added: type === 'LabeledEvent'
            });
        }
    });
    return partial;
}
function finishPullRequest(pull, fullName) {
    const facts = pull.facts;
    if (!facts.commits.some(c => c.sha === facts.headSha)) {
        // GitHub lists at most 250 commits of a pull request: without the head, the list is incomplete.
        throw new src_errors/* UpstreamError */.gA('GitHub', `GitHub's commit list of pull request #${facts.number} does not contain its head ${facts.headSha}; the gate cannot establish who contributed.`, null);
    }
    facts.lastPushedAt = latest(pull.headCommittedAt, pull.lastForcePushAt);
    facts.closingIssues = pull.issues.map(issue => finishIssue(issue, fullName));
    return facts;
}
function latest(a, b) {
    if (b === null)
        return a;
    return Date.parse(b) > Date.parse(a) ? b : a;
}
/**
 * Label history, oldest first: walks the label events back from the current labels, so each entry's
 * `from`/`to` are the label sets before and after it and the last `to` is what the issue carries now.
 */
function finishIssue(issue, fullName) {
    const history = [];
    let current = new Set(issue.labels);
    for (const event of [...issue.events].reverse()) {
        const before = new Set(current);
        if (event.added)
            before.delete(event.label);
        else
            before.add(event.label);
        history.push({ at: event.at, from: [...before].sort(), to: [...current].sort() });
        current = before;
    }
    history.reverse();
    const sameRepository = issue.repository.toLowerCase() === fullName.toLowerCase();
    return {
        key: sameRepository ? `#${issue.number}` : `${issue.repository}#${issue.number}`,
        url: issue.url,
        statuses: [...issue.labels],
        createdAt: issue.createdAt,
        history
    };
}
async function markBaseMerges(client, repository, deployBranch, pulls, purpose) {
    const candidates = [];
    for (const { facts } of pulls) {
        const own = new Set(facts.commits.map(c => c.sha));
        for (const commit of facts.commits) {
            const others = commit.parents.slice(1);
            // A merge of the pull request's own commits (or of anything but the base) is not a base merge.
            if (others.length === 0 || others.some(p => own.has(p)))
                continue;
            candidates.push({ commit, others });
        }
    }
    const parents = [...new Set(candidates.flatMap(c => c.others))];
    const onBranch = new Set();
    for (const group of chunk(parents, COMPARISONS_PER_QUERY)) {
        const data = await runQuery(client, branchContainsQuery(repository, deployBranch, group), purpose);
        const ref = data.obj('repository').objOrNull('ref');
        if (ref === null)
            continue;
        group.forEach((sha, i) => {
            const status = ref
                .objOrNull(`p${i}`)
                ?.oneOf('status', ['AHEAD', 'BEHIND', 'DIVERGED', 'IDENTICAL']);
            if (status === 'BEHIND' || status === 'IDENTICAL')
                onBranch.add(sha);
        });
    }
    for (const { commit, others } of candidates)
        commit.isBaseMerge = others.every(p => onBranch.has(p));
}

;// CONCATENATED MODULE: ./src/github/facts.ts
/**
 * The GitHub adapter's small interfaces, as the rest of the gate sees them, and their implementation
 * over a `GitHubClient`. Everything here reports what GitHub says; nothing decides.
 */




const SHA = /^[0-9a-f]{40}$/i;
function assertSha(sha, what) {
    if (!SHA.test(sha)) {
        throw new src_errors/* ConfigError */.xL(`Invalid ${what} '${sha.slice(0, 80)}'. Expected a full 40-character commit SHA.`);
    }
}
/** `owner/name` → its parts; a ConfigError names the value otherwise. */
function parseRepository(repository) {
    const match = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,99})\/([A-Za-z0-9._-]{1,100})$/.exec(repository);
    if (!match || match[2] === '.' || match[2] === '..') {
        throw new src_errors/* ConfigError */.xL(`Invalid repository '${repository.slice(0, 200)}'. Expected format {owner}/{repo}.`);
    }
    return { owner: match[1], name: match[2] };
}
function createGitHubFacts(client, repository) {
    const repo = parseRepository(repository);
    return {
        async fetchChangeSet(request) {
            assertSha(request.sha, 'sha');
            if (request.base !== null)
                assertSha(request.base, 'base commit');
            return fetchChangeSet(client, repo, request);
        },
        async isAncestor(ancestor, descendant) {
            assertSha(ancestor, 'commit');
            assertSha(descendant, 'commit');
            if (ancestor.toLowerCase() === descendant.toLowerCase())
                return true;
            const purpose = {
                what: `the comparison ${ancestor.slice(0, 12)}...${descendant.slice(0, 12)} in ${repository}`,
                permission: 'contents: read'
            };
            const response = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner: repo.owner, repo: repo.name, basehead: `${ancestor}...${descendant}`, per_page: 1 }, purpose);
            // `ahead`: descendant has commits ancestor lacks and lacks none of ancestor's.
            const status = Answer.of(response.data, purpose.what).oneOf('status', [
                'ahead',
                'behind',
                'diverged',
                'identical'
            ]);
            return status === 'ahead' || status === 'identical';
        },
        branchProtection(target, branch) {
            return readBranchProtection(client, parseRepository(target), branch);
        }
    };
}
function createGitHubIssues(client, repository) {
    const repo = parseRepository(repository);
    return {
        async createIssue(input) {
            const purpose = {
                what: `opening an issue in ${repository}`,
                permission: 'issues: write'
            };
            const response = await client.request('POST /repos/{owner}/{repo}/issues', { owner: repo.owner, repo: repo.name, title: input.title, body: input.body, labels: input.labels }, purpose);
            const answer = Answer.of(response.data, purpose.what);
            return { number: answer.num('number'), url: answer.str('html_url') };
        }
    };
}
/** Both adapters over one client, as the main flow wires them. */
function createGitHubAdapter(options) {
    const client = createGitHubClient(options);
    return {
        facts: createGitHubFacts(client, options.repository),
        issues: createGitHubIssues(client, options.repository)
    };
}
/**
 * Rulesets (readable with `contents: read`) first; classic branch protection needs `administration: read`,
 * so without it the branch's `protected` flag can still prove there is none.
 */
async function readBranchProtection(client, repo, branch) {
    const params = { owner: repo.owner, repo: repo.name, branch };
    const where = `branch ${branch} of ${repo.owner}/${repo.name}`;
    let forbidsForcePush = false;
    let forbidsDeletion = false;
    let rulesKnown = true;
    for (let page = 1;; page++) {
        const purpose = { what: `the rules of ${where}`, permission: 'contents: read' };
        const rules = await client.request('GET /repos/{owner}/{repo}/rules/branches/{branch}', { ...params, per_page: 100, page }, purpose, { allowStatuses: [403, 404] });
        if (rules.status !== 200) {
            rulesKnown = false;
            break;
        }
        const list = Answer.of(rules.data, purpose.what).items();
        for (const rule of list) {
            const type = rule.str('type');
            if (type === 'non_fast_forward')
                forbidsForcePush = true;
            if (type === 'deletion')
                forbidsDeletion = true;
        }
        if (list.length < 100)
            break;
    }
    if (forbidsForcePush && forbidsDeletion)
        return 'protected';
    const protectionPurpose = { what: `the protection of ${where}`, permission: 'administration: read' };
    const protection = await client.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', params, protectionPurpose, { allowStatuses: [403, 404] });
    if (protection.status === 200) {
        const answer = Answer.of(protection.data, protectionPurpose.what);
        if (!enabled(answer, 'allow_force_pushes'))
            forbidsForcePush = true;
        if (!enabled(answer, 'allow_deletions'))
            forbidsDeletion = true;
        if (forbidsForcePush && forbidsDeletion)
            return 'protected';
        return rulesKnown ? 'unprotected' : 'unknown';
    }
    const said = messageOf(protection.data);
    if (protection.status === 404 && /branch not (protected|found)/i.test(said)) {
        return rulesKnown ? 'unprotected' : 'unknown';
    }
    // No permission to read the protection: the branch itself says whether there is any.
    const branchPurpose = { what: where, permission: 'contents: read' };
    const info = await client.request('GET /repos/{owner}/{repo}/branches/{branch}', params, branchPurpose, {
        allowStatuses: [403, 404]
    });
    if (!rulesKnown)
        return 'unknown';
    // The rules endpoint answered, so the repository is visible: a 404 means the branch does not exist yet.
    if (info.status === 404)
        return 'unprotected';
    if (info.status !== 200)
        return 'unknown';
    return Answer.of(info.data, branchPurpose.what).bool('protected') ? 'unknown' : 'unprotected';
}
/** `allow_force_pushes: { enabled }`; absent means the protection's default (not allowed). */
function enabled(answer, key) {
    return answer.has(key) ? answer.obj(key).bool('enabled') : false;
}
function messageOf(data) {
    return typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string'
        ? data.message
        : '';
}


/***/ })

};

//# sourceMappingURL=313.index.js.map