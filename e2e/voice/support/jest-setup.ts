// testTimeout in a project's jest config is ignored when the root config runs every project
// (it is a global option), so the e2e timeout is set where each test file starts.
jest.setTimeout(120_000);
