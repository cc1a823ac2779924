// Where the desktop engine keeps its data, which SQLite binary it loads, and what a failed start-up says.
import { describe, expect, it } from 'vitest';
import { desktopEngineOptions, explainStartupError, SQLITE_BINDING_ENV } from '../../electron/main/engine-options';

describe('desktop engine options', () => {
  const userData = '/home/ada/.config/Pipewright';
  const paths = { execPath: '/opt/Pipewright/pipewright', cliPath: '/opt/Pipewright/resources/app.asar/dist/cli.js' };

  it('keeps data in userData unless PIPEWRIGHT_HOME says otherwise', () => {
    expect(desktopEngineOptions({ env: {}, packaged: true, userData, ...paths })).toMatchObject({ host: 'desktop', home: userData });
    expect(desktopEngineOptions({ env: { PIPEWRIGHT_HOME: '/data/pw' }, packaged: true, userData, ...paths }).home).toBe('/data/pw');
    expect(desktopEngineOptions({ env: { PIPEWRIGHT_HOME: '' }, packaged: true, userData, ...paths }).home).toBe(userData);
  });

  it('loads the Electron build of better-sqlite3 that npm start prepared, in a checkout only', () => {
    const env = { [SQLITE_BINDING_ENV]: '/repo/.electron-native/39.8.10/better-sqlite3/build/Release/better_sqlite3.node' };
    expect(desktopEngineOptions({ env, packaged: false, userData, ...paths }).nativeBinding).toBe(env[SQLITE_BINDING_ENV]);
    expect(desktopEngineOptions({ env, packaged: true, userData, ...paths })).not.toHaveProperty('nativeBinding');
    expect(desktopEngineOptions({ env: {}, packaged: false, userData, ...paths })).not.toHaveProperty('nativeBinding');
  });

  it('starts built-in nodes with the Electron binary in Node mode, passing the same SQLite build on', () => {
    const env = { [SQLITE_BINDING_ENV]: '/repo/.electron-native/b.node' };
    const options = desktopEngineOptions({ env, packaged: false, userData, ...paths });
    expect(options.nodeCommand).toEqual([paths.execPath, paths.cliPath]);
    expect(options.nodeCommandEnv).toEqual({ ELECTRON_RUN_AS_NODE: '1', [SQLITE_BINDING_ENV]: '/repo/.electron-native/b.node' });
    expect(desktopEngineOptions({ env: {}, packaged: true, userData, ...paths }).nodeCommandEnv).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
  });
});

describe('start-up errors', () => {
  const abi = new Error(
    "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140.",
  );

  it('tells a developer to use npm start when node_modules holds the Node build', () => {
    expect(explainStartupError(abi, false)).toMatch(/npm start.*PIPEWRIGHT_SQLITE_BINDING/s);
  });

  it('tells a user to reinstall when a packaged app has the wrong build', () => {
    expect(explainStartupError(abi, true)).toMatch(/reinstall Pipewright/);
  });

  it('passes other errors through unchanged', () => {
    expect(explainStartupError(new Error('Pipewright will not open /x/pipewright.db: it is damaged'), false)).toBe('Pipewright will not open /x/pipewright.db: it is damaged');
    expect(explainStartupError('plain', true)).toBe('plain');
  });
});
