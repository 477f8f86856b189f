import { connect, TabError } from './api.js';
import { el } from './dom.js';
import { offerChannelTab } from './teams.js';

const status = document.getElementById('status') as HTMLElement;
const root = document.getElementById('app') as HTMLElement;

/** The channel tab's setup page: pick the programme whose dashboard the channel shows. */
async function start(): Promise<void> {
  const api = await connect();
  const { programmes } = await api.programmes();
  if (programmes.length === 0) {
    status.textContent =
      'You are not in any programme yet. Ask a programme admin to map your role.';
    await offerChannelTab(null);
    return;
  }
  const options = programmes.map((p) => el('option', { value: p.id }, p.name));
  const picker = el('select', { id: 'programme', name: 'programme' }, ...options);
  const choose = () =>
    offerChannelTab(programmes.find((p) => p.id === picker.value) ?? null).catch(fail);
  picker.addEventListener('change', () => void choose());
  root.replaceChildren(
    el('p', { class: 'filters' }, el('label', { for: 'programme' }, 'Programme', picker)),
  );
  status.textContent = 'Choose a programme, then select Save.';
  await choose();
}

function fail(error: unknown): void {
  status.classList.add('error');
  status.textContent = error instanceof TabError ? error.message : `Setup failed: ${String(error)}`;
}

start().catch(fail);
