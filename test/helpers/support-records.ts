/**
 * Deterministic support tickets for tests that need many records of every kind: identity columns (name, e-mail,
 * phone), free text with other people, e-mail addresses, phone numbers, IP addresses, Windows user paths (learned
 * as user names and found again in later records), non-ASCII text, and an address the test profiles allow.
 * Written as CSV, JSON (an array under "tickets", with a comments array) or NDJSON.
 */
const FIRST = ['Maria', 'Tom', 'Aisha', 'Jonas', 'Li', 'Sam', 'Léa', 'Ravi', 'Olga', 'Kwame', 'Sofia', 'Mateo'];
const LAST = ['Jensen', 'Becker', 'Khan', 'Weber', 'Wang', 'Carter', 'Martin', 'Patel', 'Ivanova', 'Mensah', 'Müller', 'O’Brien'];

export interface Ticket {
  readonly id: string;
  readonly requester: string;
  readonly email: string;
  readonly phone: string;
  readonly description: string;
  readonly comments: readonly string[];
}

export function supportTickets(count: number): Ticket[] {
  let s = 7;
  const rand = (n: number) => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % n);
  const out: Ticket[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[rand(FIRST.length)]!;
    const last = LAST[rand(LAST.length)]!;
    const login = `${first[0]!.toLowerCase()}${last.toLowerCase().replace(/[^a-z]/g, '')}${i % 50}`;
    const other = `${FIRST[rand(FIRST.length)]} ${LAST[rand(LAST.length)]}`;
    const phone = `+44 20 7946 ${String(rand(10000)).padStart(4, '0')}`;
    const parts = ['The app closes when I open the dashboard.'];
    switch (i % 6) {
      case 0:
        parts.push(`The profile sits in C:\\Users\\${login}\\AppData and the log names ${login} too.`);
        break;
      case 1:
        parts.push(`Please ask ${login} (the login from last week) and ${other} about it.`);
        break;
      case 2:
        parts.push(`Connection from ${1 + rand(222)}.${rand(256)}.${rand(256)}.${rand(256)} at 09:${String(rand(60)).padStart(2, '0')} — “strange”.`);
        break;
      case 3:
        parts.push(`Write to angela.support@example.org or to ${other.split(' ')[0]!.toLowerCase()}@example.net.`);
        break;
      case 4:
        parts.push(`Call me on ${phone}, or my colleague ${other} on +49 30 901820${rand(100)}.`);
        break;
      default:
        parts.push(`Grüße aus München, ${first}.`);
    }
    out.push({
      id: `T-${1000 + i}`,
      requester: `${first} ${last}`,
      email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@example.com`,
      phone,
      description: parts.join(' '),
      comments: i % 3 === 0 ? [`Thanks ${first}, I forwarded it to ${other}.`, 'Closed after the update.'] : [],
    });
  }
  return out;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function ticketsAs(format: 'csv' | 'json' | 'ndjson', tickets: readonly Ticket[]): string {
  if (format === 'csv') {
    const rows = tickets.map((t) => [t.id, t.requester, t.email, t.phone, t.description, t.comments.join(' / ')].map(csvCell).join(','));
    return `id,requester_name,requester_email,requester_phone,description,comments\r\n${rows.join('\r\n')}\r\n`;
  }
  const records = tickets.map((t) => ({ id: t.id, requester: { name: t.requester, email: t.email, phone: t.phone }, description: t.description, comments: t.comments.map((body) => ({ body })) }));
  if (format === 'ndjson') return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
  return `{"export": "tickets", "tickets": ${JSON.stringify(records, null, 2)}}\n`;
}
