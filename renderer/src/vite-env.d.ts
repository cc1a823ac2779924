// Vite's client types: import.meta.glob for the icons and `new URL(…, import.meta.url)` workers.
/// <reference types="vite/client" />
