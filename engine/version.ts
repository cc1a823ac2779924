// The app version, from package.json (bundled into the build, so the CLI never reads the file at run time).
import packageJson from '../package.json';

export const APP_VERSION: string = packageJson.version;
