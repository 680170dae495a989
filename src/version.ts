// The package version, read once (shown by /healthz and the logs).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const VERSION: string = require('../package.json').version;
