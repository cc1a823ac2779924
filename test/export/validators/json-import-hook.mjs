// Node module hook: @actions/* packages import their bundled .json without `with { type: 'json' }`, which plain Node
// ESM refuses. This adds the attribute for those files only, so the real packages load unmodified.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.json') && url.includes('/node_modules/@actions/') && !context.importAttributes?.type) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  }
  return nextLoad(url, context);
}
