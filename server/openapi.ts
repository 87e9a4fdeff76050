// The OpenAPI document without a server: the app built on a throw-away in-memory database.
import { buildApp } from './app.ts';
import type { OpenApi } from './lib/api-guide.ts';
import { openPglite } from './db/client.ts';
import { AccessControl } from './modules/access/access.service.ts';

export async function openApiDocument(): Promise<OpenApi> {
  const handle = await openPglite({});
  try {
    const app = await buildApp(
      {
        db: handle.db,
        dbKind: handle.kind,
        access: new AccessControl(handle.db),
        config: { sessionTtlMs: 1, secureCookies: false, webDist: '/nonexistent' },
      },
      { background: false },
    );
    // the swagger plugin's generator; its type is the OpenAPI object
    const doc = app.swagger() as unknown as OpenApi;
    await app.close();
    return doc;
  } finally {
    await handle.close();
  }
}
