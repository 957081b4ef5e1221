import daemonPackage from '../../package.json' with { type: 'json' };

/** The CLI's version, from daemon/package.json (bundled in at build time). */
export const CLI_VERSION: string = daemonPackage.version;
