// Pages of the framework library: the list of frameworks and a browser of one
// framework version (dimensions → sub-dimensions → items, scales and levels).
import type { Messages } from '../../platform/i18n/messages.ts';
import { countItems, countSubdimensions, localized } from './framework.ts';
import type { Framework, Item, Scale } from './framework-schema.ts';
import type { StoredFramework } from './framework-store.ts';

export function FrameworkListView({
  messages,
  frameworks,
  canImport,
}: {
  messages: Messages;
  frameworks: StoredFramework[];
  /** The reader may import frameworks (coordinators and admins). */
  canImport: boolean;
}) {
  const { t, language } = messages;
  return (
    <>
      <h1>{t('frameworks.title')}</h1>
      <p class="lead">{t('frameworks.intro')}</p>
      <ul class="card-list">
        {frameworks.map(({ framework, key, version }) => {
          const text = (value: Framework['name'] | undefined) =>
            localized(value, language, framework.defaultLanguage);
          return (
            <li class="card" key={`${key}@${version}`}>
              <h2>
                <a href={`/frameworks/${key}?version=${version}`}>{text(framework.name)}</a>
              </h2>
              <p class="meta">
                {t('frameworks.versionLabel', { version })} ·{' '}
                {t('frameworks.counts', {
                  dimensions: framework.dimensions.length,
                  subdimensions: countSubdimensions(framework),
                  items: countItems(framework),
                })}
              </p>
              <p>{text(framework.description)}</p>
            </li>
          );
        })}
      </ul>
      <h2>{t('frameworks.importTitle')}</h2>
      <p>{t('frameworks.importHelp')}</p>
      {canImport ? (
        <p>
          <a class="button" href="/frameworks/import">
            {t('frameworks.importLink')}
          </a>
        </p>
      ) : (
        <p>{t('frameworks.importWho')}</p>
      )}
    </>
  );
}

