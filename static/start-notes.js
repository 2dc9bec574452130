// What static/start.js shows when this browser cannot run the app, or in WeChat's own browser:
// loaded only then, so it costs the first screen nothing (scripts/check-budgets.mjs lists it apart).
// start.js, the page's first script, checks before any wasm is fetched that this browser can run
// the build: WebAssembly itself (iOS Lockdown Mode removes it) and every wasm feature the build
// uses, by validating one 88-byte module (scripts/wasm_floor.wat; the floor is in
// docs/browsers.md; tests/e2e/support.test.mjs fails when a build needs more). If start.js cannot
// even load this file (offline), it writes one plain line in both languages instead.
// Built with the DOM only (the CSP allows no inline script or style); in the reader's language.
const d = document;
const l = (navigator.language || '').toLowerCase();
const L = /^zh-(tw|hk|mo|hant)/.test(l) ? 1 : /^zh/.test(l) ? 0 : 2;
const T = [
  [
    '这个浏览器无法运行本工具',
    '本工具用 WebAssembly 在你的设备上计算，不上传任何内容，而这个浏览器没有提供它。',
    'iPhone/iPad 开了“锁定模式”：在 Safari 里点地址栏左侧的页面设置按钮 →“网站设置”→ 关闭本网站的锁定模式，然后重新载入。',
    '在微信等应用里：点右上角“…”→“在浏览器打开”。',
    '其他情况：把浏览器更新到最新版（至少 Chrome 96、Safari 15.1、Firefox 79）。',
    '本工具没能启动：请检查网络后重新载入页面。',
    '在微信里打开时，离线使用和保存可能失败，微信也可能清除本页保存的内容：请点右上角“…”→“在浏览器打开”，并用页面底部的“导出案例文件”保存一份。',
  ],
  [
    '這個瀏覽器無法執行本工具',
    '本工具用 WebAssembly 在你的裝置上運算，不會上傳任何內容，而這個瀏覽器沒有提供它。',
    'iPhone/iPad 開啟了「鎖定模式」：在 Safari 點網址列左側的頁面設定按鈕 →「網站設定」→ 關閉本網站的鎖定模式，然後重新載入。',
    '在微信等 App 裡：點右上角「…」→「在瀏覽器開啟」。',
    '其他情況：把瀏覽器更新到最新版本（至少 Chrome 96、Safari 15.1、Firefox 79）。',
    '本工具未能啟動：請檢查網路後重新載入頁面。',
    '在微信裡開啟時，離線使用和儲存可能失敗，微信也可能清除本頁儲存的內容：請點右上角「…」→「在瀏覽器開啟」，並用頁面底部的「匯出案例檔案」儲存一份。',
  ],
  [
    'This browser cannot run this tool',
    'The tool computes on your device with WebAssembly and uploads nothing, and this browser does not provide it.',
    'iPhone/iPad in Lockdown Mode: in Safari tap the page settings button left of the address → Website Settings → turn off Lockdown Mode for this site, then reload.',
    'Inside WeChat or another app: tap ··· at the top right → Open in Browser.',
    'Otherwise: update your browser (at least Chrome 96, Safari 15.1, Firefox 79).',
    'The tool could not start: check your connection and reload the page.',
    'Inside WeChat, offline use and saving may fail and WeChat may clear what this page saved: tap ··· at the top right → Open in Browser, and save a copy with “Export case file” at the bottom of the page.',
  ],
][L];
const el = (tag, text, parent) => {
  const e = d.createElement(tag);
  e.textContent = text;
  if (parent) parent.append(e);
  return e;
};
/**
 * `unsupported`: no WebAssembly or a missing wasm feature: why, and what to do. `failed`: the app
 * did not start (its files did not load). Both replace the "Loading…" line: never a spinner.
 * `wechat`: a note above the app: open in the system browser, export the case file.
 */
export function say(what) {
  if (what === 'wechat') {
    const hint = el('p', T[6]);
    hint.className = 'scam';
    hint.setAttribute('role', 'note');
    hint.setAttribute('data-testid', 'wechat-hint');
    d.body.prepend(hint);
    // The app clears <body> when it mounts: put the hint back above it then.
    new MutationObserver(() => {
      if (!hint.isConnected) d.body.prepend(hint);
    }).observe(d.body, { childList: true });
    return;
  }
  const lines = what === 'failed' ? [T[5], T[3], T[4]] : T.slice(0, 5);
  const note = d.querySelector('#boot .boot-note') || d.body;
  const box = d.createElement('div');
  box.className = 'error';
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', 'unsupported');
  box.setAttribute('data-reason', what);
  el('h2', lines[0], box);
  for (const line of lines.slice(1)) el('p', line, box);
  note.replaceWith(box);
}
