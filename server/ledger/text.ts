// Small shapes the views share: multilingual text and claim periods.
import type { Kravperiode, MultiSpraakTekst } from '../generated/contract.js';
import type { KravperiodeSpec } from './events.js';

/** `{ spraakTekst: [{ tekst, spraak: 'nb' }] }` - only bokmål is ever seen in the real API. */
export function tekst(value: string): MultiSpraakTekst {
  return { spraakTekst: [{ tekst: value, spraak: 'nb' }] };
}

/** A `Kravperiode`; fields other than `periodeBeskrivelse` appear only when the event gives them. */
export function kravperiode(spec: KravperiodeSpec): Kravperiode {
  const p: Kravperiode = { periodeBeskrivelse: tekst(spec.beskrivelse) };
  if (spec.aar !== undefined) p.aar = spec.aar;
  if (spec.fraDato !== undefined) p.fraDato = spec.fraDato;
  if (spec.tilDato !== undefined) p.tilDato = spec.tilDato;
  if (spec.terminTekniskNavn !== undefined) p.terminTekniskNavn = spec.terminTekniskNavn;
  return p;
}

export const SKATTEETATEN_TEKST = 'Skatteetaten';
