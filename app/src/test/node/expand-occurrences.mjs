// Reads an .ics file with Mozilla's ical.js and prints each VEVENT's occurrences, recurrences expanded,
// as JSON: [{uid, status, sequence, summary, start, end}] with instants in UTC (ISO 8601).
// Used by CalendarFeedIT as a parser that shares no code with the server's ical4j.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));
const iso = (time) => time.toJSDate().toISOString().replace('.000Z', 'Z');
const out = [];
for (const vevent of calendar.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(vevent);
  const base = {
    uid: event.uid,
    status: vevent.getFirstPropertyValue('status'),
    sequence: event.sequence,
    summary: event.summary,
  };
  if (!event.isRecurring()) {
    out.push({ ...base, start: iso(event.startDate), end: iso(event.endDate) });
    continue;
  }
  const it = event.iterator();
  for (let next = it.next(), n = 0; next && n < 1000; next = it.next(), n++) {
    const details = event.getOccurrenceDetails(next);
    out.push({ ...base, start: iso(details.startDate), end: iso(details.endDate) });
  }
}
process.stdout.write(JSON.stringify(out));
