// The frame of every page: language and direction, skip link, header with the
// main navigation and language switch, and the page's own content.
import type { ComponentChildren } from 'preact';
import { decideAccess } from '../accounts/access.ts';
import type { SignedIn } from '../accounts/account-store.ts';
import { type Messages, supportedLanguages } from '../i18n/messages.ts';
import type { NavigationEntry } from './feature.ts';
import { CsrfField } from './forms.tsx';
import { sameSitePath } from './paths.ts';

export interface LayoutProps {
  messages: Messages;
  title: string;
  /** The path of the page, to mark the current navigation entry. */
  path: string;
  /** Absent on pages shown before the workspace is known, such as errors. */
  workspaceName?: string;
  signedIn: SignedIn | undefined;
  /** The main navigation; each entry shows only to those who may open it. */
  navigation: readonly NavigationEntry[];
  children: ComponentChildren;
}

export function Layout({
  messages,
  title,
  path,
  workspaceName,
  signedIn,
  navigation,
  children,
}: LayoutProps) {
  const { t, language } = messages;
  const visible = navigation.filter(({ access }) => decideAccess(access, signedIn) === 'allow');
  const isCurrent = (href: string) =>
    href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  // The address asked for, only as a path of this site: "//host/x" is another site's.
  const here = sameSitePath(path) ?? '/';
  return (
    <html lang={language} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{[title, workspaceName, 'Transforma'].filter(Boolean).join(' – ')}</title>
        <link rel="stylesheet" href="/assets/styles.css" />
        {signedIn && <meta name="csrf-token" content={signedIn.csrfToken} />}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="container header-bar">
            <a class="brand" href="/">
              Transforma
              {workspaceName && <span class="workspace-name">{workspaceName}</span>}
            </a>
            <nav aria-label={t('layout.languages')} class="language-switch">
              <ul>
                {supportedLanguages.map((other) =>
                  other === language ? (
                    <li key={other}>
                      <span aria-current="true" lang={other}>
                        {t(`language.${other}`)}
                      </span>
                    </li>
                  ) : (
                    <li key={other}>
                      <a href={`${here}?lang=${other}`} lang={other} hreflang={other}>
                        {t(`language.${other}`)}
                      </a>
                    </li>
                  ),
                )}
              </ul>
            </nav>
          </div>
          <nav aria-label={t('layout.mainNavigation')} class="main-nav">
            <ul class="container">
              {visible.map(({ href, key }) => (
                <li key={href}>
                  <a href={href} aria-current={isCurrent(href) ? 'page' : undefined}>
                    {t(key)}
                  </a>
                </li>
              ))}
              <li class="account">
                {signedIn ? (
                  <form method="post" action="/sign-out">
                    <CsrfField token={signedIn.csrfToken} />
                    <span class="signed-in-as">
                      {signedIn.member?.name ?? t('layout.signedIn')}
                    </span>{' '}
                    <button type="submit" class="link-button">
                      {t('layout.signOut')}
                    </button>
                  </form>
                ) : (
                  <a href={`/sign-in?next=${encodeURIComponent(path)}`}>{t('layout.signIn')}</a>
                )}
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">{t('layout.footer')}</div>
        </footer>
      </body>
    </html>
  );
}
