/** Notes and log lines about a person, in several layouts. */
import { NOTE_LABELS } from '../keys.js'
import type { Person, Planted } from '../people.js'
import type { Random } from '../random.js'
import { randomDateStyle } from '../render.js'
import { keyFor, valueOf } from './shared.js'
import { familyName, givenName, realisticPhone } from '../values.js'

export function note(
  who: Person,
  kinds: readonly Planted[],
  r: Random
): string {
  const dates = randomDateStyle(r)
  const pairs: (readonly [string, string])[] = r
    .shuffle(kinds)
    .map(
      k =>
        [
          r.pick(NOTE_LABELS[k]),
          k === 'name'
            ? who.family
              ? `${who.given} ${who.family}`
              : who.given
            : valueOf(who, k, r, dates)
        ] as const
    )
  // Sometimes the note names the clinician and the clinic too; neither is
  // the patient's identifier.
  const provider: [string, string][] = r.chance(0.4)
    ? [
        [
          r.pick(['Provider', 'Attending', 'Referring Physician']),
          `Dr. ${givenName(r)} ${familyName(r)}`
        ],
        [
          r.pick(['Clinic Phone', 'Office Phone', 'Provider Phone']),
          `${realisticPhone(r).slice(0, 3)}-${realisticPhone(r).slice(3, 6)}-${r.digits(4)}`
        ]
      ]
    : []
  pairs.push(...provider)
  const layout = r.pick(['lines', 'inline', 'log'])
  if (layout === 'log') {
    const ts = `2024-0${r.int(1, 9)}-1${r.int(0, 9)}T1${r.int(0, 9)}:2${r.int(0, 9)}:0${r.int(0, 9)}Z`
    const style = r.pick(['snake', 'camel'] as const)
    const body = r
      .shuffle(kinds)
      .map(k => {
        const v =
          k === 'name'
            ? pairs.find(p => NOTE_LABELS.name.includes(p[0]))![1]
            : valueOf(who, k, r, dates)
        return `${keyFor(k, r, style)}=${v.includes(' ') ? `"${v}"` : v}`
      })
      .join(' ')
    return `${ts} INFO intake.service patient record loaded ${body}\n${ts} DEBUG intake.service done in 12ms\n`
  }
  if (layout === 'inline') {
    return `Visit note\n${pairs.map(([l, v]) => `${l}: ${v}`).join(', ')}. Seen for follow-up; vitals stable.\n`
  }
  return `Intake summary\n\n${pairs.map(([l, v]) => `${l}: ${v}`).join('\n')}\n\nPlan: follow up in two weeks.\n`
}
