// Can this browser run the wasm? See docs/browsers.md. Old syntax on purpose.
const say = (what) =>
  import('./start-notes.js')
    .then((notes) => notes.say(what))
    .catch(() => {
      const note = document.querySelector('#boot .boot-note');
      if (note && what !== 'wechat') note.textContent = '无法启动，请重新载入页面 · Cannot start: please reload the page';
    });
if (/MicroMessenger/i.test(navigator.userAgent)) say('wechat');
let ok = false;
try {
  ok = WebAssembly.validate(
    Uint8Array.from(atob('AGFzbQEAAAABCwJgAn99An9/YAAAAwMCAAEEBAFvAAEFAwEAAQYGAX8BQQALBwUBAWcDAAoiAgkAIADAIAH8AAsWAEEAQQBBAPwLAEEAQQAlAEEB/BEACw=='), (c) => c.charCodeAt(0)),
  );
} catch {}
if (ok) import('./boot.js').catch(() => say('failed'));
else say('unsupported');
