// Writes a synthetic support export (CSV, Zendesk-like) of about the requested size: structured columns plus
// ticket text that mixes ordinary prose with e-mails, phone numbers, IP addresses, URLs and names. About 40% of
// the bytes are free text. Deterministic: the same size gives the same file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const FIRST = ['Maria', 'Tom', 'Aisha', 'Jonas', 'Li', 'Sam', 'Léa', 'Ravi', 'Olga', 'Kwame', 'Sofia', 'Mateo', 'Hana', 'Noah', 'Zoe', 'Ivan'];
const LAST = ['Jensen', 'Becker', 'Khan', 'Weber', 'Wang', 'Carter', 'Martin', 'Patel', 'Ivanova', 'Mensah', 'Rossi', 'García', 'Sato', 'Smith', 'Müller', 'Novak'];
const DOMAINS = ['example.com', 'example.net', 'example.org', 'example.co.uk', 'example.de', 'mail.example.fr'];
const PHONES = ['+1 (202) 555-01', '+44 20 7946 0', '+49 30 901820', '+33 1 42 68 53 ', '+61 2 9876 5', '+91 98765 432'];
const SUBJECTS = ['Cannot sign in', 'Invoice address wrong', 'VPN keeps dropping', 'Refund request', 'Printer offline', 'Feature request', 'Password reset link expired', 'App crashes on start'];
const PROSE = [
  'Since the last update the application closes as soon as I open the dashboard.',
  'I have already restarted the computer twice and cleared the cache, nothing changed.',
  'Our team of twelve people cannot work until this is fixed, please escalate.',
  'The error message says that the session has expired although I just logged in.',
  'Could you please check the account settings and let me know what went wrong?',
  'Thanks for the quick answer last time, the workaround helped for a few days.',
  'Attached is a screenshot of the settings page and the log from this morning.',
];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * With `textOnly`, the file holds only the free-text column (the ticket descriptions). `onRow`, if given, is told
 * for each row (in order) the personal values planted in it: its free text's names, e-mail addresses, phone numbers
 * and IP addresses, and in the full export the requester's name, e-mail, phone and IP columns too.
 */
export async function generateExport(path, targetBytes, { textOnly = false, onRow } = {}) {
  const rand = rng(42);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const num = (n) => String(Math.floor(rand() * n));
  const out = createWriteStream(path);
  out.write(textOnly ? 'description\n' : 'ticket_id,created_at,requester_name,requester_email,requester_phone,subject,description,assignee,status,priority,ip\n');
  let written = 0;
  let id = 100000;
  const rows = [];
  while (written < targetBytes) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${first.toLowerCase()}.${last.toLowerCase()}${num(100)}@${pick(DOMAINS)}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const phone = pick(PHONES) + num(10) + num(10);
    const ip = `${Number(num(223)) + 1}.${num(256)}.${num(256)}.${num(256)}`; // 1-223: unicast, never 0
    const parts = [pick(PROSE), pick(PROSE)];
    const planted = textOnly ? [`${first} ${last}`] : [`${first} ${last}`, email, phone, ip];
    const r = rand();
    if (r < 0.3) {
      parts.push(`You can reach me on ${phone} during office hours.`);
      if (textOnly) planted.push(phone);
    } else if (r < 0.5) {
      // picked in the order the template used to pick them, so the file stays the same
      const [colleague, surname, local, domain] = [pick(FIRST), pick(LAST), pick(FIRST).toLowerCase(), pick(DOMAINS)];
      parts.push(`My colleague ${colleague} ${surname} (${local}@${domain}) has the same problem.`);
      planted.push(`${colleague} ${surname}`, `${local}@${domain}`);
    } else if (r < 0.65) {
      parts.push(`The log shows a connection from ${ip} at 09:${num(60).padStart(2, '0')}.`);
      if (textOnly) planted.push(ip);
    } else if (r < 0.75) parts.push(`See https://portal.${pick(DOMAINS)}/tickets/${num(99999)}?ref=mail for details.`);
    parts.push(`Best regards,\n${first} ${last}`);
    onRow?.(planted);
    const description = parts.join(' ').replaceAll('"', '""');
    const row = textOnly ? `"${description}"\n` : `ZD-${id++},2024-0${1 + Math.floor(rand() * 9)}-1${num(10)}T0${num(10)}:${num(60).padStart(2, '0')}:00Z,${first} ${last},${email},"${phone}",${pick(SUBJECTS)},"${description}",agent${num(40)}@support.example.org,${pick(['open', 'pending', 'solved'])},${num(4)},${ip}\n`;
    rows.push(row);
    written += Buffer.byteLength(row);
    if (rows.length >= 1000) {
      if (!out.write(rows.join(''))) await once(out, 'drain');
      rows.length = 0;
    }
  }
  out.write(rows.join(''));
  out.end();
  await once(out, 'finish');
  return {};
}
