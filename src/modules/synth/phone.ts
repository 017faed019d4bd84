import type { Prng } from './prng.js';

/** A phone number as country calling code and national significant number; E.164 is `+${cc}${nsn}`. */
export interface Phone {
  readonly cc: '33' | '46';
  readonly nsn: string;
}

// Prefixes inside libphonenumber's FR mobile pattern 6(?:[0-24-8]\d|3[0-8]|9[589])|7[3-9]\d.
const FR_MOBILE_6 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter((p) =>
  /^(?:[0-24-8]\d|3[0-8]|9[589])$/.test(p),
);
// FR geographic second digits per zone: 1[0-9], 2[0-57-9], 3[0-9], 4[1-9], 5[0-8] (ARCEP plan, as libphonenumber).
const FR_FIXED: readonly (readonly [string, string])[] = [
  ['1', '0123456789'],
  ['2', '012345789'],
  ['3', '0123456789'],
  ['4', '123456789'],
  ['5', '012345678'],
];
const SE_MOBILE = ['70', '72', '73', '76', '79'];

function digits(rng: Prng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(rng.int(10));
  return out;
}

export function drawFrenchMobile(rng: Prng): Phone {
  if (rng.chance(0.62)) return { cc: '33', nsn: `6${rng.pick(FR_MOBILE_6)}${digits(rng, 6)}` };
  return { cc: '33', nsn: `7${rng.between(3, 9)}${digits(rng, 7)}` };
}

export function drawFrenchLandline(rng: Prng): Phone {
  if (rng.chance(0.12)) return { cc: '33', nsn: `9${digits(rng, 8)}` };
  const [zone, seconds] = rng.pick(FR_FIXED);
  return { cc: '33', nsn: `${zone}${seconds.charAt(rng.int(seconds.length))}${digits(rng, 7)}` };
}

export function drawSwedishMobile(rng: Prng): Phone {
  return { cc: '46', nsn: `${rng.pick(SE_MOBILE)}${digits(rng, 7)}` };
}

export function e164(phone: Phone): string {
  return `+${phone.cc}${phone.nsn}`;
}

export type PhoneStyle = 0 | 1 | 2 | 3 | 4;

/** French: +33612345678, 06 12 34 56 78, 0612345678, +33 6 12 34 56 78, 06.12.34.56.78. Swedish: +46701234567, +46 70 123 45 67, 070-123 45 67, 0701234567. */
export function drawPhoneStyle(phone: Phone, rng: Prng): PhoneStyle {
  const x = rng.float();
  if (phone.cc === '33') return x < 0.2 ? 0 : x < 0.6 ? 1 : x < 0.88 ? 2 : x < 0.94 ? 3 : 4;
  return x < 0.25 ? 0 : x < 0.45 ? 1 : x < 0.75 ? 2 : 3;
}

export function formatPhone(phone: Phone, style: PhoneStyle): string {
  const n = phone.nsn;
  if (phone.cc === '33') {
    const pairs = `${n.slice(1, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7, 9)}`;
    switch (style) {
      case 0:
        return `+33${n}`;
      case 1:
        return `0${n.slice(0, 1)} ${pairs}`;
      case 2:
        return `0${n}`;
      case 3:
        return `+33 ${n.slice(0, 1)} ${pairs}`;
      case 4:
        return `0${n.slice(0, 1)}.${pairs.replace(/ /g, '.')}`;
    }
  }
  const rest = `${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7, 9)}`;
  switch (style) {
    case 0:
      return `+46${n}`;
    case 1:
      return `+46 ${n.slice(0, 2)} ${rest}`;
    case 2:
    case 4:
      return `0${n.slice(0, 2)}-${rest}`;
    case 3:
      return `0${n}`;
  }
}

export function nextPhoneStyle(phone: Phone, style: PhoneStyle): PhoneStyle {
  const count = phone.cc === '33' ? 5 : 4;
  return ((style + 1) % count) as PhoneStyle;
}