export function FrameworkView({
  messages,
  stored,
  versions,
}: {
  messages: Messages;
  stored: StoredFramework;
  versions: string[];
}) {
  const { t, language } = messages;
  const { framework } = stored;
  const text = (value: Framework['name'] | undefined) =>
    localized(value, language, framework.defaultLanguage);
  const scales = new Map(framework.scales.map((scale) => [scale.key, scale]));
  return (
    <>
      <p class="caption">{t('frameworks.versionLabel', { version: stored.version })}</p>
      <h1>{text(framework.name)}</h1>
      <p class="lead">{text(framework.description)}</p>
      {framework.source && <p class="meta">{text(framework.source)}</p>}
      <dl class="summary">
        <div>
          <dt>{t('frameworks.dimensions')}</dt>
          <dd>{framework.dimensions.length}</dd>
        </div>
        <div>
          <dt>{t('frameworks.subdimensions')}</dt>
          <dd>{countSubdimensions(framework)}</dd>
        </div>
        <div>
          <dt>{t('frameworks.items')}</dt>
          <dd data-testid="item-count">{countItems(framework)}</dd>
        </div>
      </dl>
      {versions.length > 1 && (
        <nav aria-label={t('frameworks.otherVersions')}>
          <p>
            {t('frameworks.otherVersions')}:{' '}
            {versions
              .filter((version) => version !== stored.version)
              .map((version) => (
                <a key={version} href={`/frameworks/${stored.key}?version=${version}`}>
                  {version}{' '}
                </a>
              ))}
          </p>
        </nav>
      )}
      <p>
        <a
          href={`/api/frameworks/${stored.key}/versions/${stored.version}`}
          download={`${stored.key}-${stored.version}.json`}
        >
          {t('frameworks.download')}
        </a>
      </p>
      <p>
        <a
          href={`/api/frameworks/${stored.key}/versions/${stored.version}/xlsform`}
          download={`${stored.key}-${stored.version}.xlsx`}
          aria-describedby="xlsform-leaves-out"
        >
          {t('frameworks.downloadXlsform')}
        </a>
      </p>
      <p class="hint" id="xlsform-leaves-out">
        {t('frameworks.xlsformLeavesOut')}
      </p>

      <nav aria-labelledby="contents-heading" class="contents">
        <h2 id="contents-heading">{t('frameworks.contents')}</h2>
        <ol>
          {framework.dimensions.map((dimension) => (
            <li key={dimension.code}>
              <a href={`#${dimension.code}`}>{text(dimension.name)}</a>{' '}
              <span class="meta">
                {t('frameworks.dimensionCounts', {
                  subdimensions: dimension.subdimensions.length,
                  items: dimension.subdimensions.reduce((sum, sub) => sum + sub.items.length, 0),
                })}
              </span>
            </li>
          ))}
        </ol>
      </nav>

      {framework.dimensions.map((dimension) => (
        <section
          key={dimension.code}
          id={dimension.code}
          class="dimension"
          aria-labelledby={`${dimension.code}-heading`}
        >
          <h2 id={`${dimension.code}-heading`}>
            {text(dimension.name)} <span class="code">{dimension.code}</span>
          </h2>
          {dimension.description && <p>{text(dimension.description)}</p>}
          {dimension.subdimensions.map((subdimension) => (
            <section key={subdimension.code} id={subdimension.code} class="subdimension">
              <h3>
                {text(subdimension.name)} <span class="code">{subdimension.code}</span>{' '}
                <span class="meta">
                  {t('frameworks.itemCount', { count: subdimension.items.length })}
                </span>
              </h3>
              {subdimension.description && <p>{text(subdimension.description)}</p>}
              <ol class="items">
                {subdimension.items.map((item) => (
                  <ItemEntry
                    key={item.code}
                    item={item}
                    scale={scales.get(item.scale)}
                    text={text}
                    messages={messages}
                  />
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}

      <h2>{t('frameworks.scales')}</h2>
      {framework.scales.map((scale) => (
        <ScaleDescription key={scale.key} scale={scale} text={text} messages={messages} />
      ))}

      <h2>{t('frameworks.maturityLevels')}</h2>
      <table>
        <caption class="visually-hidden">{t('frameworks.maturityLevels')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('frameworks.level')}</th>
            <th scope="col">{t('frameworks.fromScore')}</th>
            <th scope="col">{t('frameworks.levelDescription')}</th>
          </tr>
        </thead>
        <tbody>
          {framework.maturityLevels.map((level) => (
            <tr key={level.key}>
              <th scope="row">{text(level.name)}</th>
              <td class="numeric">
                {messages.number(level.minScore, { minimumFractionDigits: 2 })}
              </td>
              <td>{text(level.description)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

type TextOf = (value: Framework['name'] | undefined) => string;

function ItemEntry({
  item,
  scale,
  text,
  messages,
}: {
  item: Item;
  scale: Scale | undefined;
  text: TextOf;
  messages: Messages;
}) {
  return (
    <li class="item" id={item.code}>
      <span class="code">{item.code}</span> {text(item.statement)}
      {item.help && <p class="help">{text(item.help)}</p>}
      {scale?.type === 'stages' && item.descriptors && (
        <table class="stages">
          <caption class="visually-hidden">
            {messages.t('frameworks.stagesOf', { code: item.code })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{messages.t('frameworks.stage')}</th>
              <th scope="col">{messages.t('frameworks.descriptor')}</th>
            </tr>
          </thead>
          <tbody>
            {scale.stages.map((stage) => (
              <tr key={stage.key}>
                <th scope="row">{text(stage.label)}</th>
                <td>{text(item.descriptors?.[stage.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

function ScaleDescription({
  scale,
  text,
  messages,
}: {
  scale: Scale;
  text: TextOf;
  messages: Messages;
}) {
  const { t } = messages;
  const options =
    scale.type === 'likert'
      ? scale.labels.map((l) => ({ value: l.value, label: l.label }))
      : scale.stages;
  return (
    <section class="scale">
      <h3>
        {t(scale.type === 'likert' ? 'frameworks.likertScale' : 'frameworks.stageScale')}{' '}
        <span class="code">{scale.key}</span>
      </h3>
      <ul>
        {options.map((option) => (
          <li key={option.value}>
            <strong>{option.value}</strong> – {text(option.label)}
          </li>
        ))}
        {scale.notApplicable && <li>{t('frameworks.notApplicable')}</li>}
      </ul>
    </section>
  );
}
