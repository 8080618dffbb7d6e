export const id = 886;
export const ids = [886];
export const modules = {

/***/ 886:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ApiError: () => (/* reexport */ apiError/* ApiError */.hD),
  AuthError: () => (/* reexport */ apiError/* AuthError */.lR),
  BlobSchema: () => (/* reexport */ blobSchema/* BlobSchema */.T),
  BufferSchema: () => (/* reexport */ bufferSchema/* BufferSchema */.Y),
  ConfigError: () => (/* reexport */ oauthError/* ConfigError */.x),
  ForbiddenError: () => (/* reexport */ apiError/* ForbiddenError */.qQ),
  NetworkError: () => (/* reexport */ networkError/* NetworkError */.D),
  NotFoundError: () => (/* reexport */ apiError/* NotFoundError */.m_),
  OAuthError: () => (/* reexport */ oauthError/* OAuthError */.W),
  RateLimitError: () => (/* reexport */ apiError/* RateLimitError */.OE),
  SchemaMismatchError: () => (/* reexport */ schemaMismatchError/* SchemaMismatchError */.K),
  ScopeError: () => (/* reexport */ apiError/* ScopeError */.He),
  ServerError: () => (/* reexport */ apiError/* ServerError */.gP),
  apiObject: () => (/* reexport */ apiObject/* apiObject */.a),
  authOAuth2Schema: () => (/* reexport */ auth/* authOAuth2Schema */.fC),
  authSchema: () => (/* reexport */ auth/* authSchema */.Qr),
  clientConfigSchema: () => (/* reexport */ clientConfig/* clientConfigSchema */.H),
  createClient: () => (/* reexport */ createClient/* createClient */.U),
  createMultipartRequestBody: () => (/* reexport */ multipartRequest/* createMultipartRequestBody */.Y),
  createOAuth2Manager: () => (/* reexport */ oauth2Manager/* createOAuth2Manager */.H),
  exchangeAuthorizationCode: () => (/* reexport */ helpers/* exchangeAuthorizationCode */.ye),
  generateAuthorizationUrl: () => (/* reexport */ helpers/* generateAuthorizationUrl */.cJ),
  getAccessibleResources: () => (/* reexport */ helpers/* getAccessibleResources */.WL),
  httpMethodSchema: () => (/* reexport */ httpMethodSchema),
  isApiError: () => (/* reexport */ predicates/* isApiError */.d7),
  isAuthError: () => (/* reexport */ predicates/* isAuthError */.HY),
  isConfigError: () => (/* reexport */ predicates/* isConfigError */.De),
  isForbiddenError: () => (/* reexport */ predicates/* isForbiddenError */.io),
  isNetworkError: () => (/* reexport */ predicates/* isNetworkError */.TX),
  isNotFoundError: () => (/* reexport */ predicates/* isNotFoundError */.El),
  isOAuthError: () => (/* reexport */ predicates/* isOAuthError */.Q6),
  isRateLimitError: () => (/* reexport */ predicates/* isRateLimitError */.kt),
  isReauthorizationRequired: () => (/* reexport */ predicates/* isReauthorizationRequired */.IF),
  isSchemaMismatchError: () => (/* reexport */ predicates/* isSchemaMismatchError */._i),
  isScopeError: () => (/* reexport */ predicates/* isScopeError */.VN),
  isServerError: () => (/* reexport */ predicates/* isServerError */.GQ),
  mimeTypeFor: () => (/* reexport */ mimeType/* mimeTypeFor */.k),
  openEnum: () => (/* reexport */ openEnum/* openEnum */.S),
  parseCallbackUrl: () => (/* reexport */ parseCallbackUrl),
  refreshOAuth2Token: () => (/* reexport */ helpers/* refreshOAuth2Token */.cH),
  resetSchemaMismatchReporting: () => (/* reexport */ schemaMismatch/* resetSchemaMismatchReporting */.pT),
  sendRequestOptionsSchema: () => (/* reexport */ sendRequestOptionsSchema),
  toFormDataFile: () => (/* reexport */ multipartRequest/* toFormDataFile */.e),
  withRetry: () => (/* reexport */ withRetry)
});

// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/errors/apiError.js
var apiError = __webpack_require__(167);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/errors/networkError.js
var networkError = __webpack_require__(457);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/errors/oauthError.js
var oauthError = __webpack_require__(326);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/errors/schemaMismatchError.js
var schemaMismatchError = __webpack_require__(766);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/errors/predicates.js
var predicates = __webpack_require__(675);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/apiObject.js
var apiObject = __webpack_require__(722);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/openEnum.js
var openEnum = __webpack_require__(108);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/createClient.js + 2 modules
var createClient = __webpack_require__(128);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(857);
;// CONCATENATED MODULE: ./node_modules/jira.js/dist/core/schemas/httpMethod.js

