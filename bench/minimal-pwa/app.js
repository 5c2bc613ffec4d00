// The whole app: one button that counts taps, and the service worker that makes it start offline.
let taps = 0;
document.getElementById('tap').addEventListener('click', (event) => {
  taps += 1;
  event.currentTarget.textContent = `Tap (${taps})`;
});
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js');
