import type { Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../officials/audit';
import { AdminError } from '../../officials/errors';
import { ROLES } from '../../officials/roles';
import { TOKEN_TEXT } from '../../officials/copy';
import { validTokenName, type TokenStore } from '../tokens';
import { ADMIN_API, bodyOf, idParam, parse, route, type RouteDeps } from './http';

export interface AccessRouteDeps extends RouteDeps {
  tokens: TokenStore;
  audit: AuditLog;
}

const createBody = z
  .object({
    name: z.string({ required_error: TOKEN_TEXT.nameRequired }).trim().refine(validTokenName, TOKEN_TEXT.nameInvalid),
    role: z.enum(ROLES, { errorMap: () => ({ message: TOKEN_TEXT.roleInvalid }) }),
  })
  .strict();

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  action: z.string().max(60).optional(),
});

/** Who am I; tokens and the audit log (admins only). */
export function registerAccessRoutes(server: Server, deps: AccessRouteDeps): void {
  server.get(
    `${ADMIN_API}/me`,
    ...route(deps, 'viewer', async ({ res, actor }) => {
      res.send(200, { name: actor.name, role: actor.role });
    }),
  );

  server.get(
    `${ADMIN_API}/tokens`,
    ...route(deps, 'admin', async ({ res }) => {
      res.send(200, { items: await deps.tokens.list(true), fromEnvironment: deps.tokens.envTokenSummary() });
    }),
  );

  server.post(
    `${ADMIN_API}/tokens`,
    ...route(
      deps,
      'admin',
      async ({ req, res, actor, ip }) => {
        const { name, role } = parse(createBody, bodyOf(req));
        const { token, info } = await deps.tokens.create(name, role, actor.name);
        await deps.audit.record({ actor, action: 'token.create', target: `token:${info.id}`, details: { name, role }, ip });
        // The token is shown this once; only its hash is kept.
        res.send(201, { ...info, token });
      },
      { body: true },
    ),
  );

  server.del(
    `${ADMIN_API}/tokens/:id`,
    ...route(deps, 'admin', async ({ req, res, actor, ip }) => {
      const id = idParam(req);
      if (actor.tokenId === id) throw new AdminError(409, TOKEN_TEXT.revokeOwn);
      if (!(await deps.tokens.revoke(id))) throw new AdminError(404, TOKEN_TEXT.notFound);
      await deps.audit.record({ actor, action: 'token.revoke', target: `token:${id}`, ip });
      res.send(200, { revoked: id });
    }),
  );

  server.get(
    `${ADMIN_API}/audit`,
    ...route(deps, 'admin', async ({ req, res }) => {
      res.send(200, await deps.audit.list(parse(auditQuery, req.query ?? {})));
    }),
  );
}
