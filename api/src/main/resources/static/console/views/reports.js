// Reports: generate one from a template (the parameter form is built from the template's declaration), watch
// it until it is completed or failed, download it; the recent reports with paging; schedules (list, create,
// edit, delete, run now). Writing needs reports.write: without it those controls show disabled, with a note.
import { api, download, query, session } from '../api.js';
import { badge, errorNotice, fill, formatTime, formatValue, h, heading, notice, ready, saveBlob, table } from '../ui.js';

const PAGE_SIZE = 10;
const POLL_MS = 1000;
const GIVE_UP_MS = 10 * 60_000;
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WORDS = { ci: 'CI', id: 'id', min: 'minimum', sla: 'SLA' };

const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch (ignored) {
    return 'UTC';
  }
};

/** "ci_type" → "CI type", "date_range" → "Date range". */
function labelOf(name) {
  const words = String(name).split('_').map((w) => WORDS[w] || w);
  const text = words.join(' ');
  return words[0] === 'CI' ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** "last_30_days" → "Last 30 days", "cpu" → "CPU", "90d" → "90 days". */
function optionLabel(value) {
  const days = /^(\d+)d$/.exec(String(value));
  if (days) {
    return days[1] + ' days';
  }
  const words = String(value).split('_').map((w) => (/^(cpu|ci|sla)$/i.test(w) ? w.toUpperCase() : w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Shows or hides an element whatever its class's display (the hidden attribute loses to .row and .field). */
function shown(element, visible) {
  element.hidden = !visible;
  element.style.display = visible ? '' : 'none';
}

function sizeText(bytes) {
  if (bytes === null || bytes === undefined) {
    return '';
  }
  if (bytes < 1024) {
    return bytes + ' B';
  }
  return bytes < 1024 * 1024 ? (bytes / 1024).toFixed(1) + ' KB' : (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A select of values, the given one chosen; blank adds an empty first option with that text. */
function select(id, values, chosen, { blank, labels = optionLabel } = {}) {
  return h('select', { id },
    blank ? h('option', { value: '' }, blank) : null,
    values.map((value) => h('option', { value, selected: String(value) === String(chosen ?? '') }, labels(value))));
}

function labelled(label, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('small', {}, hint) : null);
}

/**
 * The controls of a template's declared parameters, ids starting with prefix, filled from values. read() gives
 * {parameters, problems}: only the values set, a custom range as date_range=custom with from and to.
 */
function parameterForm(template, prefix, values = {}) {
  const readers = [];
  const nodes = (template.parameters || []).map((p) => {
    const id = `${prefix}-p-${p.name}`;
    const hint = p.description || null;
    const given = values[p.name] !== undefined && values[p.name] !== null ? values[p.name] : p.default_value;
    const allowed = Array.isArray(p.allowed) ? p.allowed : [];
    if (p.type === 'date_range') {
      const range = select(id, allowed, given || allowed[0]);
      const day = (v) => (v ? String(v).slice(0, 10) : '');
      const from = h('input', { id: id + '-from', type: 'date', value: day(values.from) });
      const to = h('input', { id: id + '-to', type: 'date', value: day(values.to) });
      const custom = h('div', { class: 'row' }, labelled('From', from), labelled('To (whole day)', to));
      const sync = () => {
        shown(custom, range.value === 'custom');
      };
      range.addEventListener('change', sync);
      sync();
      readers.push((parameters, problems) => {
        parameters[p.name] = range.value;
        if (range.value === 'custom') {
          if (!from.value || !to.value) {
            problems.push(`${labelOf(p.name)}: give both dates of the custom range.`);
          } else if (from.value > to.value) {
            problems.push(`${labelOf(p.name)}: the start comes after the end.`);
          }
          parameters.from = from.value;
          parameters.to = to.value;
        }
      });
      return h('div', {}, labelled(labelOf(p.name), range,
        (hint ? hint + '. ' : '') + 'Relative ranges count back from the moment the report is made.'), custom);
    }
    if (p.type === 'choice' && allowed.length) {
      const control = select(id, allowed, given, { blank: p.required ? null : 'Any' });
      readers.push((parameters) => {
        if (control.value) {
          parameters[p.name] = control.value;
        }
      });
      return labelled(labelOf(p.name), control, hint);
    }
    if (p.type === 'choices' && allowed.length) {
      const chosen = new Set((Array.isArray(given) ? given : String(given || '').split(','))
        .map((v) => String(v).trim().toLowerCase()).filter(Boolean));
      const boxes = allowed.map((value, i) => h('input', { type: 'checkbox', id: `${id}-${i}`, value,
        checked: chosen.size === 0 || chosen.has(String(value).toLowerCase()) }));
      readers.push((parameters, problems) => {
        const picked = boxes.filter((b) => b.checked).map((b) => b.value);
        if (!picked.length) {
          problems.push(`${labelOf(p.name)}: choose at least one.`);
        }
        parameters[p.name] = picked.join(',');
      });
      return h('fieldset', { class: 'field' }, h('legend', {}, labelOf(p.name)),
        h('div', { class: 'row' }, boxes.map((box) => h('label', {}, box, ' ', optionLabel(box.value)))),
        hint ? h('small', {}, hint) : null);
    }
    const control = h('input', { id, type: p.type === 'number' || p.type === 'integer' ? 'number'
      : p.type === 'date' ? 'date' : 'text', value: given === null || given === undefined ? '' : String(given),
    maxlength: 200, required: !!p.required, autocomplete: 'off' });
    readers.push((parameters, problems) => {
      const value = control.value.trim();
      if (value) {
        parameters[p.name] = value;
      } else if (p.required) {
        problems.push(`${labelOf(p.name)} is required.`);
      }
    });
    return labelled(labelOf(p.name) + (p.required ? '' : ' (optional)'), control, hint);
  });
  return {
    nodes,
    read() {
      const parameters = {};
      const problems = [];
      readers.forEach((reader) => reader(parameters, problems));
      return { parameters, problems };
    },
  };
}

function problemNotice(problems) {
  return notice('error', 'Please correct: ', h('ul', {}, problems.map((p) => h('li', {}, p))));
}

/** Where a paged answer is: "Page 2 of 5 (43 reports)" with previous and next buttons. */
function pager(pagination, noun, go) {
  const page = pagination ? pagination.page : 1;
  const pages = pagination ? pagination.pages : 1;
  const total = pagination ? pagination.total : 0;
  return h('div', { class: 'actions', role: 'navigation', 'aria-label': `Pages of ${noun}` },
    h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => go(page - 1) }, 'Previous'),
    h('span', { style: 'align-self: center' }, `Page ${page} of ${Math.max(pages, 1)} (${total} ${total === 1 ? noun.replace(/s$/, '') : noun})`),
    h('button', { type: 'button', class: 'secondary', disabled: page >= pages, onclick: () => go(page + 1) }, 'Next'));
}

async function saveReport(id, fallbackName, problemArea, button) {
  if (button) {
    button.disabled = true;
  }
  try {
    const file = await download(`/v1/reports/${encodeURIComponent(id)}/download`);
    saveBlob(file.blob, file.fileName || fallbackName || id);
    if (problemArea) {
      fill(problemArea);
    }
  } catch (error) {
    if (problemArea) {
      fill(problemArea, errorNotice(error, 'reports.read'));
    }
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

/** How a schedule's timing reads. */
function whenText(schedule) {
  if (schedule.cron) {
    return 'cron ' + schedule.cron;
  }
  const p = schedule.period || {};
  if (p.frequency === 'weekly') {
    return `weekly on ${optionLabel(p.day_of_week || '')} at ${p.time || ''}`;
  }
  if (p.frequency === 'monthly') {
    return `monthly on day ${p.day_of_month} at ${p.time || ''}`;
  }
  return `${p.frequency || ''} at ${p.time || ''}`.trim();
}

export async function render(container) {
  const canWrite = session.has('reports.write');
  const writeNote = canWrite ? null : notice('info', 'Generating reports and changing schedules need the scope '
    + 'reports.write, which your token does not hold: those controls are disabled. You can still read and download reports.');
  const state = { templates: [], byId: new Map(), page: 1, shared: false, schedulePage: 1, schedules: null,
    confirmDelete: null, editing: null };

  // --- generate ---
  const templateSelect = h('select', { id: 'report-template' });
  const formatSelect = h('select', { id: 'report-format' });
  const paramArea = h('div', { id: 'report-parameters' });
  const zoneInput = h('input', { id: 'report-time-zone', type: 'text', value: browserZone(), list: 'time-zones',
    autocomplete: 'off', spellcheck: 'false' });
  const sharedBox = h('input', { id: 'report-shared', type: 'checkbox' });
  const generateButton = h('button', { type: 'submit', id: 'report-generate', disabled: !canWrite }, 'Generate report');
  const generateProblem = h('div', { 'aria-live': 'polite' });
  const watchArea = h('div', { id: 'report-watch', role: 'status', 'aria-live': 'polite' },
    h('p', { class: 'sub' }, 'A report you generate shows here until it is ready to download.'));
  let generateParams = null;

  const showTemplate = () => {
    const template = state.byId.get(templateSelect.value);
    if (!template) {
      fill(paramArea);
      fill(formatSelect);
      return;
    }
    generateParams = parameterForm(template, 'gen');
    fill(paramArea, template.description ? h('p', { class: 'sub' }, template.description) : null, generateParams.nodes);
    fill(formatSelect, (template.formats || []).map((f) => h('option', { value: f }, f.toUpperCase())));
  };
  templateSelect.addEventListener('change', showTemplate);

  const reportsArea = h('div', { id: 'report-list', 'aria-live': 'polite' }, h('p', { class: 'loading' }, 'Loading reports…'));
  const listProblem = h('div');

  /** Follows a report's status once a second until it is completed, failed or expired. */
  const watch = async (accepted, area, hook, onDone) => {
    const id = accepted.report_id;
    area.dataset.watching = id;
    const started = Date.now();
    const word = h('span', { class: 'badge generating', 'data-test': hook }, accepted.status || 'generating');
    const detail = h('span', {});
    const after = h('div', {});
    fill(area, h('p', {}, `Report ${id}: `, word, ' ', detail), after);
    let last = accepted;
    while (area.isConnected) {
      const waited = Date.now() - started;
      if (last.status === 'completed') {
        const button = h('button', { type: 'button', 'data-test': hook === 'report-status' ? 'report-download' : null,
          onclick: () => saveReport(id, null, after, button) }, 'Download');
        fill(detail, last.completed_at ? `at ${formatTime(last.completed_at)}` : '');
        fill(after, h('div', { class: 'actions' }, button),
          last.expires_at ? h('small', {}, `Kept for download until ${formatTime(last.expires_at)}.`) : null);
        break;
      }
      if (last.status === 'failed' || last.status === 'expired') {
        fill(detail);
        fill(after, notice('error', last.status === 'failed'
          ? `The report failed: ${last.error || 'no reason given'}.` : 'The report expired and its file was removed: generate it again.'));
        break;
      }
      if (waited > GIVE_UP_MS) {
        fill(after, notice('warning', 'Still generating after 10 minutes: it stays in the list of recent reports; '
          + 'refresh the list later to download it.'));
        break;
      }
      fill(detail, `for ${Math.round(waited / 1000)} s`
        + (last.estimated_completion ? `, expected by ${formatTime(last.estimated_completion)}` : ''));
      await sleep(POLL_MS);
      if (area.dataset.watching !== id) {
        return; // a newer report is watched in this place
      }
      try {
        last = await api(`/v1/reports/${encodeURIComponent(id)}/status`);
      } catch (error) {
        fill(after, errorNotice(error, 'reports.read'));
        break;
      }
      word.textContent = last.status;
      word.className = 'badge ' + String(last.status).replace(/[^a-z_]/g, '');
    }
    if (area.isConnected && last.status !== 'generating') {
      loadReports(state.page);
      if (onDone) {
        onDone(last);
      }
    }
  };

  const generate = async (event) => {
    event.preventDefault();
    if (!canWrite || !generateParams) {
      return;
    }
    const { parameters, problems } = generateParams.read();
    if (problems.length) {
      fill(generateProblem, problemNotice(problems));
      return;
    }
    fill(generateProblem);
    generateButton.disabled = true;
    try {
      const accepted = await api('/v1/reports/generate', { method: 'POST', body: {
        template_id: templateSelect.value, parameters, format: formatSelect.value,
        time_zone: zoneInput.value.trim() || 'UTC', shared: sharedBox.checked } });
      loadReports(1);
      watch(accepted, watchArea, 'report-status');
    } catch (error) {
      fill(generateProblem, errorNotice(error, 'reports.write'));
    } finally {
      generateButton.disabled = false;
    }
  };

  // --- recent reports ---
  const sharedListBox = h('input', { id: 'reports-shared', type: 'checkbox', onchange: () => {
    state.shared = sharedListBox.checked;
    loadReports(1);
  } });
  const reportColumns = [
    { key: 'created_at', label: 'Created', render: (r) => formatTime(r.created_at) },
    { key: 'name', label: 'Report', render: (r) => h('span', {}, r.name || r.template_id,
      r.schedule_id ? h('small', {}, h('br'), 'scheduled') : null) },
    { key: 'status', label: 'Status', render: (r) => h('span', {}, badge(r.status),
      r.error ? h('small', {}, h('br'), r.error) : null) },
    { key: 'download', label: 'File', value: (r) => r.file_name || '', render: (r) => {
      if (r.status !== 'completed') {
        return '';
      }
      const button = h('button', { type: 'button', class: 'secondary', 'data-test': 'report-list-download',
        'aria-label': `Download ${r.file_name || r.id}`, onclick: () => saveReport(r.id, r.file_name, listProblem, button) },
      'Download');
      return button;
    } },
    { key: 'format', label: 'Format', render: (r) => String(r.format || '').toUpperCase() },
    { key: 'rows', label: 'Rows', numeric: true },
    { key: 'size_bytes', label: 'Size', numeric: true, render: (r) => sizeText(r.size_bytes) },
    { key: 'created_by', label: 'By' },
    { key: 'parameters', label: 'Parameters', value: (r) => formatValue(r.parameters),
      render: (r) => h('small', {}, formatValue(r.parameters)) },
  ];

  const loadReports = async (page) => {
    try {
      const answer = await api('/v1/reports' + query({ page, limit: PAGE_SIZE, shared: state.shared ? 'true' : '' }));
      state.page = (answer.pagination && answer.pagination.page) || page;
      fill(reportsArea, table(reportColumns, answer.data || [], { caption: 'Recent reports, newest first',
        empty: 'No reports yet: generate one above.' }), pager(answer.pagination, 'reports', loadReports));
    } catch (error) {
      fill(reportsArea, errorNotice(error, 'reports.read'));
    }
  };

  // --- schedules ---
  const schedulesArea = h('div', { id: 'schedule-list', 'aria-live': 'polite' }, h('p', { class: 'loading' }, 'Loading schedules…'));
  const scheduleRunArea = h('div', { role: 'status', 'aria-live': 'polite' });
  const scheduleFormArea = h('div', { id: 'schedule-form-area' });

  const loadSchedules = async (page = state.schedulePage) => {
    try {
      state.schedules = await api('/v1/reports/schedules' + query({ page, limit: 20 }));
      state.schedulePage = (state.schedules.pagination && state.schedules.pagination.page) || page;
      drawSchedules();
    } catch (error) {
      fill(schedulesArea, errorNotice(error, 'reports.read'));
    }
  };

  const removeSchedule = async (schedule) => {
    try {
      await api(`/v1/reports/schedules/${encodeURIComponent(schedule.id)}`, { method: 'DELETE' });
      state.confirmDelete = null;
      if (state.editing && state.editing.id === schedule.id) {
        showScheduleForm(false);
      }
      fill(scheduleRunArea, notice('info', `Schedule “${schedule.name}” deleted; the reports it made stay until they expire.`));
      loadSchedules();
    } catch (error) {
      fill(scheduleRunArea, errorNotice(error, 'reports.write'));
    }
  };

  const runSchedule = async (schedule, button) => {
    button.disabled = true;
    try {
      const accepted = await api(`/v1/reports/schedules/${encodeURIComponent(schedule.id)}/run`, { method: 'POST' });
      loadReports(1);
      fill(scheduleRunArea, h('p', {}, `Running “${schedule.name}” now:`), h('div', {}));
      watch(accepted, scheduleRunArea.lastChild, 'schedule-run-status', () => loadSchedules());
    } catch (error) {
      fill(scheduleRunArea, errorNotice(error, 'reports.write'));
    } finally {
      button.disabled = false;
    }
  };

  const scheduleActions = (s) => {
    if (state.confirmDelete === s.id) {
      return h('div', { class: 'actions' }, h('span', {}, `Delete “${s.name}”?`),
        h('button', { type: 'button', 'data-test': 'schedule-delete-confirm', onclick: () => removeSchedule(s) }, 'Yes, delete'),
        h('button', { type: 'button', class: 'secondary', onclick: () => {
          state.confirmDelete = null;
          drawSchedules();
        } }, 'Keep it'));
    }
    const run = h('button', { type: 'button', class: 'secondary', disabled: !canWrite, 'data-test': 'schedule-run',
      'aria-label': `Run ${s.name} now`, onclick: () => runSchedule(s, run) }, 'Run now');
    return h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', disabled: !canWrite, 'data-test': 'schedule-edit',
        'aria-label': `Edit ${s.name}`, onclick: () => showScheduleForm(s) }, 'Edit'),
      run,
      h('button', { type: 'button', class: 'secondary', disabled: !canWrite, 'data-test': 'schedule-delete',
        'aria-label': `Delete ${s.name}`, onclick: () => {
          state.confirmDelete = s.id;
          drawSchedules();
          const yes = schedulesArea.querySelector('[data-test="schedule-delete-confirm"]');
          if (yes) {
            yes.focus();
          }
        } }, 'Delete'));
  };

  const drawSchedules = () => {
    const answer = state.schedules || { data: [] };
    const columns = [
      { key: 'name', label: 'Name' },
      { key: 'template_id', label: 'Template', value: (s) => (state.byId.get(s.template_id) || {}).name || s.template_id,
        render: (s) => (state.byId.get(s.template_id) || {}).name || s.template_id },
      { key: 'when', label: 'When', value: whenText, render: (s) => h('span', {}, whenText(s), h('br'),
        h('small', {}, s.time_zone || 'UTC')) },
      { key: 'format', label: 'Format', render: (s) => String(s.format || '').toUpperCase() },
      { key: 'recipients', label: 'E-mail to', value: (s) => ((s.delivery && s.delivery.recipients) || []).join(', '),
        render: (s) => ((s.delivery && s.delivery.recipients) || []).join(', ') || 'download only' },
      { key: 'enabled', label: 'Enabled', render: (s) => (s.enabled ? 'yes' : 'no (paused)') },
      { key: 'next_run_at', label: 'Next run', render: (s) => formatTime(s.next_run_at) },
      { key: 'last_run_at', label: 'Last run', render: (s) => h('span', {}, s.last_run_at ? formatTime(s.last_run_at) : 'never',
        s.last_error ? h('small', {}, h('br'), 'Error: ' + s.last_error) : null) },
      { key: 'actions', label: 'Actions', value: () => '', render: scheduleActions },
    ];
    fill(schedulesArea, table(columns, answer.data || [], { caption: 'Report schedules',
      empty: 'No schedules yet.' }), pager(answer.pagination, 'schedules', loadSchedules));
  };

  /** The form for a new schedule (null) or to edit one; false closes it. */
  const showScheduleForm = (schedule) => {
    state.editing = schedule || null;
    if (schedule === false) {
      fill(scheduleFormArea);
      return;
    }
    fill(scheduleFormArea, scheduleForm(schedule));
    const first = scheduleFormArea.querySelector('input');
    if (first) {
      first.focus();
    }
  };

  const scheduleForm = (schedule) => {
    const s = schedule || {};
    const name = h('input', { id: 'sch-name', type: 'text', required: true, maxlength: 200, value: s.name || '',
      autocomplete: 'off' });
    const templateId = s.template_id && state.byId.has(s.template_id) ? s.template_id
      : (state.templates[0] && state.templates[0].template_id);
    const template = h('select', { id: 'sch-template' }, state.templates.map((t) => h('option',
      { value: t.template_id, selected: t.template_id === templateId }, t.name)));
    const format = h('select', { id: 'sch-format' });
    const params = h('div', {});
    let paramForm = null;
    const showParams = (values) => {
      const t = state.byId.get(template.value);
      if (!t) {
        return;
      }
      paramForm = parameterForm(t, 'sch', values || {});
      fill(params, paramForm.nodes);
      const chosen = format.value || s.format;
      fill(format, (t.formats || []).map((f) => h('option', { value: f, selected: f === chosen }, f.toUpperCase())));
    };
    template.addEventListener('change', () => showParams({}));

    const useCron = !!s.cron;
    const period = s.period || {};
    const kindPeriod = h('input', { type: 'radio', name: 'sch-kind', id: 'sch-kind-period', value: 'period', checked: !useCron });
    const kindCron = h('input', { type: 'radio', name: 'sch-kind', id: 'sch-kind-cron', value: 'cron', checked: useCron });
    const frequency = select('sch-frequency', ['daily', 'weekly', 'monthly'], period.frequency || 'daily');
    const dayOfWeek = select('sch-day-of-week', DAYS, period.day_of_week || 'monday');
    const dayOfMonth = h('input', { id: 'sch-day-of-month', type: 'number', min: 1, max: 31, step: 1,
      value: period.day_of_month || 1 });
    const time = h('input', { id: 'sch-time', type: 'time', value: period.time || '07:00', required: true });
    const cron = h('input', { id: 'sch-cron', type: 'text', value: s.cron || '', placeholder: '0 8 * * MON-FRI',
      autocomplete: 'off', spellcheck: 'false' });
    const weekField = labelled('Day of the week', dayOfWeek);
    const monthField = labelled('Day of the month', dayOfMonth, '31 means the last day of every month.');
    const periodFields = h('div', { class: 'row' }, labelled('Every', frequency), weekField, monthField,
      labelled('At (wall-clock time)', time));
    const cronFields = h('div', {}, labelled('Cron expression', cron, 'Five fields (minute hour day-of-month month '
      + 'day-of-week), e.g. 0 8 * * MON-FRI; or @daily, @weekly, @monthly.'));
    const syncKind = () => {
      shown(periodFields, kindPeriod.checked);
      shown(cronFields, kindCron.checked);
      shown(weekField, frequency.value === 'weekly');
      shown(monthField, frequency.value === 'monthly');
    };
    [kindPeriod, kindCron, frequency].forEach((c) => c.addEventListener('change', syncKind));

    const zone = h('input', { id: 'sch-time-zone', type: 'text', value: s.time_zone || browserZone(), list: 'time-zones',
      autocomplete: 'off', spellcheck: 'false' });
    const delivery = s.delivery || {};
    const recipients = h('textarea', { id: 'sch-recipients', rows: 2 }, (delivery.recipients || []).join('\n'));
    const skipEmpty = h('input', { id: 'sch-skip-empty', type: 'checkbox', checked: !!delivery.skip_if_empty });
    const shared = h('input', { id: 'sch-shared', type: 'checkbox', checked: !!s.shared });
    const enabled = h('input', { id: 'sch-enabled', type: 'checkbox', checked: schedule ? !!s.enabled : true });
    const problem = h('div', { 'aria-live': 'polite' });
    const save = h('button', { type: 'submit', id: 'schedule-save' }, schedule ? 'Save changes' : 'Create schedule');

    const submit = async (event) => {
      event.preventDefault();
      const { parameters, problems } = paramForm ? paramForm.read() : { parameters: {}, problems: [] };
      if (!name.value.trim()) {
        problems.unshift('Name is required.');
      }
      const addresses = recipients.value.split(/[\s,;]+/).map((a) => a.trim()).filter(Boolean);
      if (kindCron.checked && !cron.value.trim()) {
        problems.push('Cron expression is required (or choose a simple period).');
      }
      if (problems.length) {
        fill(problem, problemNotice(problems));
        return;
      }
      const body = { name: name.value.trim(), template_id: template.value, parameters, format: format.value,
        time_zone: zone.value.trim() || 'UTC', shared: shared.checked, enabled: enabled.checked,
        delivery: addresses.length ? { method: 'email', recipients: addresses, skip_if_empty: skipEmpty.checked }
          : { method: 'download' } };
      if (kindCron.checked) {
        body.cron = cron.value.trim();
      } else {
        body.period = { frequency: frequency.value, time: time.value };
        if (frequency.value === 'weekly') {
          body.period.day_of_week = dayOfWeek.value;
        }
        if (frequency.value === 'monthly') {
          body.period.day_of_month = Number(dayOfMonth.value);
        }
      }
      save.disabled = true;
      try {
        const saved = schedule
          ? await api(`/v1/reports/schedules/${encodeURIComponent(schedule.id)}`, { method: 'PUT', body })
          : await api('/v1/reports/schedules', { method: 'POST', body });
        showScheduleForm(false);
        fill(scheduleRunArea, notice('info', `Schedule “${saved.name}” ${schedule ? 'saved' : 'created'}; `
          + `next run ${formatTime(saved.next_run_at) || 'not set'}.`));
        loadSchedules();
      } catch (error) {
        fill(problem, errorNotice(error, 'reports.write'));
      } finally {
        save.disabled = false;
      }
    };

    showParams(s.parameters || {});
    syncKind();
    return h('form', { class: 'panel', onsubmit: submit, 'data-test': 'schedule-form' },
      h('h3', {}, schedule ? `Edit schedule “${s.name}”` : 'New schedule'),
      h('fieldset', { disabled: !canWrite, style: 'border: none; padding: 0; margin: 0; min-width: 0' },
        h('div', { class: 'columns' },
          h('div', {},
            labelled('Name', name),
            labelled('Template', template),
            params,
            labelled('Format', format)),
          h('div', {},
            h('fieldset', { class: 'field' }, h('legend', {}, 'When'),
              h('div', { class: 'row' }, h('label', {}, kindPeriod, ' A simple period'), h('label', {}, kindCron, ' A cron expression')),
              periodFields, cronFields),
            labelled('Time zone', zone, 'IANA name, e.g. Europe/Berlin: the times above and the report’s dates are read in it.'),
            labelled('E-mail recipients', recipients, 'One address per line or comma-separated; leave empty to keep the reports for download only.'),
            h('div', { class: 'field' }, h('label', {}, skipEmpty, ' Send nothing when the report is empty')),
            h('div', { class: 'field' }, h('label', {}, shared, ' Share its reports with everyone who may read reports')),
            h('div', { class: 'field' }, h('label', {}, enabled, ' Enabled (unchecked: kept, but not run)')))),
        problem,
        h('div', { class: 'actions' }, save,
          h('button', { type: 'button', class: 'secondary', onclick: () => {
            showScheduleForm(false);
            container.querySelector('#schedule-new').focus();
          } }, 'Cancel'))));
  };

  // --- the page ---
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  fill(container,
    heading('Reports', 'Generate a report from a template, download it, and schedule reports to run and be e-mailed.'),
    writeNote,
    h('datalist', { id: 'time-zones' }, ['UTC', ...zones].map((z) => h('option', { value: z }))),
    h('div', { class: 'columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'generate-title' },
        h('h2', { id: 'generate-title' }, 'Generate a report'),
        h('form', { onsubmit: generate, 'data-test': 'generate-form' },
          labelled('Template', templateSelect),
          paramArea,
          h('div', { class: 'row' }, labelled('Format', formatSelect),
            labelled('Time zone', zoneInput)),
          h('div', { class: 'field' }, h('label', {}, sharedBox, ' Share with everyone who may read reports')),
          h('div', { class: 'actions' }, generateButton),
          generateProblem)),
      h('section', { class: 'panel', 'aria-labelledby': 'watch-title' },
        h('h2', { id: 'watch-title' }, 'Your report'), watchArea)),
    h('section', { class: 'panel', 'aria-labelledby': 'list-title' },
      h('h2', { id: 'list-title' }, 'Recent reports'),
      h('div', { class: 'actions' },
        h('label', {}, sharedListBox, ' Include reports others shared'),
        h('button', { type: 'button', class: 'secondary', onclick: () => loadReports(state.page) }, 'Refresh')),
      listProblem, reportsArea),
    h('section', { class: 'panel', 'aria-labelledby': 'schedules-title' },
      h('h2', { id: 'schedules-title' }, 'Schedules'),
      scheduleRunArea, schedulesArea,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'schedule-new',
        disabled: !canWrite || !state.templates.length, onclick: () => showScheduleForm(null) }, 'New schedule')),
      scheduleFormArea));

  const [templates] = await Promise.all([
    api('/v1/reports/templates').catch((error) => error),
    loadReports(1),
  ]);
  if (templates instanceof Error) {
    fill(paramArea, errorNotice(templates, 'reports.read'));
    generateButton.disabled = true;
  } else {
    state.templates = templates.data || [];
    state.templates.forEach((t) => state.byId.set(t.template_id, t));
    fill(templateSelect, state.templates.map((t) => h('option', { value: t.template_id }, t.name)));
    showTemplate();
    container.querySelector('#schedule-new').disabled = !canWrite;
  }
  ready('reports');
  loadSchedules(1);
}