const httpMethodSchema = schemas/* enum */.k5n(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

;// CONCATENATED MODULE: ./node_modules/jira.js/dist/core/schemas/sendRequestOptions.js


const sendRequestOptionsSchema = schemas/* object */.Ikc({
    url: schemas/* string */.YjP(),
    method: httpMethodSchema.optional(),
    headers: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
    body: schemas/* unknown */.L5J().optional(),
    searchParams: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
});

// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/schemas/clientConfig.js
var clientConfig = __webpack_require__(477);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/schemas/auth.js
var auth = __webpack_require__(385);
;// CONCATENATED MODULE: ./node_modules/jira.js/dist/core/oauth/parseCallbackUrl.js

/** Constant-time string comparison, so a mismatch leaks nothing through timing. */
function timingSafeEquals(a, b) {
    if (a.length !== b.length)
        return false;
    let diff = 0;
    for (let i = 0; i < a.length; i += 1) {
        diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
    }
    return diff === 0;
}
/**
 * Read the authorization code out of the URL Atlassian redirected the user to.
 *
 * Handles the three ways this step goes wrong, each of which is easy to forget by hand:
 *
 * - The user declined on the consent screen, so the URL carries `error=access_denied` and no code;
 * - `state` is missing or does not match the one you issued;
 * - The URL is simply not a callback — no code, no error.
 *
 * Each throws an {@link OAuthError}; for a decline, `error` is `access_denied`, which
 * {@link core/errors/predicates!isReauthorizationRequired} recognises.
 *
 * @example
 *   ```typescript
 *   const { code } = parseCallbackUrl(request.url, { expectedState: session.oauthState });
 *
 *   const tokens = await exchangeAuthorizationCode({ clientId, clientSecret, code, redirectUri });
 *   ```;
 *
 * @public
 */
function parseCallbackUrl(url, options) {
    const parsed = typeof url === 'string' ? new URL(url, 'http://localhost') : url;
    const params = parsed.searchParams;
    const error = params.get('error');
    if (error) {
        const description = params.get('error_description') ?? undefined;
        throw new oauthError/* OAuthError */.W(error === 'access_denied'
            ? `The user declined authorization${description ? `: ${description}` : '.'}`
            : `Authorization failed: ${error}${description ? ` — ${description}` : ''}`, { error, errorDescription: description, reauthorizationRequired: error === 'access_denied' });
    }
    const state = params.get('state');
    if (state === null || !timingSafeEquals(state, options.expectedState)) {
        throw new oauthError/* OAuthError */.W('The `state` in the callback does not match the one issued for this authorization request. The callback was ' +
            'not initiated by this session — discard it.', { error: 'invalid_state' });
    }
    const code = params.get('code');
    if (!code) {
        throw new oauthError/* OAuthError */.W('The callback URL carries neither an authorization code nor an error.', {
            error: 'invalid_request',
        });
    }
    return { code, state };
}

// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/oauth/helpers.js
var helpers = __webpack_require__(592);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/oauth/oauth2Manager.js
var oauth2Manager = __webpack_require__(243);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/formData/blobSchema.js
var blobSchema = __webpack_require__(870);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/formData/bufferSchema.js
var bufferSchema = __webpack_require__(699);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/formData/multipartRequest.js
var multipartRequest = __webpack_require__(107);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/formData/mimeType.js
var mimeType = __webpack_require__(294);
// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/errors/fromResponse.js
var fromResponse = __webpack_require__(258);
;// CONCATENATED MODULE: ./node_modules/jira.js/dist/core/withRetry.js

/**
 * Wraps an async operation with automatic retry on failures worth retrying.
 *
 * Retries a transient transport failure and a 502/503/504 gateway error — the same policy the client applies to its own
 * requests, so wrapping a call does not change which failures count as temporary. Everything else is rethrown on the
 * first attempt: 401, 403, 404 and 500 describe the request, not the moment. A 429 joins the list only under
 * `retryRateLimit`, and then honours `Retry-After`.
 *
 * It is therefore a transient-failure helper, not a poller — to wait on eventually-consistent state, loop on the value
 * rather than on a thrown error.
 *
 * @example
 *   ```typescript
 *   const page = await withRetry(
 *     () => confluence.page.getPageById({ id: 12345 }),
 *     { maxAttempts: 4, initialDelayMs: 500 },
 *   );
 *   ```;
 *
 * @public
 */
async function withRetry(operation, options = {}) {
    const { maxAttempts = 3, initialDelayMs = 1000, backoffFactor = 2, retryRateLimit = false } = options;
    let lastError;
    let delayMs = initialDelayMs;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        try {
            return await operation();
        }
        catch (err) {
            lastError = err;
            const rateLimited = retryRateLimit && (0,predicates/* isRateLimitError */.kt)(err);
            const isRetryable = rateLimited ||
                ((0,predicates/* isNetworkError */.TX)(err) && err.transient) ||
                ((0,predicates/* isApiError */.d7)(err) && fromResponse/* TRANSIENT_HTTP_STATUSES */.Fc.has(err.status));
            if (!isRetryable || attempt === maxAttempts) {
                throw err;
            }
            const waitMs = ((0,predicates/* isRateLimitError */.kt)(err) ? err.retryAfterMs : undefined) ?? delayMs;
            await new Promise(resolve => setTimeout(resolve, waitMs));
            delayMs = Math.round(delayMs * backoffFactor);
        }
    }
    throw lastError;
}

// EXTERNAL MODULE: ./node_modules/jira.js/dist/core/schemaMismatch.js
var schemaMismatch = __webpack_require__(518);
;// CONCATENATED MODULE: ./node_modules/jira.js/dist/core/index.js











/***/ })

};

//# sourceMappingURL=886.index.js.map