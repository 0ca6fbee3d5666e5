import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Tauri sets TAURI_ENV_PLATFORM while running `tauri dev` / `tauri build`.
const tauriPlatform = process.env.TAURI_ENV_PLATFORM;
const devHost = process.env.TAURI_DEV_HOST;

export default defineConfig({
  plugins: [react()],
  // Keep Rust compiler output visible when run under `tauri dev`.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: devHost || false,
    hmr: devHost ? { protocol: "ws", host: devHost, port: 1421 } : undefined,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  envPrefix: ["VITE_", "TAURI_ENV_*"],
  build: {
    // WebView2 on Windows is Chromium; WebKitGTK / WKWebView elsewhere.
    target: tauriPlatform === "windows" ? "chrome105" : "safari15",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: Boolean(process.env.TAURI_ENV_DEBUG),
    // The bundle is read from local disk by the webview, never downloaded: one ~700 kB chunk is fine.
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    include: ["src/**/*.test.{ts,tsx}"],
    clearMocks: true,
    // Component tests render the whole app shell; on a loaded 2-core CI machine a test can
    // take several seconds, and findBy* waits must not give up before the UI does.
    testTimeout: 30_000,
  },
});
