// A local OpenID provider for the sign-in and /mcp authorization tests (npm oidc-provider), started by the test
// fixtures on loopback. It knows one user per FinOps role, the dashboard (a confidential client with a loopback
// redirect on any port), an interactive MCP client (public, PKCE) and client-credentials clients with different scopes.
// Access tokens are JWTs whose audience is the resource indicator the client asked for (RFC 8707).
//
// Usage: node oidc-provider.mjs            → listens on 127.0.0.1 on a free port
// Prints one JSON line when ready: {"issuer":"http://127.0.0.1:PORT"}
// Test-only endpoint: POST /test/sign {claims, header?} → a JWT signed with the provider's own key (for expired and
// otherwise crafted tokens; bound to loopback like the rest).

import { createServer } from 'node:http';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import Provider from 'oidc-provider';

export const PASSWORD = 'finops-test-password';

// One user per role, plus one without a FinOps role.
const ACCOUNTS = {
  viewer: { name: 'Vera Viewer', roles: ['viewer'] },
  analyst: { name: 'Ana Analyst', roles: ['analyst'] },
  manager: { name: 'Max Manager', roles: ['manager'] },
  admin: { name: 'Ada Admin', roles: ['admin'] },
  norole: { name: 'Nico Norole', roles: [] },
};

const FINOPS_SCOPES = 'finops:read finops:scan finops:export finops:policy:write finops:waiver:request finops:waiver:approve finops:schedule:write';

const clients = [
  {
    // The dashboard: authorization code + PKCE; a native client so a loopback redirect URI matches any port (RFC 8252).
    client_id: 'finops-dashboard',
    client_secret: 'finops-dashboard-secret',
    application_type: 'native',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/signin-oidc', 'http://localhost/signin-oidc'],
    post_logout_redirect_uris: ['http://127.0.0.1/signout-callback-oidc', 'http://localhost/signout-callback-oidc'],
    token_endpoint_auth_method: 'client_secret_post',
    scope: 'openid profile email roles',
  },
  {
    // An MCP client signing a person in (the C# SDK's ClientOAuthOptions flow): PKCE, loopback redirect on any port.
    client_id: 'mcp-interactive',
    client_secret: 'mcp-interactive-secret',
    application_type: 'native',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/callback', 'http://localhost/callback'],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: `openid offline_access profile roles ${FINOPS_SCOPES}`,
  },
  // Machines (client credentials), one per scope set.
  ccClient('mcp-reader', 'finops:read'),
  ccClient('mcp-scanner', 'finops:read finops:scan'),
  ccClient('mcp-exporter', 'finops:read finops:export'),
  ccClient('mcp-requester', 'finops:read finops:waiver:request'),
  ccClient('mcp-admin', FINOPS_SCOPES),
  ccClient('mcp-noscope', 'unrelated:read'),
];

function ccClient(id, scope) {
  return {
    client_id: id,
    client_secret: `${id}-secret`,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_post',
    scope,
  };
}

const server = createServer();
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: 'finops-test-key', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [signingJwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
    roles: ['roles'],
  },
  scopes: ['openid', 'offline_access', 'profile', 'email', 'roles', ...FINOPS_SCOPES.split(' '), 'unrelated:read'],
  // Real providers (Keycloak, Entra ID) put profile and role claims in the ID token.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          name: account.name,
          preferred_username: id,
          email: `${id}@example.test`,
          email_verified: true,
          roles: account.roles,
        };
      },
    };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    rpInitiatedLogout: { enabled: true, logoutSource },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => undefined,
      useGrantedResource: () => true,
      // Any absolute http(s) URL is a resource server here (the app's /mcp on whatever port, and others for
      // wrong-audience tests); tokens for it are JWTs with that audience.
      getResourceServerInfo(_ctx, resourceIndicator) {
        return {
          scope: `${FINOPS_SCOPES} unrelated:read`,
          audience: resourceIndicator,
          accessTokenTTL: 600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  // A token on behalf of a person carries their roles, so the app can cap the token's scopes by role.
  async extraTokenClaims(_ctx, token) {
    if (token.accountId && ACCOUNTS[token.accountId]) {
      return { roles: ACCOUNTS[token.accountId].roles };
    }
    return undefined;
  },
  // Every client here is first-party: grant what it asks for without a consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    return undefined;
  },
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    ClientCredentials: 600,
    IdToken: 600,
    Interaction: 600,
    Session: 3600,
    Grant: 3600,
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Sign-in error', `<p id="error">${escape(out.error)}: ${escape(out.error_description ?? '')}</p>`);
  },
});

// Logout confirmation that submits itself (a person already chose "sign out" in the app).
async function logoutSource(ctx, form) {
  ctx.type = 'html';
  ctx.body = page('Signing out', `${form}<p>Signing you out…</p>`
    + '<script>document.forms[0].insertAdjacentHTML("beforeend", \'<input type="hidden" name="logout" value="yes">\');'
    + 'document.forms[0].submit();</script>');
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function page(title, body) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head>`
    + `<body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function loginForm(uid, error) {
  return page('FinOps test provider: sign in', `
    ${error ? `<p id="error">${escape(error)}</p>` : ''}
    <form method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
      <label>User <input name="username" id="username" required></label>
      <label>Password <input name="password" id="password" type="password" required></label>
      <button type="submit" id="sign-in">Sign in</button>
    </form>`);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function grantEverythingAsked(details) {
  const { prompt: { details: missing }, params, session, grantId } = details;
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) {
    grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  }
  if (missing.missingOIDCClaims) {
    grant.addOIDCClaims(missing.missingOIDCClaims);
  }
  if (missing.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  return grant.save();
}

// The interaction pages (login form, automatic consent) and the test signing endpoint, in front of the provider.
provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(ctx.path);
  if (match) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET' && details.prompt.name === 'login') {
      ctx.type = 'html';
      ctx.body = loginForm(details.uid);
      return;
    }
    if (ctx.method === 'GET' && details.prompt.name === 'consent') {
      const consentGrantId = await grantEverythingAsked(details);
      await provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId: consentGrantId } }, { mergeWithLastSubmission: true });
      ctx.respond = false;
      return;
    }
    if (ctx.method === 'POST' && match[2]) {
      const form = new URLSearchParams(await readBody(ctx.req));
      const username = form.get('username') ?? '';
      if (!ACCOUNTS[username] || form.get('password') !== PASSWORD) {
        ctx.type = 'html';
        ctx.body = loginForm(details.uid, 'Unknown user or wrong password.');
        return;
      }
      await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
      ctx.respond = false;
      return;
    }
  }

  if (ctx.path === '/test/sign' && ctx.method === 'POST') {
    const { claims, header } = JSON.parse(await readBody(ctx.req));
    const jwt = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid, typ: 'at+jwt', ...(header ?? {}) })
      .sign(privateKey);
    ctx.type = 'text';
    ctx.body = jwt;
    return;
  }

  await next();
});

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);

// Stop when the test process that started us goes away (stdin closes).
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
