// Transforma questionnaire, enhanced: every change is kept on this device at
// once and sent to the server (autosave); without a network the respondent
// keeps answering, moving from page to page, and the answers are sent when the
// connection returns. The status line always says what is saved where.
// Plain script, no build step; the page works without it (forms post).
(() => {
  const dataBlock = document.getElementById('questionnaire-data');
  const container = document.getElementById('questionnaire-page');
  if (!dataBlock || !window.fetch || !window.localStorage) return;
  const data = JSON.parse(dataBlock.textContent);
  const words = data.words;
  const base = `/r/${data.token}`;
  const api = `/api/respondent/${encodeURIComponent(data.token)}/answers`;
  const storageKey = `transforma.pending.${data.token}`;
  // Someone signed in who opens a link sends their session's CSRF token along.
  const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content;

  // Answers not yet acknowledged by the server, by item code. Kept in
  // localStorage so they survive a closed tab, a reload or a crash.
  let pending = {};
  try {
    pending = JSON.parse(localStorage.getItem(storageKey) || '{}') || {};
  } catch {
    pending = {};
  }
  const keepPending = () => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(pending));
    } catch {
      // Storage full or refused: the answers still go to the server.
    }
  };

  // What this page knows of each answer: as stored, then changes on this device.
  const known = Object.assign({}, data.answers);
  for (const code of Object.keys(pending)) {
    const stored = known[code];
    if (stored && stored.changedAt > pending[code].changedAt) delete pending[code];
    else known[code] = pending[code];
  }
  keepPending();

  let status = '';
  const showStatus = (text) => {
    status = text;
    const line = document.getElementById('save-status');
    if (line && line.textContent !== text) line.textContent = text;
  };
  const hasPending = () => Object.keys(pending).length > 0;

  const validUrl = (text) =>
    text === null || (text.length <= data.limits.evidence && /^https?:\/\/[^\s/]+\S*$/i.test(text));

  function readItem(fieldset) {
    const code = fieldset.dataset.item;
    const field = (name) => fieldset.querySelector(`[name="${code}.${name}"]`);
    const text = (name) => {
      const value = (field(name)?.value || '').trim();
      return value === '' ? null : value;
    };
    const checked = fieldset.querySelector('input[type=radio]:checked');
    const choice = checked ? checked.value : '';
    return {
      itemCode: code,
      value: choice === '' || choice === 'na' ? null : Number(choice),
      notApplicable: choice === 'na',
      comment: text('comment'),
      evidenceUrl: text('evidence'),
      changedAt: new Date().toISOString(),
    };
  }

  function applyItem(fieldset, answer) {
    const code = fieldset.dataset.item;
    const choice = answer.notApplicable ? 'na' : answer.value === null ? '' : String(answer.value);
    for (const radio of fieldset.querySelectorAll('input[type=radio]'))
      radio.checked = radio.value === choice;
    const comment = fieldset.querySelector(`[name="${code}.comment"]`);
    const evidence = fieldset.querySelector(`[name="${code}.evidence"]`);
    if (comment) comment.value = answer.comment || '';
    if (evidence) evidence.value = answer.evidenceUrl || '';
  }

  const sameContent = (a, b) =>
    !!a &&
    !!b &&
    a.value === b.value &&
    a.notApplicable === b.notApplicable &&
    a.comment === b.comment &&
    a.evidenceUrl === b.evidenceUrl;

  /** Records the respondent's change on this device; true when it is ready to send. */
  function record(fieldset) {
    const answer = readItem(fieldset);
    if (sameContent(answer, known[answer.itemCode])) return false;
    const evidence = fieldset.querySelector(`[name="${answer.itemCode}.evidence"]`);
    // A link that is not yet a web address would make the server refuse the
    // whole save; the item waits until it is corrected.
    if (!validUrl(answer.evidenceUrl)) {
      evidence?.setAttribute('aria-invalid', 'true');
      showStatus(words.invalid);
      return false;
    }
    evidence?.removeAttribute('aria-invalid');
    known[answer.itemCode] = answer;
    pending[answer.itemCode] = answer;
    keepPending();
    return true;
  }

  let timer;
  let sending = false;
  let sendAgain = false;
  let refused = false;
  let lastSendFailed = false;

  const schedule = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(send, delay);
  };

  const newSaveId = () =>
    window.crypto?.randomUUID
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

  async function send() {
    if (refused) return;
    if (sending) {
      sendAgain = true;
      return;
    }
    const batch = Object.values(pending).slice(0, 500);
    if (batch.length === 0) return;
    if (!navigator.onLine) {
      lastSendFailed = true;
      showStatus(words.savedLocally);
      return;
    }
    sending = true;
    showStatus(words.sending);
    let outcome = 'retry';
    try {
      const response = await fetch(api, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        },
        body: JSON.stringify({ saveId: newSaveId(), answers: batch }),
        credentials: 'same-origin',
      });
      if (response.ok) {
        // Acknowledged: drop each answer unless it changed again meanwhile.
        for (const answer of batch)
          if (pending[answer.itemCode]?.changedAt === answer.changedAt)
            delete pending[answer.itemCode];
        keepPending();
        outcome = 'saved';
      } else if (response.status === 400) {
        // Refused whole: set the answers it names aside, send the others.
        const body = await response.json().catch(() => null);
        for (const field of body?.error?.fields || []) {
          const index = Number(String(field.path).split('.')[2]);
          const answer = batch[index];
          if (answer) delete pending[answer.itemCode];
        }
        keepPending();
        outcome = 'invalid';
      } else if (response.status >= 500 || response.status === 429) {
        outcome = 'retry';
      } else {
        // The link no longer opens the questionnaire (closed, revoked).
        refused = true;
        outcome = 'refused';
      }
    } catch {
      outcome = 'retry';
    }
    sending = false;
    lastSendFailed = outcome === 'retry';
    if (outcome === 'refused') showStatus(words.refused);
    else if (outcome === 'invalid') showStatus(words.invalid);
    else if (outcome === 'retry') showStatus(words.savedLocally);
    else if (!hasPending()) {
      showStatus(words.saved);
      // The task list or check page was drawn before these answers arrived.
      if (!container) location.reload();
    }
    if (sendAgain || (outcome !== 'retry' && hasPending())) {
      sendAgain = false;
      schedule(0);
    } else if (outcome === 'retry') {
      schedule(10000);
    }
  }

  window.addEventListener('online', () => schedule(0));
  window.addEventListener('offline', () => {
    if (hasPending()) showStatus(words.savedLocally);
  });
  // The task list and check page only send what waits on this device.
  if (!container) {
    if (hasPending()) schedule(0);
    return;
  }

  // The questions, to draw the next pages without a network: fetched once,
  // then kept by the browser (their address changes when they do).
  let questions = null;
  fetch(data.questions)
    .then((response) => (response.ok ? response.json() : null))
    .then((fetched) => {
      questions = fetched;
    })
    .catch(() => {});

  // Changes: radios at once, typing shortly after the respondent pauses.
  container.addEventListener('input', (event) => {
    const fieldset = event.target.closest?.('fieldset[data-item]');
    if (fieldset && record(fieldset)) schedule(event.target.type === 'radio' ? 0 : 700);
  });
  container.addEventListener('change', (event) => {
    const fieldset = event.target.closest?.('fieldset[data-item]');
    if (fieldset && record(fieldset)) schedule(0);
  });

  // Save and continue: online, the form posts as without JavaScript; offline,
  // the next page is drawn here from the questionnaire data.
  container.addEventListener('submit', (event) => {
    const form = event.target;
    for (const fieldset of form.querySelectorAll('fieldset[data-item]')) record(fieldset);
    if (navigator.onLine && !lastSendFailed) return;
    event.preventDefault();
    schedule(0);
    // The connection went before the questions came: the respondent stays
    // on this page, their answers kept on the device.
    if (!questions) return;
    const index = questions.pages.findIndex((page) => page.code === form.dataset.page);
    const next = questions.pages[index + 1];
    if (next) history.pushState({ code: next.code }, '', `${base}/s/${next.code}`);
    draw(next);
  });

  window.addEventListener('popstate', (event) => {
    const page = questions?.pages.find((candidate) => candidate.code === event.state?.code);
    if (page) draw(page);
    else location.reload();
  });

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {}))
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
    for (const child of children)
      if (child !== null && child !== undefined && child !== '')
        node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return node;
  }

  function itemFieldset(item) {
    const scale = questions.scales[item.scale];
    const id = `${item.code}-value`;
    const choices = scale.choices.map((choice) => ({
      value: String(choice.value),
      label: choice.label,
      hint: choice.stage && item.descriptors ? item.descriptors[choice.stage] : '',
    }));
    if (scale.notApplicable) choices.push({ value: 'na', label: words.notApplicable, hint: '' });
    const radios = choices.map((choice, index) => {
      const radioId = index === 0 ? id : `${id}-${choice.value}`;
      return element(
        'div',
        { class: 'choice' },
        element('input', {
          type: 'radio',
          id: radioId,
          name: `${item.code}.value`,
          value: choice.value,
        }),
        element(
          'label',
          { for: radioId },
          choice.label,
          choice.hint ? element('span', { class: 'hint' }, choice.hint) : '',
        ),
      );
    });
    const fieldset = element(
      'fieldset',
      { 'data-item': item.code, 'aria-describedby': item.help ? `${item.code}-help` : undefined },
      element('legend', {}, element('span', { class: 'code' }, item.code), ` ${item.statement}`),
      item.help ? element('p', { class: 'hint', id: `${item.code}-help` }, item.help) : '',
      element('div', { class: item.descriptors ? 'choices stages' : 'choices' }, ...radios),
      element(
        'div',
        { class: 'field' },
        element('label', { for: `${item.code}-comment` }, words.comment),
        element('textarea', {
          id: `${item.code}-comment`,
          name: `${item.code}.comment`,
          rows: '2',
          maxlength: String(data.limits.comment),
        }),
      ),
      element(
        'div',
        { class: 'field' },
        element('label', { for: `${item.code}-evidence` }, words.evidence),
        element('p', { class: 'hint', id: `${item.code}-evidence-hint` }, words.evidenceHint),
        element('input', {
          type: 'url',
          id: `${item.code}-evidence`,
          name: `${item.code}.evidence`,
          maxlength: String(data.limits.evidence),
          inputmode: 'url',
          spellcheck: 'false',
          'aria-describedby': `${item.code}-evidence-hint`,
        }),
      ),
    );
    if (known[item.code]) applyItem(fieldset, known[item.code]);
    return element('div', { class: 'question', id: `item-${item.code}` }, fieldset);
  }

  /** Draws a page of the questionnaire (or, past the last, where to go next) in place. */
  function draw(page) {
    const back = document.querySelector('.back-link');
    const heading = page
      ? element('h1', { tabindex: '-1' }, page.name)
      : element('h1', { tabindex: '-1' }, words.offlineEndTitle);
    const content = page
      ? [
          element('p', { class: 'caption' }, page.caption),
          heading,
          page.description ? element('p', {}, page.description) : '',
          element(
            'form',
            {
              method: 'post',
              action: `${base}/s/${page.code}`,
              novalidate: '',
              class: 'questionnaire',
              'data-page': page.code,
            },
            ...page.items.map(itemFieldset),
            element(
              'output',
              { id: 'save-status', class: 'save-status', 'aria-live': 'polite' },
              status,
            ),
            element('button', { type: 'submit', class: 'button' }, words.saveAndContinue),
          ),
        ]
      : [
          heading,
          element('p', {}, words.offlineEndBody),
          element(
            'output',
            { id: 'save-status', class: 'save-status', 'aria-live': 'polite' },
            status,
          ),
          element('p', {}, element('a', { href: `${base}/check` }, words.checkAnswers)),
        ];
    container.replaceChildren(...content.filter(Boolean));
    if (back) {
      const index = page ? questions.pages.indexOf(page) : questions.pages.length;
      const previous = questions.pages[index - 1];
      back.href = previous ? `${base}/s/${previous.code}` : base;
    }
    document.title = `${page ? page.name : words.offlineEndTitle} – ${document.title.split(' – ').slice(1).join(' – ')}`;
    heading.focus();
    window.scrollTo(0, 0);
  }

  // This page as drawn by the server may predate changes kept on this device.
  if (!document.querySelector('.error-summary'))
    for (const fieldset of container.querySelectorAll('fieldset[data-item]')) {
      const answer = pending[fieldset.dataset.item];
      if (answer) applyItem(fieldset, answer);
    }
  const form = container.querySelector('form');
  if (form) history.replaceState({ code: form.dataset.page }, '');
  if (hasPending()) schedule(0);
  else if (Object.keys(data.answers).length > 0) showStatus(words.saved);
})();
