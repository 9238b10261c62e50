/** Set on the test file's global by the e2e environment when a test or hook failed. */
export const FAILED_FLAG = '__parleyE2eFailed';
