// Vite: the web app lives in web/, builds into web/dist; in development /api goes to the API server.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vendor chunks, so the first page does not carry the whole UI kit and the chart library at once.
// (Rolldown's codeSplitting groups: the successor of Rollup's manualChunks.)
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 40 },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 30 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/](icons|icons-svg)[\\/]/, priority: 25 },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@emotion|stylis|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|json2mq|string-convert|copy-to-clipboard|toggle-selection|classnames|clsx|@babel[\\/]runtime)[\\/]/,
    priority: 20,
  },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 10 },
];

/**
 * Writes dist/.build-inputs.json: the project files outside web/ the bundle was built from (the server's
 * shared validators), so that `chanjiao serve --build` knows to rebuild when one of them changes.
 */
function recordInputs(): Plugin {
  const projectRoot = path.resolve(root, '..');
  return {
    name: 'chanjiao-record-inputs',
    apply: 'build',
    generateBundle() {
      const outside = [...this.getModuleIds()]
        .filter((id) => path.isAbsolute(id) && !id.includes('node_modules') && !id.startsWith(root))
        .map((id) => path.relative(projectRoot, id.split('?')[0]!))
        .sort();
      this.emitFile({
        type: 'asset',
        fileName: '.build-inputs.json',
        source: JSON.stringify(outside, null, 2),
      });
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), recordInputs()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: process.env.CHANJIAO_API ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
