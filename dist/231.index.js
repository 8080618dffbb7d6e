export const id = 231;
export const ids = [231];
export const modules = {

/***/ 82231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadEvidenceArtifact: () => (/* binding */ uploadEvidenceArtifact)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _evidence_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71715);



/**
 * Uploads this run's evidence file as artifact `deploy-evidence-<environment>-<run id>-<attempt>`
 * (SPEC §5). Skipped when the runner's artifact service is absent (no ACTIONS_RUNTIME_TOKEN or
 * ACTIONS_RESULTS_URL: a local run, a stand-in). Never throws: the ledger record is already written,
 * and an upload problem must not turn into a lost deploy; the caller reports the outcome as a notice.
 */
async function uploadEvidenceArtifact(input, deps = {}) {
    const env = deps.env ?? process.env;
    const name = (0,_evidence_file_js__WEBPACK_IMPORTED_MODULE_2__/* .evidenceName */ .Xc)(input.environment, input.runId, input.runAttempt);
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        return {
            status: 'skipped',
            name,
            message: `artifact ${name} not uploaded: the runner's artifact service is not available here (the evidence file is at ${input.path})`
        };
    }
    try {
        const uploader = await (deps.loadUploader ?? loadActionsArtifact)();
        const result = await uploader.uploadArtifact(name, [input.path], (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(input.path));
        return { status: 'uploaded', name, id: result.id ?? null, size: result.size ?? null };
    }
    catch (error) {
        if (error instanceof Error && error.name === 'GHESNotSupportedError') {
            return {
                status: 'skipped',
                name,
                message: `artifact ${name} not uploaded: ${error.message} (the evidence file is at ${input.path})`
            };
        }
        return {
            status: 'failed',
            name,
            message: `artifact ${name} (${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(input.path)}) could not be uploaded: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}; the ledger record is kept`
        };
    }
}
async function loadActionsArtifact() {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(913), __webpack_require__.e(118), __webpack_require__.e(744), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 91252));
    return new DefaultArtifactClient();
}


/***/ })

};

//# sourceMappingURL=231.index.js.map