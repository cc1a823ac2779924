// The desktop shell's security helpers on plain Node: URL allow-lists, permissions, the IPC sender check, the CSP,
// renderer file resolution, and the window's webPreferences as written in electron/main/main-window.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../engine/server/static-files';
import { APP_ENTRY_URL, isAppUrl } from '../../electron/main/app-origin';
import { desktopContentSecurityPolicy } from '../../electron/main/desktop-csp';
import { isPermissionAllowed } from '../../electron/main/permission-policy';
import { resolveRendererFile } from '../../electron/main/renderer-files';
import { senderRefusal } from '../../electron/main/sender-check';
import { isTopicName } from '../../electron/main/topics';
import { isAllowedDownloadUrl, isAllowedRequestUrl, isExternalUrlAllowed } from '../../electron/main/url-policy';
import { tempDir } from '../support/temp-home';

describe('app origin', () => {
  it('accepts only app://pipewright without credentials or another host', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://pipewright/assets/index.js?x=1#y')).toBe(true);
    for (const url of ['app://other/index.html', 'app://user:pw@pipewright/', 'https://pipewright/', 'file:///index.html', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('links opened in the system browser', () => {
  it('allows http(s) with a host and no credentials', () => {
    expect(isExternalUrlAllowed('https://github.com/pipewright')).toBe(true);
    expect(isExternalUrlAllowed('http://localhost:8080/docs')).toBe(true);
  });

  it('refuses every scheme that could run or open something local', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://pipewright/index.html',
      'data:text/html,<script>1</script>',
      'https://user:secret@example.com/',
      'https://',
      'garbage',
    ]) {
      expect(isExternalUrlAllowed(url), url).toBe(false);
    }
  });
});

describe('requests and downloads of the session', () => {
  it('lets through only the app, its own blobs, data URLs and the DevTools front-end', () => {
    expect(isAllowedRequestUrl('app://pipewright/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://pipewright/5b3c-…')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'ws://127.0.0.1:1234/api/socket', 'file:///etc/hosts', 'blob:https://evil.example/1']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('starts downloads only for files the page made itself', () => {
    expect(isAllowedDownloadUrl('blob:app://pipewright/1234')).toBe(true);
    expect(isAllowedDownloadUrl('data:application/json,{}')).toBe(true);
    expect(isAllowedDownloadUrl('https://example.com/payload.exe')).toBe(false);
    expect(isAllowedDownloadUrl('blob:https://example.com/1')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies everything but clipboard writes from the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://pipewright/')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'hid', 'usb', 'fullscreen']) {
      expect(isPermissionAllowed(permission, 'app://pipewright/'), permission).toBe(false);
    }
  });
});

describe('IPC sender check', () => {
  const mainFrame = { url: 'app://pipewright/index.html' };
  const appContents = { mainFrame };
  const isApp = (contents: { mainFrame: unknown }) => contents === appContents;

  it('accepts the main frame of the app window on the app origin', () => {
    expect(senderRefusal({ sender: appContents, senderFrame: mainFrame }, isApp)).toBeNull();
  });

  it('refuses other windows, gone frames, subframes and foreign origins', () => {
    const other = { mainFrame: { url: 'app://pipewright/index.html' } };
    expect(senderRefusal({ sender: other, senderFrame: other.mainFrame }, isApp)).toMatch(/not come from the Pipewright window/);
    expect(senderRefusal({ sender: appContents, senderFrame: null }, isApp)).toMatch(/frame is gone/);
    expect(senderRefusal({ sender: appContents, senderFrame: { url: 'app://pipewright/frame.html' } }, isApp)).toMatch(/subframe/);
    const navigated = { mainFrame: { url: 'https://evil.example/' } };
    expect(senderRefusal({ sender: navigated, senderFrame: navigated.mainFrame }, (c) => c === navigated)).toMatch(/not the app/);
  });
});

describe('event topics', () => {
  it('accepts exactly the API event topics', () => {
    expect(isTopicName('pipeline.changed')).toBe(true);
    for (const topic of ['pipeline.changed ', 'toString', '__proto__', 'run.everything', 42, null]) expect(isTopicName(topic), String(topic)).toBe(false);
  });
});

describe('desktop Content-Security-Policy', () => {
  const policy = desktopContentSecurityPolicy();
  const directives = (value: string) => value.split('; ');

  it('is the web policy with connect-src limited to the app itself', () => {
    expect(policy).not.toMatch(/ws:|wss:|http:|https:/);
    expect(directives(policy)).toContain("connect-src 'self'");
    const web = directives(contentSecurityPolicy(4242)).filter((d) => !d.startsWith('connect-src '));
    expect(directives(policy).filter((d) => !d.startsWith('connect-src '))).toEqual(web);
    for (const must of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(directives(policy)).toContain(must);
  });

  it('passes the CSP evaluator electronegativity uses, with no finding of medium severity or worse', () => {
    const csp = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule;
    const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
    expect(findings.filter((f) => f.severity <= csp.severities.MEDIUM).map((f) => `${f.directive}: ${f.description}`)).toEqual([]);
  });
});

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
  Version: { CSP3: unknown };
  severities: { MEDIUM: number };
}

describe('renderer files on app://', () => {
  /** A fake out/renderer inside a temp folder that also holds a file the scheme must never serve. */
  function builtRenderer(): string {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.js'), 'nope');
    const root = join(outside, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}');
    writeFileSync(join(root, 'assets', 'my file.css'), 'body{}');
    return root;
  }

  it('serves files with their content type, and index.html for client-side routes', () => {
    const root = builtRenderer();
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toEqual({ path: join(root, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(resolveRendererFile(root, '/assets/my%20file.css')?.contentType).toBe('text/css; charset=utf-8');
    expect(resolveRendererFile(root, '/')?.path).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '/pipelines/abc')?.path).toBe(join(root, 'index.html'));
  });

  it('answers 404 for missing assets, escapes and malformed paths', () => {
    const root = builtRenderer();
    for (const path of ['/assets/missing.js', '/../secret.js', '/%2e%2e/secret.js', '/assets/%E0%A4%A', '/index.html%00.js']) {
      expect(resolveRendererFile(root, path), path).toBeNull();
    }
  });
});

describe('app window webPreferences (electron/main/main-window.ts)', () => {
  const source = readFileSync(new URL('../../electron/main/main-window.ts', import.meta.url), 'utf8');
  const preferences = webPreferencesOf(source);

  it('states every hardening flag literally', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('enables no Blink feature, disables auxclick and names each key once', () => {
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences['preload']).toBe('<expression preload>');
    expect(preferences['disableBlinkFeatures']).toBe('Auxclick');
  });
});

/** The `webPreferences` object literal of the one `new BrowserWindow({…})` in `source`, literals evaluated. */
function webPreferencesOf(source: string): Record<string, unknown> {
  const file = ts.createSourceFile('main-window.ts', source, ts.ScriptTarget.Latest, true);
  const windows: ts.NewExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(file) === 'BrowserWindow') windows.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  expect(windows).toHaveLength(1);
  const options = windows[0]!.arguments?.[0];
  if (!options || !ts.isObjectLiteralExpression(options)) throw new Error('new BrowserWindow() must get an object literal');
  const prefs = options.properties.find((p) => p.name?.getText(file) === 'webPreferences');
  if (!prefs || !ts.isPropertyAssignment(prefs) || !ts.isObjectLiteralExpression(prefs.initializer)) throw new Error('webPreferences must be an object literal');
  const names = prefs.initializer.properties.map((p) => p.name?.getText(file));
  // With a key written twice the last one wins, so a hardening flag could be silently undone further down.
  expect(new Set(names).size, 'webPreferences has a duplicated key').toBe(names.length);
  return Object.fromEntries(
    prefs.initializer.properties.map((p) => {
      const name = p.name!.getText(file);
      if (!ts.isPropertyAssignment(p)) return [name, `<expression ${name}>`];
      const value = p.initializer;
      if (value.kind === ts.SyntaxKind.TrueKeyword) return [name, true];
      if (value.kind === ts.SyntaxKind.FalseKeyword) return [name, false];
      if (ts.isStringLiteral(value)) return [name, value.text];
      return [name, `<expression ${value.getText(file)}>`];
    }),
  );
}
