// A real OpenID Connect provider on loopback, for the tests and the demo (npm package
// `oidc-provider`). It stands in for the force's identity provider (Microsoft Entra ID):
// the ID token carries the claims (email, staff number, groups), as Entra's optional claims do.
//
//   node tests/oidc_provider/server.mjs --port 0 --accounts accounts.json \
//        --client-id training --client-secret secret
//
// Prints one line, "listening <issuer>", once it answers. Its sign-in page is oidc-provider's
// development page ("devInteractions"): any password is accepted for an account in the file,
// which is read again at every sign-in so that a test can change someone's groups.
// Refresh and consent are not offered: the platform's client is first-party, as an
// administrator-consented Entra app registration is.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    accounts: { type: 'string' },
    'client-id': { type: 'string', default: 'police-training' },
    'client-secret': { type: 'string', default: 'police-training-secret' },
    'redirect-uri': { type: 'string', multiple: true, default: [] },
    'id-token-ttl': { type: 'string', default: '600' },
  },
});

function accounts() {
  return values.accounts ? JSON.parse(readFileSync(values.accounts, 'utf8')) : {};
}

const redirectUris = [
  'http://testserver/oidc/callback/',
  'http://127.0.0.1/oidc/callback/',
  'http://localhost/oidc/callback/',
  ...values['redirect-uri'],
];
const postLogoutRedirectUris = redirectUris.map((uri) => uri.replace('/oidc/callback/', '/account/sign-in/'));
const clientId = values['client-id'];
const scopes = 'openid email profile staff groups';

// Binding port 0 first lets the OS choose a free port; the issuer must name it.
import { createServer } from 'node:http';

const server = createServer();
server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: values['client-secret'],
      client_name: 'Police training (test)',
      redirect_uris: redirectUris,
      post_logout_redirect_uris: postLogoutRedirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: {
      openid: ['sub', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      staff: ['employeeid'],
      groups: ['groups'],
    },
    scopes: scopes.split(' '),
    conformIdTokenClaims: false,
    cookies: { keys: ['test-only-cookie-key'] },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    pkce: { required: () => true },
    ttl: { IdToken: Number(values['id-token-ttl']), AccessToken: 600, AuthorizationCode: 60, Session: 3600, Grant: 3600, Interaction: 600 },
    async findAccount(ctx, id) {
      const claims = accounts()[id];
      if (!claims) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, ...claims };
        },
      };
    },
    // First-party client: every scope is granted without a consent page.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(scopes);
      grant.addOIDCClaims(['employeeid', 'groups']);
      await grant.save();
      return grant;
    },
    async extraTokenClaims() {
      return undefined;
    },
  });
  // The development sign-in page says nothing of how the person signed in; an account's "amr"
  // in the file stands for what the provider's own multi-factor sign-in would record.
  const loginAccount = provider.Session.prototype.loginAccount;
  provider.Session.prototype.loginAccount = function loginWithAmr(details) {
    const amr = details.amr ?? accounts()[details.accountId]?.amr;
    return loginAccount.call(this, { ...details, amr });
  };
  // A test server on loopback answers on a port chosen at run time: any port of a registered
  // loopback address is accepted (RFC 8252 section 7.3 asks the same of native apps' addresses).
  const loopbackAllowed = (value, registered) => {
    if (registered.includes(value)) return true;
    const asked = URL.parse(value);
    if (!asked || asked.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(asked.hostname)) return false;
    return registered.some((uri) => {
      const known = URL.parse(uri);
      return known.hostname === asked.hostname && known.pathname === asked.pathname && !known.port;
    });
  };
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
    return loopbackAllowed(value, this.redirectUris);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(value) {
    return loopbackAllowed(value, this.postLogoutRedirectUris);
  };
  provider.on('server_error', (ctx, error) => console.error('server_error', error));
  server.on('request', provider.callback());
  console.log(`listening ${issuer}`);
});

function stop() {
  server.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
