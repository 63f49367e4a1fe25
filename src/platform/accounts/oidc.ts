// Sign-in through an organisation's OpenID Connect provider: authorization code
// flow with PKCE, state and nonce. Only people who already have a Transforma
// account (added by an admin) get in; the provider proves who they are.
import * as client from 'openid-client';
import type { OidcSettings } from '../config/config.ts';

export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

export interface OidcIdentity {
  email: string;
  name: string | undefined;
}

/** Issuers on this machine may speak plain HTTP (a provider run for tests); any other needs HTTPS. */
function isLoopback(issuer: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

export class OidcSignIn {
  readonly #settings: OidcSettings;
  readonly #callbackUrl: string;
  #configuration: Promise<client.Configuration> | undefined;

  constructor(settings: OidcSettings, publicUrl: string) {
    this.#settings = settings;
    this.#callbackUrl = `${publicUrl}/sign-in/oidc/callback`;
  }

  // Discovery happens on first use, and again after a failure, so a provider
  // that is down at start does not stop Transforma from starting.
  #configure(): Promise<client.Configuration> {
    if (!this.#configuration) {
      const issuer = new URL(this.#settings.issuer);
      this.#configuration = client
        .discovery(issuer, this.#settings.clientId, this.#settings.clientSecret, undefined, {
          ...(isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        })
        .catch((error: unknown) => {
          this.#configuration = undefined;
          throw error;
        });
    }
    return this.#configuration;
  }

  async start(next: string): Promise<{ url: string; flow: OidcFlow }> {
    const configuration = await this.#configure();
    const flow: OidcFlow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      next,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.#callbackUrl,
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, flow };
  }

  /** Exchanges the code of the provider's redirect for the person's verified identity. */
  async finish(callbackQuery: string, flow: OidcFlow): Promise<OidcIdentity> {
    const configuration = await this.#configure();
    const tokens = await client.authorizationCodeGrant(
      configuration,
      new URL(`${this.#callbackUrl}${callbackQuery}`),
      {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      },
    );
    const claims = tokens.claims();
    const email = typeof claims?.email === 'string' ? claims.email : undefined;
    if (!email)
      throw new Error('The provider did not say who this is: its ID token has no email claim');
    if (claims?.email_verified === false)
      throw new Error('The provider has not verified this email address');
    return { email, name: typeof claims?.name === 'string' ? claims.name : undefined };
  }
}
