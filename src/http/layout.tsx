// The frame of every page: language and direction, skip link, header with the
// main navigation and language switch, and the page's own content.
import type { ComponentChildren } from 'preact';
import { type Messages, supportedLanguages } from '../i18n/messages.ts';

export interface LayoutProps {
  messages: Messages;
  title: string;
  /** The path of the page, to mark the current navigation entry. */
  path: string;
  workspaceName: string;
  children: ComponentChildren;
}

const navigation = [
  { href: '/', key: 'nav.home' },
  { href: '/agencies', key: 'nav.agencies' },
  { href: '/frameworks', key: 'nav.frameworks' },
  { href: '/rounds', key: 'nav.rounds' },
] as const;

export function Layout({ messages, title, path, workspaceName, children }: LayoutProps) {
  const { t, language } = messages;
  const isCurrent = (href: string) =>
    href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  return (
    <html lang={language} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${workspaceName} – Transforma`}</title>
        <link rel="stylesheet" href="/assets/styles.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="container header-bar">
            <a class="brand" href="/">
              Transforma
              <span class="workspace-name">{workspaceName}</span>
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
                      <a href={`${path}?lang=${other}`} lang={other} hreflang={other}>
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
              {navigation.map(({ href, key }) => (
                <li key={href}>
                  <a href={href} aria-current={isCurrent(href) ? 'page' : undefined}>
                    {t(key)}
                  </a>
                </li>
              ))}
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
