// Parametric bust renderer for the four customers. One renderer, four "people" (palette, face
// shape, hair, clothing) and eight expressions (face + posture + small extras), so every file
// shares one flat, warm illustration style.
import { d, el, g, path, rect, circle, ellipse, band, limb, rng, svgDoc, mix } from './svg.mjs';

export const EXPRESSIONS = ['neutral', 'annoyed', 'angry', 'furious', 'withdrawn', 'doubtful', 'relieved', 'pleased'];

const W = 480;
const H = 600;
const CX = 240;
const HEAD_Y = 230; // eye line of the unposed head
const PIVOT = [240, 348]; // head tilts about the top of the neck

// Shared palette.
const INK = '#3A2B27';
const EYE_WHITE = '#FBF8F3';
const IRIS = '#4B3228';
const PUPIL = '#211715';
const MOUTH_IN = '#6E2C2F';
const TONGUE = '#CF6A64';
const TEETH = '#FFFDF8';
const BLUSH = '#F2958A';
const FLUSH = '#E2574B';
const VEIN = '#D9473C';
const SWEAT = '#9FD0EE';
const SPARK = '#F2C14E';
const GLOOM = '#7F90AD';
const QMARK = '#D9953A';

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

// Each person: who they are for the scenario format (`look`: gender, age band, the roles they are
// dressed for, glasses; src/engine/scenario/look.ts lists the same and a test keeps them in step),
// then palette, face shape, hair, clothing and a pose per expression.
const POSES = { neutral: 'none', annoyed: 'crossed', angry: 'lecture', furious: 'fistRaised', withdrawn: 'holdArm', doubtful: 'chin', relieved: 'chest', pleased: 'thumb' };
const man = { lips: null, lashes: false, crease: false, stubble: false, forehead: 0 };
const woman = { lashes: true, crease: true, stubble: false, forehead: 0 };

export const PEOPLE = {
  'shopkeeper-man-50s': {
    look: { gender: 'man', age: '50s', roles: ['shopkeeper', 'casual'], glasses: false },
    label: 'shop owner, man in his early fifties',
    ...man,
    skin: '#E9BA95',
    skinSh: '#D39D78',
    face: { fw: 80, jw: 66, jawY: 60, chinY: 104, chinW: 28, top: -112 },
    eyeScale: 0.96,
    brow: { c: '#2A211F', thick: 1.2 },
    hair: { style: 'crew', c: '#2B2422', sh: '#1B1615', hi: '#4A403C', grey: '#8A827E', greyTop: 0.25 },
    stubble: true,
    forehead: 1,
    handScale: 1.1,
    age: 1,
    neckW: 32,
    body: { sw: 184, cloth: 'polo', c: '#3F6E7E', sh: '#305867', trim: '#EDE4D3', sleeve: 'short', armW: 56 },
    arms: { ...POSES, angry: 'fist', pleased: 'thumb' },
  },
  'business-man-50s': {
    look: { gender: 'man', age: '50s', roles: ['business'], glasses: false },
    label: 'tea trader, man in his fifties',
    ...man,
    skin: '#E4B08A',
    skinSh: '#CC9570',
    face: { fw: 79, jw: 64, jawY: 60, chinY: 104, chinW: 26, top: -114 },
    eyeScale: 0.94,
    brow: { c: '#3A3230', thick: 1.15 },
    hair: { style: 'swept', c: '#57514C', sh: '#3B3633', hi: '#A49D97', grey: '#B5AEA8' },
    forehead: 2,
    age: 1.5,
    handScale: 1.08,
    neckW: 31,
    body: { sw: 180, cloth: 'blazer', c: '#5E4B3B', sh: '#4A3A2D', lapel: '#6B5644', inner: '#EDE6D8', innerSh: '#D6CDBD', collar: true, sleeve: 'long', armW: 54 },
    arms: { ...POSES },
  },
  'business-man-50s-glasses': {
    look: { gender: 'man', age: '50s', roles: ['business'], glasses: true },
    label: 'company boss, man in his late fifties',
    ...man,
    skin: '#EDBE98',
    skinSh: '#D6A07B',
    face: { fw: 83, jw: 69, jawY: 62, chinY: 108, chinW: 32, top: -126 },
    eyeScale: 0.9,
    brow: { c: '#4E4743', thick: 1.1 },
    hair: { style: 'bald', c: '#77706A', sh: '#56504B', hi: '#A39C96' },
    glasses: '#5A4634',
    forehead: 2,
    age: 1.5,
    handScale: 1.1,
    neckW: 34,
    body: { sw: 190, cloth: 'blazer', c: '#2F3B52', sh: '#243045', lapel: '#37445D', inner: '#F2F1EE', innerSh: '#D9DCE0', collar: true, tie: '#A3413A', tieSh: '#83322D', sleeve: 'long', armW: 58 },
    arms: { ...POSES, doubtful: 'glasses' },
  },
  'workwear-man-50s': {
    look: { gender: 'man', age: '50s', roles: ['workwear'], glasses: false },
    label: 'forklift driver, man in his fifties',
    ...man,
    skin: '#DCA47C',
    skinSh: '#C28A64',
    face: { fw: 78, jw: 65, jawY: 60, chinY: 104, chinW: 27, top: -112 },
    eyeScale: 0.92,
    brow: { c: '#2F2926', thick: 1.15 },
    hair: { style: 'crew', c: '#45403C', sh: '#2C2825', hi: '#77706B', grey: '#9A948F', greyTop: 0.55 },
    stubble: true,
    forehead: 2,
    age: 1.5,
    handScale: 1.12,
    neckW: 32,
    body: { sw: 182, cloth: 'zip', c: '#34506E', sh: '#283F58', stripe: '#E39A3C', stripeLine: '#DDE2E5', inner: '#7C8389', sleeve: 'long', armW: 56 },
    arms: { ...POSES, angry: 'fist' },
  },
  'site-man-50s': {
    look: { gender: 'man', age: '50s', roles: ['site'], glasses: false },
    label: 'site chief engineer, man of fifty',
    ...man,
    skin: '#E0AC86',
    skinSh: '#C7926C',
    face: { fw: 76, jw: 59, jawY: 60, chinY: 104, chinW: 21, top: -112 },
    eyeScale: 0.9,
    brow: { c: '#3B3431', thick: 1.1 },
    hair: { style: 'hardhat', c: '#5F5955', sh: '#433E3B', hi: '#948D88', hat: '#F3F1EA', hatSh: '#D3CEC3', hatHi: '#FFFFFF' },
    forehead: 1,
    age: 1.5,
    handScale: 1.08,
    neckW: 30,
    body: { sw: 176, cloth: 'vest', c: '#EC8A3A', sh: '#CC7029', stripe: '#E9EBEC', stripeSh: '#B9BEC2', shirt: '#B7C6D1', shirtSh: '#9AADBA', sleeve: 'long', armW: 52 },
    arms: { ...POSES },
  },
  'casual-man-40s': {
    look: { gender: 'man', age: '40s', roles: ['casual'], glasses: false },
    label: 'restaurant guest, man in his forties',
    ...man,
    skin: '#E8B792',
    skinSh: '#D09C77',
    face: { fw: 81, jw: 68, jawY: 60, chinY: 105, chinW: 29, top: -112 },
    eyeScale: 0.92,
    brow: { c: '#201A18', thick: 1.3 },
    hair: { style: 'swept', c: '#231D1B', sh: '#141010', hi: '#4B413D' },
    stubble: true,
    forehead: 1,
    age: 1,
    handScale: 1.12,
    neckW: 33,
    body: { sw: 186, cloth: 'zip', c: '#5E6B4E', sh: '#4B5740', inner: '#2E2E30', open: true, sleeve: 'long', armW: 56 },
    arms: { ...POSES, angry: 'fist' },
  },
  'office-man-30s': {
    look: { gender: 'man', age: '30s', roles: ['office', 'casual'], glasses: false },
    label: 'office worker, man in his late thirties',
    ...man,
    skin: '#F0C6A2',
    skinSh: '#DAA984',
    face: { fw: 76, jw: 61, jawY: 60, chinY: 102, chinW: 22, top: -112 },
    eyeScale: 0.96,
    brow: { c: '#241D1B', thick: 1.1 },
    hair: { style: 'textured', c: '#2B2321', sh: '#1A1514', hi: '#4E433F' },
    age: 0.5,
    handScale: 1.06,
    neckW: 30,
    body: { sw: 172, cloth: 'sweater', c: '#5C6F86', sh: '#4A5B70', rib: '#51647A', inner: '#F3F1EC', innerSh: '#D8D6D0', sleeve: 'long', armW: 52 },
    arms: { ...POSES },
  },
  'engineer-man-30s': {
    look: { gender: 'man', age: '30s', roles: ['engineer', 'office'], glasses: true },
    label: 'network engineer, man in his thirties',
    ...man,
    skin: '#F1C9A7',
    skinSh: '#DCAB88',
    face: { fw: 76, jw: 59, jawY: 60, chinY: 102, chinW: 21, top: -112 },
    eyeScale: 0.94,
    brow: { c: '#2A2320', thick: 1.0 },
    hair: { style: 'neat', c: '#2A2320', sh: '#191412', hi: '#4A3F3A' },
    age: 0,
    glasses: '#2F3440',
    handScale: 1.06,
    neckW: 29,
    body: { sw: 170, cloth: 'shirt', c: '#CDDCE9', sh: '#AFC3D6', sleeve: 'long', armW: 50, pen: '#2D4E7E' },
    arms: { ...POSES, doubtful: 'glasses' },
  },
  'student-man-20s': {
    look: { gender: 'man', age: '20s', roles: ['student', 'traveller', 'casual'], glasses: false },
    label: 'student, man in his early twenties',
    ...man,
    skin: '#F3CCAA',
    skinSh: '#DEAE8A',
    face: { fw: 72, jw: 55, jawY: 58, chinY: 100, chinW: 18, top: -110 },
    eyeScale: 1.02,
    brow: { c: '#201A19', thick: 1.0 },
    hair: { style: 'messy', c: '#221B1A', sh: '#130F0E', hi: '#4A3E3A' },
    age: 0,
    handScale: 1.02,
    neckW: 27,
    body: { sw: 160, cloth: 'hoodie', c: '#8C97A3', sh: '#74808C', string: '#EEF0F2', sleeve: 'long', armW: 50, straps: '#2E3238', strapsSh: '#1E2126' },
    arms: { ...POSES, pleased: 'thumb' },
  },
  'retiree-man-70s': {
    look: { gender: 'man', age: '70s', roles: ['retiree'], glasses: false },
    label: 'retired man in his seventies',
    ...man,
    skin: '#E9BC98',
    skinSh: '#D1A07C',
    face: { fw: 77, jw: 62, jawY: 62, chinY: 103, chinW: 24, top: -116 },
    eyeScale: 0.88,
    brow: { c: '#B3ACA6', thick: 1.2 },
    hair: { style: 'thinwhite', c: '#E7E3DD', sh: '#BDB7B0', hi: '#FFFFFF' },
    forehead: 3,
    age: 3,
    handScale: 1.04,
    neckW: 28,
    body: { sw: 166, cloth: 'cardigan', c: '#8A6A4F', sh: '#72563F', rib: '#7D5F46', top: '#E8E3D8', topSh: '#D2CBBE', collar: true, sleeve: 'long', armW: 50 },
    arms: { ...POSES, pleased: 'clasp' },
  },
  'traveller-woman-20s': {
    look: { gender: 'woman', age: '20s', roles: ['traveller', 'student', 'casual'], glasses: false },
    label: 'young woman travelling, late twenties',
    ...woman,
    skin: '#F5D3BA',
    skinSh: '#E5B89A',
    face: { fw: 71, jw: 52, jawY: 58, chinY: 99, chinW: 15, top: -110 },
    eyeScale: 1.0,
    brow: { c: '#3A2B27', thick: 0.85 },
    hair: { style: 'ponytail', c: '#2A201D', sh: '#1A1311', hi: '#4E3D37', cap: '#48586A', capSh: '#38455A', capHi: '#5B6C80' },
    lips: '#D58A80',
    age: 0,
    neckW: 25,
    body: { sw: 150, cloth: 'hoodie', c: '#7E9A9A', sh: '#688383', string: '#F1EEE8', sleeve: 'long', armW: 46 },
    arms: { ...POSES, angry: 'fist', pleased: 'clasp' },
  },
  'office-woman-30s': {
    look: { gender: 'woman', age: '30s', roles: ['office', 'casual'], glasses: false },
    label: 'office worker, woman around thirty',
    ...woman,
    skin: '#F6D5BD',
    skinSh: '#E8B99D',
    face: { fw: 73, jw: 53, jawY: 58, chinY: 100, chinW: 16, top: -110 },
    eyeScale: 1.0,
    brow: { c: '#4A3630', thick: 0.85 },
    hair: { style: 'bob', c: '#3B2B27', sh: '#281C19', hi: '#5E463D' },
    lips: '#D8827A',
    age: 0,
    neckW: 26,
    body: { sw: 152, cloth: 'cardigan', c: '#D8C3A3', sh: '#BFA785', rib: '#CBB492', top: '#F3EFE8', topSh: '#DCD6CC', sleeve: 'long', armW: 46, strap: '#7A5140', strapSh: '#5C3C30' },
    arms: { ...POSES, neutral: 'strap', angry: 'fist', pleased: 'clasp' },
  },
  'business-woman-40s': {
    look: { gender: 'woman', age: '40s', roles: ['business', 'office'], glasses: false },
    label: 'export manager, woman in her forties',
    ...woman,
    skin: '#F2CDB1',
    skinSh: '#E0B093',
    face: { fw: 74, jw: 55, jawY: 58, chinY: 100, chinW: 17, top: -110 },
    eyeScale: 0.97,
    brow: { c: '#3A2A26', thick: 0.9 },
    hair: { style: 'bun', c: '#2E2220', sh: '#1E1614', hi: '#54403A' },
    lips: '#C45E5A',
    earrings: '#F3EBDD',
    age: 1,
    neckW: 26,
    body: { sw: 154, cloth: 'blazer', c: '#2E3E5C', sh: '#24314A', lapel: '#364869', inner: '#F4EDE2', innerSh: '#E0D6C6', sleeve: 'long', armW: 48 },
    arms: { ...POSES, pleased: 'clasp' },
  },
  'office-woman-40s-glasses': {
    look: { gender: 'woman', age: '40s', roles: ['office', 'business'], glasses: true },
    label: 'logistics manager, woman in her early forties',
    ...woman,
    skin: '#F0CBAE',
    skinSh: '#DCAE8F',
    face: { fw: 73, jw: 54, jawY: 58, chinY: 100, chinW: 16, top: -110 },
    eyeScale: 0.95,
    brow: { c: '#4A342D', thick: 0.85 },
    hair: { style: 'shortw', c: '#3C2A24', sh: '#271B17', hi: '#6B4E43' },
    glasses: '#7A3B35',
    lips: '#C9786F',
    age: 1,
    neckW: 26,
    body: { sw: 154, cloth: 'blazer', c: '#8E9196', sh: '#777A80', lapel: '#9A9DA2', inner: '#34363C', innerSh: '#26282D', sleeve: 'long', armW: 48, lanyard: '#3F6FA3' },
    arms: { ...POSES, doubtful: 'glasses', pleased: 'clasp' },
  },
  'retiree-woman-60s': {
    look: { gender: 'woman', age: '60s', roles: ['retiree'], glasses: false },
    label: 'retired teacher, woman in her sixties',
    ...woman,
    crease: false,
    skin: '#EFC5A5',
    skinSh: '#DBA786',
    face: { fw: 78, jw: 62, jawY: 60, chinY: 101, chinW: 24, top: -110 },
    eyeScale: 0.92,
    brow: { c: '#857A73', thick: 0.8 },
    hair: { style: 'perm', c: '#BEB9B5', sh: '#9E9894', hi: '#DCD8D4' },
    lips: '#C7716B',
    age: 2,
    neckW: 26,
    body: { sw: 160, cloth: 'blouse', c: '#C56E69', sh: '#A65955', flower: '#F5E3CC', leaf: '#8AA57F', dot: '#E9B75A', collar: '#F4E9D8', collarSh: '#DFD0BA', sleeve: 'long', armW: 50 },
    arms: { ...POSES, pleased: 'clasp' },
  },
  'retiree-woman-70s': {
    look: { gender: 'woman', age: '70s', roles: ['retiree'], glasses: false },
    label: 'retired mill worker, woman in her seventies',
    ...woman,
    crease: false,
    skin: '#E4B48F',
    skinSh: '#CC9B77',
    face: { fw: 76, jw: 60, jawY: 60, chinY: 100, chinW: 22, top: -110 },
    eyeScale: 0.86,
    brow: { c: '#A09790', thick: 0.75 },
    hair: { style: 'shortwhite', c: '#E6E2DC', sh: '#C2BCB5', hi: '#FFFFFF' },
    lips: '#B97C72',
    forehead: 2,
    age: 3,
    neckW: 25,
    body: { sw: 156, cloth: 'cardigan', c: '#8B4A4A', sh: '#733B3B', rib: '#7D4242', top: '#D9D2C4', topSh: '#C2BAAB', sleeve: 'long', armW: 48 },
    arms: { ...POSES, angry: 'fist', pleased: 'clasp' },
  },
};

// ---------------------------------------------------------------------------------------------
// Expressions: face + posture + extras
// ---------------------------------------------------------------------------------------------

const BASE = {
  brow: { in: 0, out: 0, raise: 0, arch: 3 },
  eye: { kind: 'open', open: 1, lidIn: 0, lidOut: 0, gaze: [0, 0], iris: 1 },
  mouth: { kind: 'curve', w: 15, corner: -1, mid: 2.5 },
  blush: 0.18,
  flush: 0,
  faceRed: 0,
  tilt: 0,
  hdx: 0,
  hdy: 0,
  turn: 0,
  raise: 0,
  slump: 0,
  furrow: 0,
  extras: [],
};

export const EXPR = {
  neutral: {},
  annoyed: {
    brow: { in: 7, out: -1, raise: 3, arch: 1 },
    eye: { open: 0.58, lidIn: 0.1, lidOut: 0.05, gaze: [1, 0.1] },
    mouth: { kind: 'curve', w: 14, cornerL: 4, cornerR: 1, mid: -1.5, dx: 4 },
    blush: 0.1,
    tilt: -4,
    hdy: -2,
    turn: 0.2,
    raise: 6,
    furrow: 1,
    extras: ['huff'],
  },
  angry: {
    brow: { in: 13, out: -5, raise: 3, arch: -1, thick: 1.25 },
    eye: { open: 0.85, lidIn: 0.6, gaze: [0, 0], iris: 0.92 },
    mouth: { kind: 'open', w: 22, top: -4, bottom: 25, corner: 5, teeth: 'upper' },
    blush: 0,
    flush: 0.7,
    tilt: 0,
    hdy: 10,
    raise: 16,
    furrow: 2,
    extras: ['hatch'],
  },
  furious: {
    brow: { in: 17, out: -9, raise: 1, arch: -2, thick: 1.4 },
    eye: { open: 1.05, lidIn: 0.62, gaze: [0, 0], iris: 0.72 },
    mouth: { kind: 'open', w: 29, top: -7, bottom: 42, corner: 3, teeth: 'both', square: true },
    blush: 0,
    flush: 1,
    faceRed: 0.2,
    tilt: 3,
    hdy: 8,
    raise: 22,
    furrow: 3,
    extras: ['hatch', 'vein', 'sweat'],
  },
  withdrawn: {
    brow: { in: -8, out: 4, raise: 0, arch: 1 },
    eye: { open: 0.55, lidIn: 0, lidOut: 0.3, gaze: [-1, 0.9] },
    mouth: { kind: 'curve', w: 11, corner: 3, mid: -1.5 },
    blush: 0,
    tilt: -7,
    hdx: -8,
    hdy: 14,
    turn: -0.7,
    raise: -4,
    slump: 16,
    extras: ['gloom'],
  },
  doubtful: {
    browL: { in: -2, out: 3, raise: -12, arch: 6 },
    browR: { in: 7, out: 1, raise: 2, arch: 1 },
    eyeL: { open: 1.08 },
    eyeR: { open: 0.6, lidIn: 0.3 },
    eye: { gaze: [0.6, 0] },
    mouth: { kind: 'curve', w: 14, cornerL: 3, cornerR: -5, mid: 0.5, dx: 5, dimple: true },
    blush: 0.1,
    tilt: 8,
    hdx: 6,
    hdy: 2,
    turn: 0.15,
    extras: ['qmark'],
  },
  relieved: {
    brow: { in: -6, out: 1, raise: -4, arch: 5 },
    eye: { kind: 'closedCalm' },
    mouth: { kind: 'exhale', w: 8 },
    blush: 0.35,
    tilt: -4,
    hdy: 6,
    raise: -10,
    slump: 8,
    extras: ['puff'],
  },
  pleased: {
    brow: { in: -3, out: -1, raise: -5, arch: 6 },
    eye: { kind: 'closedHappy' },
    mouth: { kind: 'open', w: 23, top: 0, bottom: 24, corner: -5, teeth: 'upper', smile: true },
    blush: 0.6,
    tilt: 6,
    hdy: -4,
    raise: 2,
    extras: ['sparkles'],
  },
};

function resolveExpr(name) {
  const e = EXPR[name];
  const eye = { ...BASE.eye, ...(e.eye || {}) };
  const brow = { ...BASE.brow, ...(e.brow || {}) };
  return {
    ...BASE,
    ...e,
    mouth: { ...BASE.mouth, ...(e.mouth || {}) },
    eyeL: { ...eye, ...(e.eyeL || {}) },
    eyeR: { ...eye, ...(e.eyeR || {}) },
    browL: { ...brow, ...(e.browL || {}) },
    browR: { ...brow, ...(e.browR || {}) },
  };
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------------

const add = (a, b) => [a[0] + b[0], a[1] + b[1]];
const sub = (a, b) => [a[0] - b[0], a[1] - b[1]];
const mul = (a, k) => [a[0] * k, a[1] * k];
const norm = (a) => {
  const L = Math.hypot(a[0], a[1]) || 1;
  return [a[0] / L, a[1] / L];
};
const rot = (p, deg) => {
  const r = (deg * Math.PI) / 180;
  return [p[0] * Math.cos(r) - p[1] * Math.sin(r), p[0] * Math.sin(r) + p[1] * Math.cos(r)];
};

function facePath(F, cdx = 0) {
  const { fw, jw, jawY, chinY, chinW, top } = F;
  return (
    d`M${cdx * 0.2} ${top}` +
    d`C${fw * 0.62} ${top} ${fw} ${top + 40} ${fw} ${-8}` +
    d`C${fw} ${24} ${jw + 10} ${jawY - 14} ${jw} ${jawY}` +
    d`C${jw - 10} ${jawY + 22} ${chinW + 14 + cdx} ${chinY} ${cdx} ${chinY}` +
    d`C${-chinW - 14 + cdx} ${chinY} ${-jw + 10} ${jawY + 22} ${-jw} ${jawY}` +
    d`C${-jw - 10} ${jawY - 14} ${-fw} ${24} ${-fw} ${-8}` +
    d`C${-fw} ${top + 40} ${-fw * 0.62} ${top} ${cdx * 0.2} ${top}Z`
  );
}

// ---------------------------------------------------------------------------------------------
// Face parts (head-local coordinates: origin between the eyes, +y down)
// ---------------------------------------------------------------------------------------------

function eyeSVG(side, cx, cy, E, P, sw, id, defs) {
  const X = (x) => cx + side * x * sw;
  const Y = (y) => cy + y;
  if (E.kind === 'closedHappy') {
    return band([X(-14), Y(4)], [X(0), Y(-12)], [X(15), Y(2)], 4.8, INK);
  }
  if (E.kind === 'closedCalm') {
    return (
      band([X(-14), Y(1)], [X(0), Y(8)], [X(15), Y(-1)], 4.2, INK) +
      (P.lashes ? band([X(12), Y(1)], [X(17), Y(1)], [X(21), Y(-3)], 2.2, INK) : '')
    );
  }
  const s = P.eyeScale;
  const o = E.open;
  const hu = 10 * o * s;
  const hd = 6.5 * o * s;
  const k = 1.33;
  const w = 15 * s;
  const upIn = Y(2 - k * hu * (1 - E.lidIn));
  const upOut = Y(-2 - k * hu * (1 - E.lidOut));
  const shape =
    d`M${X(-w)} ${Y(2)}C${X(-8 * s)} ${upIn} ${X(8 * s)} ${upOut} ${X(w)} ${Y(-2)}` +
    d`C${X(8 * s)} ${Y(-2 + k * hd)} ${X(-8 * s)} ${Y(2 + k * hd)} ${X(-w)} ${Y(2)}Z`;
  defs.push(el('clipPath', { id }, path(shape)));
  const ir = 8.6 * s * E.iris;
  const icx = cx + E.gaze[0] * 6 * sw;
  const icy = cy + 1 + E.gaze[1] * 3.5;
  const wing = P.lashes ? [w + 6, -7] : [w + 3, -4];
  const lash =
    d`M${X(-w)} ${Y(2)}C${X(-8 * s)} ${upIn} ${X(8 * s)} ${upOut} ${X(w)} ${Y(-2)}` +
    d`L${X(wing[0])} ${Y(wing[1])}` +
    d`C${X(8 * s)} ${upOut - 3.6} ${X(-8 * s)} ${upIn - 2.2} ${X(-w - 0.8)} ${Y(1)}Z`;
  let out = '';
  if (P.crease && o > 0.5) {
    out += band([X(-6 * s), Y(-hu - 3)], [X(4), Y(-hu * 1.35 - 5)], [X(w - 1), Y(-hu * 0.55 - 4)], 1.8, mix(P.skinSh, INK, 0.2), { opacity: 0.8 });
  }
  out += path(shape, EYE_WHITE);
  out += g(
    { 'clip-path': `url(#${id})` },
    circle(icx, icy, ir, IRIS),
    circle(icx, icy, ir * 0.5, PUPIL),
    circle(icx - 2.8, icy - 3.2, 2.5 * s, '#FFFFFF'),
    path(d`M${X(-w)} ${Y(2)}C${X(-8 * s)} ${upIn} ${X(8 * s)} ${upOut} ${X(w)} ${Y(-2)}L${X(w)} ${Y(-16)}L${X(-w)} ${Y(-16)}Z`, P.skinSh, { opacity: 0.45, transform: 'translate(0 2.5)' }),
  );
  out += path(lash, INK);
  // soft lower lid
  out += path(d`M${X(-w + 3)} ${Y(2 + k * hd * 0.55)}C${X(-6 * s)} ${Y(2 + k * hd)} ${X(8 * s)} ${Y(-2 + k * hd)} ${X(w - 1)} ${Y(0)}`, 'none', {
    stroke: mix(P.skinSh, INK, 0.25),
    'stroke-width': 1.4,
    'stroke-linecap': 'round',
    opacity: 0.7,
  });
  if (P.age >= 2) {
    out += band([X(-8), Y(hd * 1.2 + 6)], [X(2), Y(hd * 1.2 + 10)], [X(12), Y(hd * 1.2 + 4)], 1.4, P.skinSh);
  }
  return out;
}

function browSVG(side, cx, B, P, browY) {
  const t = (B.thick || 1) * P.brow.thick;
  const xi = cx + side * -18;
  const xo = cx + side * 23;
  const xm = cx + side * 3;
  const yi = browY + B.in + B.raise;
  const yo = browY + B.out + B.raise - 1;
  const ym = (yi + yo) / 2 - B.arch - 2;
  const ti = 8 * t;
  const tm = 7.5 * t;
  return path(d`M${xi} ${yi - ti / 2}Q${xm} ${ym - tm * 0.75} ${xo} ${yo}Q${xm} ${ym + tm * 0.55} ${xi} ${yi + ti / 2}Z`, P.brow.c, {
    stroke: P.brow.c,
    'stroke-width': 2,
    'stroke-linejoin': 'round',
  });
}

function mouthSVG(M, P, mx, my, defs) {
  const lipLine = mix(P.skinSh, MOUTH_IN, 0.55);
  const w = M.w;
  if (M.kind === 'curve') {
    const cl = M.cornerL ?? M.corner;
    const cr = M.cornerR ?? M.corner;
    const x0 = mx + (M.dx || 0);
    let out = '';
    if (P.lips) {
      out += path(d`M${x0 - w * 0.7} ${my + 3}Q${x0} ${my + 14} ${x0 + w * 0.7} ${my + 3}Q${x0} ${my + 6} ${x0 - w * 0.7} ${my + 3}Z`, P.lips, { opacity: 0.8 });
    } else {
      out += band([x0 - w * 0.5, my + 9], [x0, my + 12], [x0 + w * 0.5, my + 9], 2.4, P.skinSh, { opacity: 0.8 });
    }
    out += band([x0 - w, my + cl], [x0, my + M.mid * 2 - (cl + cr) / 2], [x0 + w, my + cr], 4, P.lips ? mix(P.lips, MOUTH_IN, 0.6) : lipLine);
    if (M.dimple) out += band([x0 + w - 1, my + cr - 4], [x0 + w + 3, my + cr], [x0 + w + 1, my + cr + 4], 1.6, P.skinSh);
    return out;
  }
  if (M.kind === 'exhale') {
    return (
      ellipse(mx, my + 4, w * 0.8, w * 0.62, mix(MOUTH_IN, TONGUE, 0.35)) +
      ellipse(mx, my + 4, w * 0.8, w * 0.62, 'none', { stroke: P.lips || lipLine, 'stroke-width': 2.2 }) +
      band([mx - w - 7, my - 1], [mx - w - 3, my + 1], [mx - w + 1, my + 1], 1.6, lipLine) +
      band([mx + w - 1, my + 1], [mx + w + 3, my + 1], [mx + w + 7, my - 1], 1.6, lipLine)
    );
  }
  // open mouth
  const cy = my + M.corner;
  const t = M.top;
  const b = M.bottom;
  const k = M.square ? 0.62 : 0.5;
  const shape = d`M${mx - w} ${cy}C${mx - w * k} ${my + t} ${mx + w * k} ${my + t} ${mx + w} ${cy}C${mx + w * 0.75} ${my + b} ${mx - w * 0.75} ${my + b} ${mx - w} ${cy}Z`;
  const id = 'mouth';
  defs.push(el('clipPath', { id }, path(shape)));
  const topY = my + t * 0.75 + (M.corner * 0.25);
  const botY = cy + (b - M.corner) * 0.75;
  let inner = rect(mx - w - 2, my + t - 8, w * 2 + 4, b - t + 16, MOUTH_IN);
  inner += ellipse(mx, botY + 2, w * 0.6, Math.max(6, (botY - topY) * 0.32), TONGUE);
  if (M.teeth === 'upper' || M.teeth === 'both') inner += path(d`M${mx - w - 2} ${topY - 12}H${mx + w + 2}V${topY + (M.smile ? 6 : 7)}Q${mx} ${topY + 9} ${mx - w - 2} ${topY + 6}Z`, TEETH);
  if (M.teeth === 'both') inner += path(d`M${mx - w - 2} ${botY + 12}H${mx + w + 2}V${botY - 6}Q${mx} ${botY - 9} ${mx - w - 2} ${botY - 6}Z`, TEETH);
  let out = g({ 'clip-path': `url(#${id})` }, inner);
  out += path(shape, 'none', { stroke: P.lips || lipLine, 'stroke-width': 2.4, 'stroke-linejoin': 'round' });
  if (M.smile) {
    out += band([mx - w - 5, cy - 3], [mx - w - 1, cy - 1], [mx - w + 1, cy + 3], 1.6, lipLine);
    out += band([mx + w - 1, cy + 3], [mx + w + 1, cy - 1], [mx + w + 5, cy - 3], 1.6, lipLine);
  }
  return out;
}

function noseSVG(P, nx, ny) {
  const dark = mix(P.skinSh, INK, 0.22);
  return (
    band([nx + 4, ny - 30], [nx + 9, ny - 14], [nx + 8, ny - 2], 3.2, P.skinSh, { opacity: 0.8 }) +
    band([nx - 8, ny + 2], [nx, ny + 9], [nx + 8, ny + 1], 3.4, dark) +
    ellipse(nx + 2, ny + 12, 9, 3, P.skinSh, { opacity: 0.45 })
  );
}

// ---------------------------------------------------------------------------------------------
// Hair
// ---------------------------------------------------------------------------------------------

function hairBack(P) {
  const h = P.hair;
  if (h.style === 'bob') {
    return (
      path('M0 -140C70 -140 104 -96 102 -30C101 30 104 100 110 148C114 172 102 186 84 184L-84 184C-102 186 -114 172 -110 148C-104 100 -101 30 -102 -30C-104 -96 -70 -140 0 -140Z', h.sh) +
      path('M0 -132C60 -132 92 -92 92 -30C92 30 94 100 98 150L-98 150C-94 100 -92 30 -92 -30C-92 -92 -60 -132 0 -132Z', mix(h.sh, '#000000', 0.15))
    );
  }
  if (h.style === 'perm') {
    const r = rng(7);
    const c = mix(h.c, h.sh, 0.55);
    let out = ellipse(0, -36, 96, 90, c);
    for (let i = 0; i <= 10; i++) {
      const a = Math.PI * (-0.12 + (1.24 * i) / 10);
      out += circle(Math.cos(a) * 92, -36 - Math.sin(a) * 84, 24 + r() * 6, c);
    }
    for (const s of [-1, 1]) out += circle(s * 90, 30, 24, c) + circle(s * 80, 50, 19, c);
    for (let i = 0; i < 10; i++) {
      const a = Math.PI * (-0.1 + (1.2 * i) / 9);
      const x = Math.cos(a) * 98;
      const y = -36 - Math.sin(a) * 90;
      out += band([x - 8, y], [x, y + 9], [x + 8, y - 1], 2.6, mix(h.sh, '#000000', 0.12));
    }
    return out;
  }
  if (h.style === 'shortw') {
    return path('M0 -140C70 -142 106 -100 104 -36C103 4 106 40 100 62C90 78 70 76 60 70L-60 70C-72 78 -94 76 -102 60C-108 40 -104 4 -104 -36C-106 -100 -70 -140 0 -140Z', h.sh);
  }
  if (h.style === 'shortwhite') {
    return path('M0 -136C66 -138 102 -96 100 -34C100 -4 102 18 96 32L-96 32C-102 18 -100 -4 -100 -34C-102 -96 -66 -136 0 -136Z', mix(h.sh, '#8E877F', 0.25));
  }
  if (h.style === 'bun') {
    // a low chignon peeking out behind the neck on the right
    return circle(70, 26, 34, h.sh) + circle(74, 22, 28, h.c) + band([50, 6], [74, -4], [96, 14], 3, h.hi, { opacity: 0.6 }) + band([52, 36], [74, 46], [98, 32], 3, h.sh);
  }
  if (h.style === 'ponytail') {
    const tail = 'M44 -80C96 -90 118 -30 110 40C106 90 92 140 80 170C72 150 70 110 72 60C74 10 70 -40 44 -80Z';
    return path(tail, h.sh) + band([78, -40], [100, 30], [86, 150], 3, h.hi, { opacity: 0.7 }) + band([60, -60], [88, 0], [80, 120], 2.4, mix(h.sh, '#000000', 0.2));
  }
  return '';
}

/** Grey temples (the crew cut and the swept-back cut). */
function greyTemples(h) {
  return (
    path('M-83 -30L-80 6L-74 6C-74 -8 -73 -22 -70 -40Z', h.grey, { opacity: 0.8 }) +
    path('M83 -30L80 6L74 6C74 -8 73 -22 70 -40Z', h.grey, { opacity: 0.8 })
  );
}

/** Salt and pepper: short grey strokes scattered over a cap, seeded so the art stays deterministic. */
function saltPepper(h, seed, box, amount) {
  const r = rng(seed);
  let out = '';
  const n = Math.round(amount * 60);
  for (let i = 0; i < n; i++) {
    const x = box[0] + r() * (box[2] - box[0]);
    const y = box[1] + r() * (box[3] - box[1]);
    if (Math.hypot(x / 82, (y + 70) / 66) > 1) continue;
    const a = -60 + r() * 30;
    const p1 = rot([0, -7], a);
    out += band([x, y], [x + p1[0] / 2, y + p1[1] / 2 + 1], [x + p1[0], y + p1[1]], 1.6, h.grey, { opacity: 0.75 });
  }
  return out;
}

function hairFront(P) {
  const h = P.hair;
  if (h.style === 'crew') {
    const cap =
      'M-80 6L-84 -28C-93 -80 -66 -128 -16 -135C28 -141 76 -128 87 -88C93 -64 89 -40 84 -28L80 6L74 6C72 -18 72 -36 68 -48C63 -60 54 -66 44 -68C32 -76 8 -80 -12 -77C-34 -74 -56 -66 -66 -52C-72 -40 -74 -18 -74 6Z';
    return {
      shadow: cap,
      svg:
        path(cap, h.c) +
        path('M-84 -28C-93 -80 -66 -128 -16 -135C-50 -120 -70 -90 -72 -50Z', h.hi, { opacity: 0.5 }) +
        band([-52, -104], [-20, -126], [22, -126], 7, h.hi) +
        band([10, -112], [40, -114], [64, -98], 4, h.hi, { opacity: 0.7 }) +
        greyTemples(h) +
        (h.greyTop ? saltPepper(h, 41, [-80, -134, 86, -50], h.greyTop) : ''),
    };
  }
  if (h.style === 'swept') {
    // swept back from a high hairline, grey at the temples when there is grey
    const cap =
      'M-78 4L-80 -30C-90 -86 -60 -134 -6 -140C46 -144 88 -114 88 -66C88 -46 84 -34 80 -24L76 4L71 4C71 -18 70 -36 64 -52C52 -72 30 -82 4 -84C-22 -86 -46 -80 -60 -66C-68 -50 -71 -22 -71 4Z';
    let strands = '';
    for (const [x0, x1] of [[-52, -44], [-30, -22], [-8, 0], [14, 22], [36, 44], [56, 62]]) {
      strands += band([x0, -76 - Math.abs(x0) * 0.12], [x0 + 3, -104], [x1, -132 + Math.abs(x1) * 0.2], 2.6, h.hi, { opacity: 0.6 });
    }
    return {
      shadow: cap,
      svg:
        path(cap, h.c) +
        path('M-80 -30C-90 -86 -60 -134 -6 -140C-44 -124 -66 -96 -70 -56Z', h.sh, { opacity: 0.6 }) +
        strands +
        band([-40, -82], [0, -90], [46, -78], 2.4, h.sh, { opacity: 0.8 }) +
        (h.grey ? greyTemples(h) + band([-70, -40], [-74, -80], [-56, -110], 5, h.grey, { opacity: 0.5 }) + band([70, -40], [74, -80], [56, -110], 5, h.grey, { opacity: 0.5 }) : ''),
    };
  }
  if (h.style === 'bald') {
    // a bald crown with a grey fringe round the sides and back
    const side = (s) => d`M${s * 86} 10C${s * 92} -30 ${s * 90} -72 ${s * 68} -98C${s * 62} -92 ${s * 62} -86 ${s * 66} -78C${s * 76} -50 ${s * 77} -20 ${s * 76} 10Z`;
    return {
      shadow: side(-1) + side(1),
      svg:
        path(side(-1) + side(1), h.c) +
        band([-84, -40], [-86, -70], [-70, -94], 2.5, h.hi, { opacity: 0.7 }) +
        band([84, -40], [86, -70], [70, -94], 2.5, h.sh, { opacity: 0.7 }) +
        band([-34, -112], [0, -122], [36, -114], 2, h.c, { opacity: 0.45 }) +
        band([-24, -104], [6, -114], [30, -106], 1.6, h.c, { opacity: 0.35 }) +
        ellipse(-24, -98, 30, 12, '#FFFFFF', { opacity: 0.22, transform: 'rotate(-14 -24 -98)' }),
    };
  }
  if (h.style === 'hardhat') {
    const dome = 'M-96 -56C-98 -128 -56 -164 0 -164C56 -164 98 -128 96 -56Z';
    const brim = 'M-112 -58Q0 -80 112 -58Q118 -46 106 -42Q0 -62 -106 -42Q-118 -46 -112 -58Z';
    const sideburn = (s) => d`M${s * 82} -48L${s * 80} 6L${s * 73} 6C${s * 73} -14 ${s * 72} -32 ${s * 70} -48Z`;
    return {
      shadow: 'M-96 -50Q0 -70 96 -50L96 -36Q0 -56 -96 -36Z',
      svg:
        path(sideburn(-1) + sideburn(1), h.c) +
        path(sideburn(-1) + sideburn(1), h.hi, { opacity: 0.45 }) +
        path(dome, h.hat) +
        path('M30 -160C70 -150 96 -110 96 -56L60 -56C64 -100 56 -136 30 -160Z', h.hatSh) +
        path('M-12 -163C-14 -120 -14 -80 -12 -58L12 -58C14 -80 14 -120 12 -163Z', h.hatSh, { opacity: 0.7 }) +
        band([-70, -84], [-62, -128], [-30, -152], 6, h.hatHi, { opacity: 0.8 }) +
        path(brim, h.hatSh) +
        band([-108, -56], [0, -78], [108, -56], 2.2, h.hatHi) +
        rect(-52, -104, 30, 20, '#3E7D5A', { rx: 3 }) +
        path('M-40 -100h6v5h5v6h-5v5h-6v-5h-5v-6h5Z', '#F3F1EA'),
    };
  }
  if (h.style === 'textured') {
    const cap =
      'M-76 4L-80 -34C-90 -92 -58 -146 0 -150C58 -154 92 -110 86 -60C85 -44 82 -34 78 -26L74 4L70 4C70 -18 68 -40 62 -56C52 -74 30 -82 8 -82C-12 -86 -36 -84 -56 -70C-66 -56 -70 -30 -70 4Z';
    return {
      shadow: cap,
      svg:
        path(cap, h.c) +
        path('M-40 -84L-30 -112L-20 -86L-6 -120L6 -88L22 -124L30 -90L46 -116L48 -80Z', h.c) +
        band([-34, -100], [-10, -136], [30, -138], 6, h.hi) +
        band([4, -108], [30, -120], [62, -100], 4, h.hi, { opacity: 0.7 }) +
        band([-70, -60], [-64, -100], [-44, -124], 4, h.hi, { opacity: 0.5 }) +
        band([-30, -90], [-18, -104], [-6, -118], 2, h.sh) +
        band([10, -92], [20, -108], [26, -122], 2, h.sh),
    };
  }
  if (h.style === 'messy') {
    const cap =
      'M-80 4L-82 -40C-92 -102 -56 -148 0 -150C60 -152 96 -106 86 -40L80 4L73 4C73 -20 71 -36 67 -46L58 -48L52 -62L40 -46L30 -64L16 -48L4 -66L-8 -50L-20 -68L-30 -50L-44 -64L-54 -46L-66 -50C-70 -36 -73 -20 -73 4Z';
    return {
      shadow: cap,
      svg:
        path(cap, h.c) +
        path('M-44 -128L-90 -118L-62 -148L-30 -140ZM34 -140L84 -132L62 -106L50 -124ZM-16 -144L6 -168L20 -140Z', h.c) +
        band([-50, -120], [-10, -142], [40, -132], 6, h.hi) +
        band([-64, -70], [-50, -96], [-30, -110], 3, h.hi, { opacity: 0.6 }) +
        band([20, -70], [30, -100], [50, -112], 3, h.sh) +
        band([-20, -72], [-12, -96], [4, -112], 2.4, h.sh),
    };
  }
  if (h.style === 'thinwhite') {
    const cap =
      'M-78 0L-82 -40C-92 -96 -56 -138 -4 -142C50 -144 90 -110 86 -50L80 0L74 0C74 -30 70 -56 58 -76C44 -94 20 -100 0 -100C-22 -100 -44 -94 -58 -76C-70 -56 -74 -30 -74 0Z';
    let combs = '';
    for (let i = 0; i < 7; i++) {
      const x = -54 + i * 18;
      combs += band([x, -98 + Math.abs(x) * 0.2], [x + 8, -120], [x + 14, -138 + Math.abs(x) * 0.25], 1.4, h.sh, { opacity: 0.8 });
    }
    return {
      shadow: cap,
      svg: path(cap, h.c) + path('M-82 -40C-92 -96 -56 -138 -4 -142C-40 -126 -62 -100 -68 -60Z', h.sh, { opacity: 0.4 }) + combs + band([-30, -126], [10, -138], [50, -124], 4, h.hi),
    };
  }
  if (h.style === 'ponytail') {
    // hair pulled back under a cap pulled low; a few strands in front of the ears
    const crown = 'M-88 -62C-92 -130 -50 -154 0 -154C50 -154 92 -130 88 -62Z';
    const brim = 'M-96 -64Q0 -92 100 -62Q98 -50 84 -48Q40 -44 0 -46Q-50 -46 -86 -52Q-98 -54 -96 -64Z';
    const locks = (s) => d`M${s * 84} -60C${s * 92} -24 ${s * 88} 12 ${s * 80} 30L${s * 72} 24C${s * 74} 0 ${s * 74} -30 ${s * 70} -58Z`;
    return {
      shadow: 'M-90 -56Q0 -80 96 -50L96 -36Q40 -34 0 -36Q-50 -36 -90 -40Z',
      svg:
        path(locks(-1) + locks(1), h.c) +
        band([-80, -40], [-84, -6], [-78, 20], 2, h.hi, { opacity: 0.6 }) +
        path(crown, h.cap) +
        path('M26 -150C66 -140 92 -110 88 -62L56 -62C62 -100 52 -130 26 -150Z', h.capSh) +
        band([0, -154], [-24, -110], [-40, -64], 2, h.capSh) +
        band([0, -154], [24, -110], [36, -64], 2, h.capSh) +
        circle(0, -154, 6, h.capSh) +
        band([-70, -86], [-60, -126], [-28, -146], 5, h.capHi, { opacity: 0.8 }) +
        path(brim, h.capSh) +
        path('M-88 -58Q-40 -50 0 -50Q40 -50 90 -56Q60 -48 0 -46Q-50 -46 -88 -58Z', mix(h.capSh, INK, 0.35)) +
        band([-94, -64], [0, -90], [100, -62], 2.4, h.capHi),
    };
  }
  if (h.style === 'shortw') {
    // a short layered bob to the jaw, the fringe swept to one side
    const left = 'M30 -138C-34 -142 -96 -110 -98 -40C-99 -6 -98 30 -92 60C-84 72 -70 70 -66 60C-70 30 -70 0 -66 -24C-62 -46 -40 -62 -8 -70C14 -78 28 -96 30 -120Z';
    const right = 'M30 -138C76 -136 100 -100 98 -40C98 -6 98 30 92 58C86 70 74 68 70 58C72 30 72 0 68 -26C64 -50 52 -70 30 -84Z';
    return {
      shadow: left + right,
      svg:
        path(left + right, h.c) +
        band([-64, -100], [-12, -134], [40, -124], 6, h.hi) +
        band([-84, -20], [-90, 20], [-88, 58], 3, h.sh) +
        band([84, -20], [88, 20], [86, 56], 3, h.sh) +
        band([-48, -56], [-14, -70], [20, -96], 3, h.sh, { opacity: 0.8 }) +
        band([-80, 30], [-76, 50], [-70, 62], 2, h.hi, { opacity: 0.6 }),
    };
  }
  if (h.style === 'shortwhite') {
    // short, soft white hair to the ears, brushed to the side
    const cap =
      'M-90 26C-100 -40 -88 -118 -12 -140C58 -146 102 -102 96 -22C95 0 94 14 90 28L78 28C78 2 76 -28 66 -50C48 -72 12 -80 -22 -74C-46 -70 -64 -58 -72 -36C-78 -14 -78 8 -78 26Z';
    let waves = '';
    for (const [x, y] of [[-70, -90], [-40, -118], [0, -128], [40, -118], [70, -90]]) waves += band([x - 12, y + 6], [x, y - 6], [x + 12, y + 6], 2.2, h.sh, { opacity: 0.8 });
    return {
      shadow: cap,
      svg:
        path(cap, h.c) +
        waves +
        band([-86, -10], [-90, 10], [-84, 24], 2.4, h.sh) +
        band([86, -10], [90, 10], [84, 26], 2.4, h.sh) +
        band([-50, -100], [-10, -130], [40, -120], 6, h.hi, { opacity: 0.9 }) +
        band([-60, -64], [-30, -76], [0, -78], 3, h.sh),
    };
  }
  if (h.style === 'bun') {
    // sleek, side-parted, drawn back to a low bun (hairBack)
    const left = 'M22 -138C-36 -142 -92 -110 -94 -44C-95 -14 -90 6 -84 16L-76 12C-76 -12 -74 -32 -68 -50C-54 -68 -22 -74 12 -92Z';
    const right = 'M22 -138C74 -136 98 -100 94 -42C93 -14 89 4 84 14L77 10C76 -12 73 -34 66 -52C56 -70 42 -82 22 -90Z';
    return {
      shadow: left + right,
      svg:
        path(left + right, h.c) +
        band([-64, -96], [-20, -132], [20, -136], 6, h.hi) +
        band([30, -128], [64, -118], [84, -80], 4, h.hi, { opacity: 0.7 }) +
        band([-80, -60], [-84, -20], [-80, 10], 2.6, h.sh) +
        band([-36, -70], [-6, -84], [18, -104], 2.4, h.sh, { opacity: 0.8 }) +
        band([22, -136], [24, -112], [24, -92], 2, h.sh),
    };
  }
  if (h.style === 'neat') {
    const cap =
      'M-76 4L-80 -30C-89 -86 -60 -131 -8 -137C44 -141 86 -116 87 -70C88 -50 85 -36 80 -26L76 4L71 4C71 -16 70 -32 66 -44C58 -60 40 -66 18 -68C-4 -70 -20 -76 -34 -86C-46 -76 -59 -66 -65 -52C-70 -38 -71 -18 -71 4Z';
    return {
      shadow: cap,
      svg:
        path(cap, h.c) +
        band([-34, -86], [-37, -110], [-30, -127], 2.4, h.sh) +
        band([-22, -116], [18, -126], [62, -100], 6, h.hi) +
        band([-10, -98], [30, -102], [60, -80], 4, h.hi, { opacity: 0.7 }) +
        band([-70, -60], [-62, -96], [-42, -120], 4, h.hi, { opacity: 0.5 }) +
        path('M18 -68C30 -66 40 -62 46 -56C40 -58 30 -60 20 -60Z', h.c),
    };
  }
  if (h.style === 'bob') {
    const left =
      'M26 -136C-30 -140 -90 -112 -95 -44C-99 10 -97 80 -101 150C-101 172 -90 182 -74 178C-70 140 -66 90 -66 40C-66 0 -70 -28 -62 -48C-44 -62 -10 -70 24 -86Z';
    const right = 'M26 -136C72 -134 97 -100 96 -40C97 20 96 90 100 150C100 170 90 180 76 178C72 140 68 90 68 40C68 0 70 -30 62 -52C54 -70 42 -80 26 -88Z';
    return {
      shadow: left + right,
      svg:
        path(left + right, h.c) +
        band([-62, -104], [-12, -134], [44, -122], 7, h.hi) +
        band([-80, -30], [-86, 60], [-88, 160], 3.5, h.sh) +
        band([80, -20], [84, 70], [88, 160], 3, h.sh) +
        band([-40, -66], [-10, -84], [20, -104], 3, h.sh, { opacity: 0.8 }) +
        band([28, -126], [28, -110], [26, -90], 2, h.sh),
    };
  }
  if (h.style === 'perm') {
    const r = rng(11);
    // cloud silhouette: a cap plus a scalloped row of curls along the hairline
    let sil = path('M-86 -30C-96 -96 -52 -136 0 -136C52 -136 96 -96 86 -30C70 -62 40 -72 0 -72C-40 -72 -70 -62 -86 -30Z', h.c);
    const rim = [];
    for (let i = 0; i <= 12; i++) {
      const a = Math.PI * (1.06 - (1.12 * i) / 12);
      rim.push([Math.cos(a) * 84, -40 - Math.sin(a) * 44 + (i % 2 ? 2 : -2), 15 + r() * 4]);
    }
    rim.push([-88, 0, 16], [88, 0, 16], [-90, 24, 14], [90, 24, 14]);
    rim.forEach(([x, y, rr]) => {
      sil += circle(x, y, rr, h.c);
    });
    let tex = '';
    rim.forEach(([x, y, rr]) => {
      tex += band([x - rr * 0.75, y + rr * 0.1], [x, y + rr * 1.0], [x + rr * 0.75, y + rr * 0.05], rr * 0.22, h.sh);
    });
    for (let i = 0; i < 30; i++) {
      const x = -70 + r() * 140;
      const y = -128 + r() * 70;
      if (Math.hypot(x / 80, (y + 88) / 50) > 1) continue;
      const a = r() * 360;
      const c = r() < 0.3 ? h.hi : h.sh;
      const p0 = rot([-8, -2], a);
      const cc = rot([0, 9], a);
      const p1 = rot([8, -2], a);
      tex += band([x + p0[0], y + p0[1]], [x + cc[0], y + cc[1]], [x + p1[0], y + p1[1]], 2.6, c, { opacity: 0.9 });
    }
    tex += band([-54, -108], [-14, -132], [30, -126], 6, h.hi, { opacity: 0.7 });
    return { shadow: 'M-84 -40C-70 -74 -40 -84 0 -84C40 -84 70 -74 84 -40L84 -20C70 -54 40 -64 0 -64C-40 -64 -70 -54 -84 -20Z', svg: sil + tex };
  }
  return { shadow: '', svg: '' };
}

function glassesSVG(P, dx) {
  const c = P.glasses;
  const lens = (x) =>
    rect(x - 24, -17, 48, 33, '#DCEAF3', { rx: 10, opacity: 0.22 }) +
    path(d`M${x - 18} ${10}L${x - 2} ${-13}L${x + 4} ${-13}L${x - 12} ${10}Z`, '#FFFFFF', { opacity: 0.3 }) +
    rect(x - 24, -17, 48, 33, 'none', { rx: 10, stroke: c, 'stroke-width': 3 });
  return (
    lens(-33 + dx) +
    lens(33 + dx) +
    path(d`M${-9 + dx} -6Q${dx} -11 ${9 + dx} -6`, 'none', { stroke: c, 'stroke-width': 3 }) +
    path(d`M${-57 + dx} -8L${-76} -10`, 'none', { stroke: c, 'stroke-width': 3, 'stroke-linecap': 'round' }) +
    path(d`M${57 + dx} -8L${76} -10`, 'none', { stroke: c, 'stroke-width': 3, 'stroke-linecap': 'round' })
  );
}

// ---------------------------------------------------------------------------------------------
// Head
// ---------------------------------------------------------------------------------------------

function headFront(P, X, defs) {
  const F = P.face;
  const turn = X.turn;
  const fdx = turn * 14; // features follow the turn
  const ex = 33;
  let out = '';
  // ears (the one we turn away from shows more)
  for (const s of [-1, 1]) {
    const ox = s * F.fw - turn * 6;
    const ear = d`M${ox - s * 6} -14C${ox + s * 18} -24 ${ox + s * 18} 36 ${ox - s * 4} 40Z`;
    out += path(ear, P.skin) + band([ox + s * 2, -6], [ox + s * 10, 10], [ox + s * 2, 28], 3, P.skinSh);
    if (P.earrings) out += circle(ox + s * 3, 44, 5.5, P.earrings) + circle(ox + s * 2, 42.5, 1.8, '#FFFFFF', { opacity: 0.8 });
  }
  const face = facePath(F, turn * 8);
  defs.push(el('clipPath', { id: 'face' }, path(face)));
  const hf = hairFront(P);
  let skin = rect(-120, -160, 240, 300, P.skinSh);
  skin += path(face, P.skin, { transform: 'translate(-9 -6)' });
  if (hf.shadow) skin += path(hf.shadow, P.skinSh, { transform: 'translate(3 8)', opacity: 0.9 });
  if (P.stubble) {
    skin +=
      ellipse(fdx, 98, 30, 12, '#6F7478', { opacity: 0.07 }) + ellipse(fdx, 58, 22, 5.5, '#6F7478', { opacity: 0.09 });
  }
  if (X.faceRed) skin += rect(-120, -160, 240, 300, FLUSH, { opacity: X.faceRed });
  // cheeks
  const blushC = X.flush ? FLUSH : BLUSH;
  const blushO = X.flush ? 0.55 * X.flush + 0.2 : X.blush;
  if (blushO > 0) {
    for (const s of [-1, 1]) {
      skin += ellipse(s * (ex + 14) + fdx, 30, 21, 12, 'url(#blush)', { opacity: Math.min(1, blushO * 1.6) });
    }
  }
  out += g({ 'clip-path': 'url(#face)' }, skin);
  if (blushO > 0) {
    defs.push(
      el('radialGradient', { id: 'blush' }, el('stop', { offset: 0, 'stop-color': blushC, 'stop-opacity': 0.75 }) + el('stop', { offset: 1, 'stop-color': blushC, 'stop-opacity': 0 })),
    );
  }
  if (X.extras.includes('hatch')) {
    for (const s of [-1, 1]) {
      for (let i = 0; i < 3; i++) {
        const x = s * (ex + 4) + fdx + i * 7 * s;
        out += band([x + 3, 22], [x, 29], [x - 3, 36], 2, '#C2443B', { opacity: 0.75 });
      }
    }
  }
  // age lines
  if (P.age >= 1) {
    const k = P.age >= 3 ? 2.4 : 1.8;
    for (const s of [-1, 1]) {
      out += band([s * 21 + fdx, 46], [s * 29 + fdx, 58], [s * 29 + fdx, 74], k, P.skinSh);
    }
  }
  for (let i = 0; i < (P.forehead || 0); i++) {
    const y = -54 - i * 10;
    const w = 30 - i * 4;
    out += band([-w + fdx, y + 2], [fdx, y - 3], [w + fdx, y + 2], 1.3, P.skinSh, { opacity: 0.9 });
  }
  if (P.age >= 3) {
    // jowls, marionette lines and a softer jaw
    for (const s of [-1, 1]) {
      out += band([s * 30 + fdx, 80], [s * 34 + fdx, 90], [s * 32 + fdx, 100], 1.6, P.skinSh);
      out += band([s * (P.face.jw - 8), P.face.jawY - 4], [s * (P.face.jw - 14), P.face.jawY + 10], [s * (P.face.jw - 24), P.face.jawY + 18], 1.8, P.skinSh, { opacity: 0.8 });
    }
  }
  if (P.age >= 1.5) {
    for (const s of [-1, 1]) {
      const x = s * (ex + 20) + fdx;
      out += band([x, -4], [x + s * 6, -6], [x + s * 11, -9], 1.4, P.skinSh) + band([x, 2], [x + s * 6, 3], [x + s * 11, 5], 1.4, P.skinSh);
    }
  }
  // eyes
  const swL = turn > 0 ? 1 - turn * 0.2 : 1;
  const swR = turn < 0 ? 1 + turn * 0.2 : 1;
  out += eyeSVG(-1, -ex + fdx, 0, X.eyeL, P, swL, 'eyeL', defs);
  out += eyeSVG(1, ex + fdx, 0, X.eyeR, P, swR, 'eyeR', defs);
  out += noseSVG(P, turn * 18, 42);
  out += mouthSVG(X.mouth, P, turn * 15, 70, defs);
  // furrow between the brows
  const browY = P.glasses ? -31 : -27;
  for (let i = 0; i < X.furrow; i++) {
    const x = fdx + (i - (X.furrow - 1) / 2) * 7;
    out += band([x - 1, browY - 6], [x, browY + 2], [x + 1, browY + 10], 1.8, mix(P.skinSh, INK, 0.15));
  }
  if (P.glasses) out += glassesSVG(P, fdx);
  out += browSVG(-1, -ex + fdx, X.browL, P, browY);
  out += browSVG(1, ex + fdx, X.browR, P, browY);
  out += hf.svg;
  return out;
}

function neckSVG(P, defs) {
  const nw = P.neckW;
  const neck = d`M${-nw} 40L${-nw} 150Q${-nw - 6} 196 ${-nw - 40} 236L${nw + 40} 236Q${nw + 6} 196 ${nw} 150L${nw} 40Z`;
  defs.push(el('clipPath', { id: 'neck' }, path(neck)));
  return g(
    {},
    path(neck, P.skin),
    g(
      { 'clip-path': 'url(#neck)' },
      rect(nw - 10, 40, 60, 200, P.skinSh),
      path(facePath(P.face, 0), P.skinSh, { transform: 'translate(0 22)' }),
      ellipse(0, 196, nw + 30, 14, P.skinSh, { opacity: 0.6 }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Body and clothing (global coordinates)
// ---------------------------------------------------------------------------------------------

function torsoPath(B) {
  const { cx, ny, sy, sw, nw, depth } = B;
  const L = cx - sw;
  const Rr = cx + sw;
  return (
    d`M${cx - nw - 8} ${ny}` +
    d`C${cx - nw - 44} ${ny + 6} ${L + 50} ${sy - 8} ${L + 18} ${sy + 8}` +
    d`C${L - 6} ${sy + 22} ${L - 12} ${sy + 80} ${L - 14} ${H + 20}` +
    d`L${Rr + 14} ${H + 20}` +
    d`C${Rr + 12} ${sy + 80} ${Rr + 6} ${sy + 22} ${Rr - 18} ${sy + 8}` +
    d`C${Rr - 50} ${sy - 8} ${cx + nw + 44} ${ny + 6} ${cx + nw + 8} ${ny}` +
    d`Q${cx} ${ny + depth * 2} ${cx - nw - 8} ${ny}Z`
  );
}

function floralPattern(b) {
  const flower = (x, y, r, c) => {
    let s = '';
    for (let i = 0; i < 5; i++) {
      const a = (i / 5) * Math.PI * 2;
      s += circle(x + Math.cos(a) * r, y + Math.sin(a) * r, r * 0.82, c);
    }
    return s + circle(x, y, r * 0.55, b.dot);
  };
  const leaf = (x, y, a) => ellipse(x, y, 7, 3.2, b.leaf, { transform: `rotate(${a} ${x} ${y})` });
  return el(
    'pattern',
    { id: 'floral', width: 64, height: 64, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(-12)' },
    leaf(26, 18, 30) + leaf(4, 22, -40) + flower(14, 14, 5.5, b.flower) + leaf(52, 50, 20) + flower(44, 42, 4.2, '#F0CFC0') + circle(50, 12, 2.2, b.flower) + circle(18, 50, 2.2, b.flower),
  );
}

/** Shirt collar points at the neck; `drop` is how far the points reach. */
function collarFlaps(ccx, ny, nw, c, sh, drop = 16) {
  let out = '';
  for (const s of [-1, 1]) {
    const A = [ccx + s * (nw + 1), ny - 18];
    const Bp = [ccx + s * (nw + 20), ny + 10];
    const C = [ccx + s * drop, ny + 30 + drop];
    const D = [ccx + s * 3, ny + 22];
    const flap = d`M${A[0]} ${A[1]}Q${ccx + s * (nw + 16)} ${ny - 8} ${Bp[0]} ${Bp[1]}L${C[0]} ${C[1]}L${D[0]} ${D[1]}Q${ccx + s * (nw - 4)} ${ny} ${A[0]} ${A[1]}Z`;
    out += path(flap, s < 0 ? mix(c, '#FFFFFF', 0.35) : mix(c, '#FFFFFF', 0.1), { stroke: sh, 'stroke-width': 1.5, 'stroke-linejoin': 'round' });
  }
  return out;
}

function bodySVG(P, B, defs) {
  const b = P.body;
  const { cx, ny, sy, sw, nw } = B;
  const torso = torsoPath(B);
  defs.push(el('clipPath', { id: 'torso' }, path(torso)));
  const shade = (c, o = 1) =>
    path(d`M${cx + sw * 0.5 + B.bdx} ${sy - 40}Q${cx + sw * 0.3 + B.bdx} ${sy + 60} ${cx + sw * 0.42} ${H + 20}L${W + 40} ${H + 20}L${W + 40} ${sy - 40}Z`, c, { opacity: o });
  const armLines = (c) =>
    band([cx - sw + 40, sy + 80], [cx - sw + 50, sy + 150], [cx - sw + 52, H + 30], 3.5, c) + band([cx + sw - 40, sy + 80], [cx + sw - 50, sy + 150], [cx + sw - 52, H + 30], 3.5, c);
  let back = '';
  let out = '';
  let front = '';
  const ccx = cx + B.bdx; // collar centre follows a body turn
  if (b.cloth === 'polo') {
    back = ellipse(ccx, ny - 4, nw + 14, 13, b.sh);
    out += path(torso, b.c);
    let inner = shade(b.sh) + armLines(b.sh);
    for (const s of [-1, 1]) {
      // short sleeves: bare forearm below the hem on each side
      const x0 = cx + s * (sw + 30);
      const x1 = cx + s * (sw - 46);
      const hem = sy + 126;
      inner += path(d`M${x0} ${hem + 6}L${x1} ${hem - 4}L${x1 + s * -6} ${H + 30}L${x0} ${H + 30}Z`, s < 0 ? P.skin : P.skinSh);
      inner += band([x0, hem + 6], [(x0 + x1) / 2, hem + 4], [x1, hem - 4], 5, mix(b.sh, '#000000', 0.1));
    }
    inner += ellipse(ccx, ny + 10, nw + 30, 20, b.sh, { opacity: 0.7 });
    out += g({ 'clip-path': 'url(#torso)' }, inner);
    // placket and buttons
    out += rect(ccx - 9, ny + 22, 18, 100, b.sh, { rx: 3 });
    out += circle(ccx, ny + 58, 4, b.trim) + circle(ccx, ny + 92, 4, b.trim);
    for (const s of [-1, 1]) {
      const A = [ccx + s * (nw + 2), ny - 12];
      const Bp = [ccx + s * (nw + 34), ny + 18];
      const C = [ccx + s * 10, ny + 56];
      const D = [ccx + s * 2, ny + 24];
      const flap = d`M${A[0]} ${A[1]}Q${ccx + s * (nw + 30)} ${ny - 4} ${Bp[0]} ${Bp[1]}Q${ccx + s * 34} ${ny + 46} ${C[0]} ${C[1]}Q${ccx + s * 4} ${ny + 40} ${D[0]} ${D[1]}Q${ccx + s * (nw - 2)} ${ny + 8} ${A[0]} ${A[1]}Z`;
      out += path(flap, s < 0 ? mix(b.c, '#FFFFFF', 0.1) : b.c);
      out += band([Bp[0] - s * 4, Bp[1] + 2], [ccx + s * 30, ny + 42], [C[0] + s * 1, C[1] - 5], 2.4, b.trim, { opacity: 0.9 });
    }
  } else if (b.cloth === 'cardigan') {
    out += path(torso, b.top);
    out += g({ 'clip-path': 'url(#torso)' }, shade(b.topSh), ellipse(ccx, ny + 8, nw + 26, 16, b.topSh));
    out += band([ccx - nw - 6, ny + 2], [ccx, ny + B.depth * 2 + 6], [ccx + nw + 6, ny + 2], 3, b.topSh);
    let inner = '';
    for (const s of [-1, 1]) {
      const panel = d`M${cx + s * 300} 300L${ccx + s * (nw + 14)} 300L${ccx + s * (nw + 14)} ${ny - 2}Q${ccx + s * (nw + 10)} ${ny + 110} ${ccx - s * 6} ${ny + 168}L${ccx - s * 6} ${H + 30}L${cx + s * 300} ${H + 30}Z`;
      inner += path(panel, b.c);
      inner += path(d`M${ccx + s * (nw + 14)} ${ny - 2}Q${ccx + s * (nw + 10)} ${ny + 110} ${ccx - s * 6} ${ny + 168}L${ccx - s * 6} ${H + 30}`, 'none', {
        stroke: b.rib,
        'stroke-width': 11,
        'stroke-linejoin': 'round',
      });
    }
    inner += shade(b.sh, 0.9) + armLines(b.sh);
    out += g({ 'clip-path': 'url(#torso)' }, inner);
    out += circle(ccx + 2, ny + 190, 4.5, mix(b.sh, INK, 0.3)) + circle(ccx + 2, ny + 226, 4.5, mix(b.sh, INK, 0.3));
  } else if (b.cloth === 'blouse') {
    defs.push(floralPattern(b));
    out += path(torso, b.c);
    out += path(torso, 'url(#floral)');
    out += g({ 'clip-path': 'url(#torso)' }, shade(b.sh, 0.55), armLines(mix(b.sh, '#000000', 0.1)), ellipse(ccx, ny + 14, nw + 30, 18, b.sh, { opacity: 0.5 }));
    for (const s of [-1, 1]) {
      const flap = d`M${ccx + s * 2} ${ny + 26}C${ccx + s * 22} ${ny + 50} ${ccx + s * (nw + 44)} ${ny + 44} ${ccx + s * (nw + 38)} ${ny + 8}C${ccx + s * (nw + 34)} ${ny - 6} ${ccx + s * (nw + 16)} ${ny - 10} ${ccx + s * (nw + 6)} ${ny - 8}Q${ccx + s * nw} ${ny + 18} ${ccx + s * 2} ${ny + 26}Z`;
      out += path(flap, s < 0 ? b.collar : mix(b.collar, b.collarSh, 0.5));
      out += band([ccx + s * 6, ny + 34], [ccx + s * (nw + 30), ny + 44], [ccx + s * (nw + 36), ny + 14], 2, b.collarSh);
    }
    // pearls
    for (let i = 0; i <= 16; i++) {
      const t = i / 16;
      const x = ccx + (t - 0.5) * 2 * (nw + 14);
      const y = ny + 4 + Math.sin(t * Math.PI) * 52;
      front += circle(x, y, 4.6, '#F7F1E6') + circle(x + 1, y + 1.2, 3, '#DCD1C0', { opacity: 0.7 }) + circle(x - 1.3, y - 1.4, 1.3, '#FFFFFF');
    }
  } else if (b.cloth === 'shirt') {
    back = ellipse(ccx, ny - 6, nw + 10, 12, b.sh);
    out += path(torso, b.c);
    out += g({ 'clip-path': 'url(#torso)' }, shade(b.sh), armLines(b.sh), ellipse(ccx, ny + 10, nw + 28, 18, b.sh, { opacity: 0.6 }));
    out += path(d`M${ccx + 2} ${ny + 28}L${ccx + 2} ${H + 20}`, 'none', { stroke: b.sh, 'stroke-width': 2.5 });
    for (let y = ny + 72; y < H; y += 56) out += circle(ccx + 8, y, 3.6, '#EEF3F8') + circle(ccx + 8, y, 3.6, 'none', { stroke: b.sh, 'stroke-width': 1.2 });
    // pocket with pen
    const px = ccx + 54;
    const py = ny + 110;
    out += rect(px + 14, py - 40, 10, 56, b.pen, { rx: 4 }) + rect(px + 14, py - 40, 10, 12, mix(b.pen, '#FFFFFF', 0.2), { rx: 4 }) + rect(px + 21, py - 34, 3, 30, '#C9CED6', { rx: 1.5 });
    out += path(d`M${px} ${py}H${px + 60}V${py + 62}Q${px + 30} ${py + 74} ${px} ${py + 62}Z`, mix(b.c, b.sh, 0.25));
    out += path(d`M${px} ${py}H${px + 60}V${py + 62}Q${px + 30} ${py + 74} ${px} ${py + 62}Z`, 'none', { stroke: b.sh, 'stroke-width': 2 });
    out += band([px + 2, py + 8], [px + 30, py + 9], [px + 58, py + 8], 1.6, b.sh);
    for (const s of [-1, 1]) {
      const A = [ccx + s * (nw + 1), ny - 18];
      const Bp = [ccx + s * (nw + 20), ny + 10];
      const C = [ccx + s * 16, ny + 46];
      const D = [ccx + s * 3, ny + 22];
      const flap = d`M${A[0]} ${A[1]}Q${ccx + s * (nw + 16)} ${ny - 8} ${Bp[0]} ${Bp[1]}L${C[0]} ${C[1]}L${D[0]} ${D[1]}Q${ccx + s * (nw - 4)} ${ny} ${A[0]} ${A[1]}Z`;
      out += path(flap, s < 0 ? mix(b.c, '#FFFFFF', 0.35) : mix(b.c, '#FFFFFF', 0.15), { stroke: b.sh, 'stroke-width': 1.5, 'stroke-linejoin': 'round' });
    }
  } else if (b.cloth === 'blazer') {
    back = ellipse(ccx, ny - 6, nw + 10, 12, b.innerSh);
    out += path(torso, b.c);
    const vBot = ny + 150;
    const opening = d`M${ccx - nw - 10} ${ny - 12}L${ccx + nw + 10} ${ny - 12}L${ccx + 4} ${vBot}Z`;
    defs.push(el('clipPath', { id: 'opening' }, path(opening)));
    out += g({ 'clip-path': 'url(#torso)' }, path(opening, b.inner), shade(b.sh), armLines(b.sh));
    let open = ellipse(ccx, ny + 6, nw + 20, 14, b.innerSh, { opacity: 0.8 });
    if (b.tie) {
      open += path(d`M${ccx - 8} ${ny + 34}L${ccx + 8} ${ny + 34}L${ccx + 17} ${ny + 150}L${ccx} ${ny + 170}L${ccx - 17} ${ny + 150}Z`, b.tie);
      open += path(d`M${ccx + 3} ${ny + 34}L${ccx + 8} ${ny + 34}L${ccx + 17} ${ny + 150}L${ccx + 8} ${ny + 160}Z`, b.tieSh, { opacity: 0.8 });
      open += path(d`M${ccx - 11} ${ny + 14}L${ccx + 11} ${ny + 14}L${ccx + 8} ${ny + 36}L${ccx - 8} ${ny + 36}Z`, b.tieSh);
    } else if (!b.collar) {
      open += band([ccx - nw - 4, ny + 2], [ccx, ny + B.depth * 2 + 8], [ccx + nw + 4, ny + 2], 3, b.innerSh);
    }
    if (b.lanyard) {
      for (const s of [-1, 1]) open += limb([[ccx + s * (nw + 2), ny - 8], [ccx + s * 14, ny + 96], [ccx + s * 5, ny + 130]], 7, s < 0 ? b.lanyard : mix(b.lanyard, '#000000', 0.2));
    }
    out += g({ 'clip-path': 'url(#opening)' }, open);
    if (b.collar) out += collarFlaps(ccx, ny, nw, b.inner, b.innerSh, b.tie ? 10 : 16);
    for (const s of [-1, 1]) {
      const P0 = [ccx + s * (nw + 10), ny - 12];
      const lapel =
        d`M${P0[0]} ${P0[1]}L${ccx + s * (nw + 42)} ${ny + 30}L${ccx + s * (nw + 28)} ${ny + 42}L${ccx + s * (nw + 36)} ${ny + 66}` +
        d`Q${ccx + s * (nw + 12)} ${ny + 126} ${ccx + s * 4} ${vBot}L${ccx + 4} ${vBot}L${P0[0]} ${P0[1]}Z`;
      out += path(lapel, s < 0 ? b.lapel : mix(b.lapel, b.sh, 0.55));
      out += band([ccx + s * (nw + 36), ny + 66], [ccx + s * (nw + 14), ny + 124], [ccx + s * 6, vBot - 2], 1.6, b.sh, { opacity: 0.9 });
      out += band([ccx + s * (nw + 42), ny + 30], [ccx + s * (nw + 34), ny + 36], [ccx + s * (nw + 28), ny + 42], 1.4, b.sh);
    }
    out += band([ccx + 4, vBot], [ccx + 6, vBot + 60], [ccx + 4, H + 20], 1.8, b.sh);
    out += circle(ccx + 14, vBot + 26, 5, mix(b.sh, INK, 0.3)) + circle(ccx + 14, vBot + 76, 5, mix(b.sh, INK, 0.3));
    out += band([ccx + 58, ny + 128], [ccx + 84, ny + 126], [ccx + 110, ny + 128], 2, b.sh);
    if (b.lanyard) {
      const bx = ccx + 4;
      const by = ny + 126;
      out += rect(bx - 24, by, 48, 64, '#F5F4F0', { rx: 5, transform: d`rotate(-4 ${bx} ${by})` }) + rect(bx - 24, by, 48, 14, b.lanyard, { rx: 4, transform: d`rotate(-4 ${bx} ${by})` }) + rect(bx - 14, by + 22, 18, 22, '#C9D3DC', { transform: d`rotate(-4 ${bx} ${by})` }) + rect(bx + 8, by + 26, 12, 3, '#9AA3AC', { transform: d`rotate(-4 ${bx} ${by})` });
    }
  } else if (b.cloth === 'zip') {
    back = ellipse(ccx, ny - 4, nw + 16, 14, b.sh);
    out += path(torso, b.c);
    let inner = shade(b.sh) + armLines(b.sh);
    if (b.stripe) inner += rect(0, sy + 112, W, 26, b.stripe) + rect(0, sy + 122, W, 6, b.stripeLine);
    for (const s of [-1, 1]) inner += rect(ccx + s * 72 - 32, sy + 60, 64, 10, b.sh, { rx: 3 }) + rect(ccx + s * 72 - 32, sy + 68, 64, 50, b.sh, { opacity: 0.25 });
    out += g({ 'clip-path': 'url(#torso)' }, inner);
    let zipTop = ny + 24;
    if (b.open) {
      zipTop = ny + 92;
      out += path(d`M${ccx - nw - 8} ${ny - 8}L${ccx + nw + 8} ${ny - 8}L${ccx + 2} ${zipTop + 4}Z`, b.inner);
      out += band([ccx - nw - 8, ny - 2], [ccx, ny + 14], [ccx + nw + 8, ny - 2], 3, mix(b.inner, '#000000', 0.3));
      for (const s of [-1, 1]) {
        out += path(d`M${ccx + s * (nw + 4)} ${ny - 16}Q${ccx + s * (nw + 28)} ${ny - 8} ${ccx + s * (nw + 36)} ${ny + 14}L${ccx + s * 6} ${zipTop}L${ccx + s * (nw - 2)} ${ny + 8}Z`, s < 0 ? mix(b.c, '#FFFFFF', 0.1) : b.sh);
      }
    } else {
      out += path(d`M${ccx - nw - 12} ${ny - 26}Q${ccx} ${ny - 12} ${ccx + nw + 12} ${ny - 26}L${ccx + nw + 18} ${ny + 8}Q${ccx} ${ny + 26} ${ccx - nw - 18} ${ny + 8}Z`, mix(b.c, '#FFFFFF', 0.07));
      out += band([ccx - nw - 18, ny + 8], [ccx, ny + 28], [ccx + nw + 18, ny + 8], 2.4, b.sh);
    }
    out += rect(ccx - 2.5, zipTop, 5, H - zipTop + 20, mix(b.sh, INK, 0.35)) + rect(ccx - 6, zipTop + 8, 12, 24, '#B9BEC2', { rx: 3 }) + rect(ccx - 3, zipTop + 14, 6, 12, '#8F969C', { rx: 2 });
  } else if (b.cloth === 'vest') {
    back = ellipse(ccx, ny - 6, nw + 10, 12, b.shirtSh);
    out += path(torso, b.shirt);
    out += g({ 'clip-path': 'url(#torso)' }, shade(b.shirtSh), armLines(b.shirtSh));
    for (let y = ny + 80; y < H; y += 50) out += circle(ccx, y, 3.4, '#EEF3F8') + circle(ccx, y, 3.4, 'none', { stroke: b.shirtSh, 'stroke-width': 1.2 });
    let panels = '';
    for (const s of [-1, 1]) {
      panels +=
        d`M${ccx + s * (nw + 16)} ${ny - 10}Q${cx + s * (sw - 60)} ${sy - 14} ${cx + s * (sw - 30)} ${sy + 6}Q${cx + s * (sw - 26)} ${sy + 50} ${cx + s * (sw - 44)} ${sy + 92}` +
        d`L${cx + s * (sw - 50)} ${H + 30}L${ccx + s * 12} ${H + 30}L${ccx + s * 12} ${ny + 160}Q${ccx + s * (nw + 6)} ${ny + 80} ${ccx + s * (nw + 16)} ${ny - 10}Z`;
    }
    defs.push(el('clipPath', { id: 'vest' }, path(panels)));
    out += g({ 'clip-path': 'url(#torso)' }, path(panels, b.c));
    out += g(
      { 'clip-path': 'url(#vest)' },
      shade(b.sh, 0.8),
      rect(0, sy + 108, W, 24, b.stripeSh),
      rect(0, sy + 110, W, 20, b.stripe),
      rect(0, sy + 168, W, 24, b.stripeSh),
      rect(0, sy + 170, W, 20, b.stripe),
      ...[-1, 1].map((s) => limb([[ccx + s * (nw + 22), ny - 6], [ccx + s * (nw + 30), ny + 40], [ccx + s * 40, sy + 108]], 16, b.stripe)),
    );
    out += collarFlaps(ccx, ny, nw, b.shirt, b.shirtSh, 16);
  } else if (b.cloth === 'hoodie') {
    back = path(d`M${ccx - nw - 58} ${ny + 14}Q${ccx - nw - 50} ${ny - 52} ${ccx} ${ny - 56}Q${ccx + nw + 50} ${ny - 52} ${ccx + nw + 58} ${ny + 14}Z`, b.sh);
    out += path(torso, b.c);
    out += g(
      { 'clip-path': 'url(#torso)' },
      shade(b.sh),
      armLines(b.sh),
      band([ccx - 96, sy + 176], [ccx, sy + 168], [ccx + 96, sy + 176], 2.4, b.sh),
      band([ccx - 96, sy + 176], [ccx - 110, sy + 200], [ccx - 118, H + 10], 2.2, b.sh),
      band([ccx + 96, sy + 176], [ccx + 110, sy + 200], [ccx + 118, H + 10], 2.2, b.sh),
    );
    out += path(d`M${ccx - nw - 14} ${ny - 10}Q${ccx - nw - 6} ${ny + 40} ${ccx} ${ny + 50}Q${ccx + nw + 6} ${ny + 40} ${ccx + nw + 14} ${ny - 10}Z`, mix(b.sh, INK, 0.25));
    out += path(
      d`M${ccx - nw - 42} ${ny - 14}Q${ccx - nw - 32} ${ny + 62} ${ccx} ${ny + 80}Q${ccx + nw + 32} ${ny + 62} ${ccx + nw + 42} ${ny - 14}L${ccx + nw + 14} ${ny - 10}Q${ccx + nw + 6} ${ny + 40} ${ccx} ${ny + 50}Q${ccx - nw - 6} ${ny + 40} ${ccx - nw - 14} ${ny - 10}Z`,
      mix(b.c, '#FFFFFF', 0.1),
    );
    out += band([ccx - nw - 14, ny - 6], [ccx, ny + 62], [ccx + nw + 14, ny - 6], 3, b.sh);
    for (const s of [-1, 1]) {
      const end = [ccx + s * 22, ny + 150 - (s > 0 ? 14 : 0)];
      out += limb([[ccx + s * 16, ny + 66], end], 5, b.string) + rect(end[0] - 4, end[1], 8, 14, mix(b.string, INK, 0.3), { rx: 3 });
    }
  } else if (b.cloth === 'sweater') {
    back = ellipse(ccx, ny - 6, nw + 10, 12, b.innerSh);
    out += path(torso, b.c);
    out += g({ 'clip-path': 'url(#torso)' }, shade(b.sh), armLines(b.sh));
    out += path(d`M${ccx - nw - 16} ${ny - 6}Q${ccx} ${ny + B.depth * 2 + 16} ${ccx + nw + 16} ${ny - 6}L${ccx + nw + 4} ${ny - 12}Q${ccx} ${ny + B.depth * 2} ${ccx - nw - 4} ${ny - 12}Z`, b.rib);
    out += collarFlaps(ccx, ny, nw, b.inner, b.innerSh, 10);
  }
  if (b.cloth === 'cardigan' && b.collar) {
    for (let y = ny + 60; y < ny + 160; y += 40) out += circle(ccx, y, 3.2, b.topSh);
    out += collarFlaps(ccx, ny, nw, b.top, b.topSh, 14);
  }
  if (b.straps) {
    for (const s of [-1, 1]) {
      const top = [cx + s * (sw - 64), sy - 10];
      const bot = [cx + s * (sw - 52), H + 20];
      out += limb([top, bot], 26, b.strapsSh) + limb([add(top, [-3, 0]), add(bot, [-3, 0])], 20, b.straps);
      out += rect(top[0] - 13, sy + 150, 22, 12, '#6C737B', { rx: 3 });
    }
  }
  if (b.strap) {
    const top = [cx + sw - 58, sy - 8];
    const bot = [cx + sw - 44, H + 20];
    out += limb([top, bot], 22, b.strapSh) + limb([add(top, [-3, 0]), add(bot, [-3, 0])], 16, b.strap);
    out += path(d`M${top[0] - 2} ${top[1] + 10}L${bot[0] - 2} ${bot[1]}`, 'none', { stroke: mix(b.strap, '#FFFFFF', 0.35), 'stroke-width': 1.2, 'stroke-dasharray': '5 4', opacity: 0.8 });
  }
  return { back, body: out + front };
}

// ---------------------------------------------------------------------------------------------
// Arms and hands
// ---------------------------------------------------------------------------------------------

function handSVG(kind, P, at, angle, flip = 1, opts = {}) {
  const s = P.skin;
  const sh = P.skinSh;
  const k = P.handScale || 1;
  let inner = '';
  if (kind === 'fistFront') {
    const knuckles = (c, dx, dy) =>
      rect(-29 + dx, -54 + dy, 56, 52, c, { rx: 18 }) + [-19.5, -6.5, 6.5, 19.5].map((x) => circle(x + dx, -55 + dy, 8.5, c)).join('');
    inner =
      knuckles(sh, 2, 3) +
      knuckles(s, 0, 0) +
      [-13, 0, 13].map((x) => band([x, -62], [x + 0.8, -50], [x, -38], 2, sh)).join('') +
      path('M-30 -32Q-33 -15 -16 -14L8 -16Q17 -20 12 -28Q6 -33 -14 -34Q-26 -35 -30 -32Z', s, { stroke: sh, 'stroke-width': 2 }) +
      ellipse(6, -23, 4, 3, mix(s, '#FFFFFF', 0.3));
  } else if (kind === 'fistSide') {
    inner =
      rect(-24, -56, 46, 54, sh, { rx: 17 }) +
      rect(-25, -58, 43, 52, s, { rx: 16 }) +
      band([-25, -45], [-16, -44], [-7, -46], 2, sh) +
      band([-25, -32], [-16, -31], [-7, -33], 2, sh) +
      band([-25, -19], [-16, -18], [-7, -20], 2, sh);
    if (opts.thumb === 'up') inner += limb([[9, -44], [9, -88]], 22, sh) + limb([[7, -46], [7, -88]], 17, s) + ellipse(6, -86, 5, 4, mix(s, '#FFFFFF', 0.35));
    else if (opts.thumb === 'index')
      inner += limb([[-13, -52], [-13, -98]], 17, sh) + limb([[-14, -54], [-14, -98]], 13, s) + ellipse(-15, -96, 3.5, 3, mix(s, '#FFFFFF', 0.35)) + path('M4 -56Q18 -54 16 -38Q14 -28 4 -30Z', s, { stroke: sh, 'stroke-width': 2 });
    else inner += path('M2 -58Q18 -58 16 -40Q14 -28 2 -30Z', s, { stroke: sh, 'stroke-width': 2 });
  } else if (kind === 'flat') {
    const hand = 'M-19 0C-23 -30 -22 -62 -15 -80Q0 -94 15 -80C21 -62 22 -30 17 0Z';
    inner =
      path(hand, sh, { transform: 'translate(3 2)' }) +
      path(hand, s) +
      band([-7.5, -88], [-8, -76], [-7.5, -62], 1.8, sh) +
      band([0, -91], [0, -78], [0, -62], 1.8, sh) +
      band([7.5, -88], [8, -76], [7.5, -62], 1.8, sh) +
      limb([[15, -14], [31, -42]], 17, sh) +
      limb([[14, -16], [29, -42]], 13, s);
  } else if (kind === 'clasp') {
    // two hands, fingers interlaced, seen from the front
    inner =
      ellipse(2, -40, 40, 34, sh) +
      ellipse(0, -42, 38, 32, s) +
      [-24, -12, 0, 12, 24].map((x, i) => band([x - 6, -70 + Math.abs(x) * 0.3], [x - 1, -58], [x + (i % 2 ? 4 : -4), -46], 2, sh)).join('') +
      limb([[-22, -22], [-6, -40]], 15, sh) +
      limb([[-23, -24], [-8, -41]], 11, s) +
      limb([[22, -22], [6, -40]], 15, sh) +
      limb([[21, -24], [6, -41]], 11, s);
  }
  return g({ transform: d`translate(${at[0]} ${at[1]}) rotate(${angle}) scale(${flip * k} ${k})` }, inner);
}

/** Forearm (and optional upper arm) from elbow E to wrist Wr, dressed per the person's sleeve. */
function armSVG(P, pts) {
  const b = P.body;
  const w = b.armW;
  const Wr = pts[pts.length - 1];
  const prev = pts[pts.length - 2];
  const u = norm(sub(Wr, prev));
  const off = [-3, -3];
  if (b.sleeve === 'short') {
    // short sleeves: the sleeve covers the first stretch of an upper arm only
    let out = '';
    out += limb(pts, w - 6, P.skinSh) + limb(pts.map((p) => add(p, off)), w - 14, P.skin);
    if (pts.length > 2) {
      const s0 = pts[0];
      const s1 = add(s0, mul(norm(sub(pts[1], s0)), 70));
      out += limb([s0, s1], w + 10, b.sh) + limb([add(s0, off), add(s1, off)], w + 2, b.c);
    }
    return out;
  }
  const S = sub(Wr, mul(u, 18));
  const sleevePts = [...pts.slice(0, -1), S];
  // a vest has no sleeves: the shirt's show
  const c = b.cloth === 'vest' ? b.shirt : b.c;
  const sh = b.cloth === 'vest' ? b.shirtSh : b.sh;
  const cuff = b.cloth === 'shirt' || b.cloth === 'vest' ? mix(c, '#FFFFFF', 0.2) : b.cloth === 'cardigan' || b.cloth === 'sweater' ? b.rib : b.cloth === 'hoodie' ? b.sh : c;
  let stripe = '';
  if (b.stripe && b.cloth === 'zip') {
    const M = sub(S, mul(u, 60));
    const cap = { 'stroke-linecap': 'butt' };
    stripe = limb([sub(M, mul(u, 12)), add(M, mul(u, 12))], w - 9, b.stripe, cap) + limb([sub(M, mul(u, 3)), add(M, mul(u, 3))], w - 9, b.stripeLine, cap);
  }
  return (
    limb([sub(Wr, mul(u, 26)), Wr], w - 16, P.skin) +
    limb(sleevePts, w, sh) +
    limb(sleevePts.map((p) => add(p, off)), w - 8, c) +
    stripe +
    limb([sub(S, mul(u, 10)), S], w + 2, mix(cuff, sh, 0.3)) +
    limb([add(sub(S, mul(u, 10)), off), add(S, off)], w - 4, cuff)
  );
}

function shake(x, y, r) {
  let out = '';
  for (const s of [-1, 1]) {
    for (let i = 0; i < 2; i++) {
      const rr = r + i * 12;
      out += band([x + s * rr * 0.8, y - rr * 0.6], [x + s * rr * 1.05, y], [x + s * rr * 0.8, y + rr * 0.6], 2.4, '#8A6F64', { opacity: 0.6 });
    }
  }
  return out;
}

function armsSVG(kind, P, B, toGlobal, defs) {
  const { cx, sy, sw } = B;
  let front = '';
  // Crossed arms: the back forearm tucks under the far upper arm, which we redraw on top by
  // re-using the body group clipped to that arm.
  const holdArm = (tuck) => {
    const E = [cx + sw - 26, sy + 146];
    let out = '';
    const armLine = (side) => {
      const x0 = cx + side * (sw - 44);
      const x1 = cx + side * (sw - 54);
      const xf = side < 0 ? -40 : W + 40;
      return path(d`M${x0} ${sy + 30}L${x1} ${H + 30}L${xf} ${H + 30}L${xf} ${sy + 30}Z`);
    };
    {
      if (tuck) {
        // back forearm: its hand disappears under the far upper arm
        const lE = [cx - sw + 36, sy + 148];
        const lW = [cx + sw - 50, sy + 100];
        out += armSVG(P, [lE, lW]);
        defs.push(el('clipPath', { id: 'armR' }, armLine(1)));
        out += el('use', { href: '#body', 'clip-path': 'url(#armR)' });
      }
      // front forearm: hand tucked under the near upper arm, fingertips showing on it
      const Wr = [cx - sw + 50, sy + 108];
      out += armSVG(P, [E, Wr]);
      defs.push(el('clipPath', { id: 'armL' }, armLine(-1)));
      out += el('use', { href: '#body', 'clip-path': 'url(#armL)' });
      const k = P.handScale || 1;
      const fx = cx - sw + 34;
      const fy = sy + 104;
      for (let i = 0; i < 4; i++) {
        const y = fy - 14 * k + i * 11 * k;
        out += limb([[fx + 12, y + 4], [fx - 4 - (i === 0 || i === 3 ? 0 : 3), y - 2]], 11 * k, P.skinSh) + limb([[fx + 11, y + 2], [fx - 3 - (i === 0 || i === 3 ? 0 : 3), y - 3]], 8.5 * k, P.skin);
      }
      return out;
    }
  };
  const lecture = () => {
    const E = [cx - sw + 40, H + 40];
    const Wr = [cx - 84, sy + 88];
    return armSVG(P, [E, Wr]) + handSVG('fistSide', P, Wr, 8, 1, { thumb: 'index' }) + shake(Wr[0] - 10, Wr[1] - 80, 26);
  };
  switch (kind) {
    case 'crossed':
      front += holdArm(true);
      break;
    case 'holdArm':
      front += holdArm(false);
      break;
    case 'lecture':
      front += lecture();
      break;
    case 'fist': {
      const E = [cx - sw + 24, H + 40];
      const Wr = [cx - 74, sy + 104];
      front += armSVG(P, [E, Wr]) + handSVG('fistFront', P, Wr, 12, 1) + shake(Wr[0] - 4, Wr[1] - 34, 42);
      break;
    }
    case 'fistRaised': {
      const S = [cx + sw - 30, sy + 40];
      const E = [cx + sw + 14, sy + 140];
      const Wr = [cx + sw - 10, sy - 62];
      front += armSVG(P, [S, E, Wr]) + handSVG('fistFront', P, Wr, -6, 1) + shake(Wr[0], Wr[1] - 34, 46);
      break;
    }
    case 'chin': {
      const C = toGlobal([30, P.face.chinY - 6]);
      const Wr = add(C, [14, 66]);
      const E = [cx + sw * 0.62, H + 40];
      front += armSVG(P, [E, Wr]) + handSVG('fistSide', P, Wr, -14 + B.tilt, -1, { thumb: 'tuck' });
      break;
    }
    case 'glasses': {
      const T = toGlobal([58, -4]);
      const a = -10 + B.tilt;
      const k = P.handScale || 1;
      const Wr = sub(T, rot([13 * k, -96 * k], a));
      const E = [cx + sw * 0.7, H + 40];
      front += armSVG(P, [E, Wr]) + handSVG('fistSide', P, Wr, a, -1, { thumb: 'index' });
      break;
    }
    case 'chest': {
      const E = [cx + sw - 16, H + 40];
      const Wr = [cx + 78, sy + 118];
      front += armSVG(P, [E, Wr]) + handSVG('flat', P, Wr, -62, 1);
      break;
    }
    case 'clasp': {
      for (const s of [-1, 1]) {
        const E = [cx + s * (sw * 0.64), H + 50];
        const Wr = [cx + s * 16, sy + 150];
        front += armSVG(P, [E, Wr]) + handSVG('flat', P, Wr, -s * 8, -s);
      }
      break;
    }
    case 'thumb': {
      const E = [cx + sw - 10, H + 40];
      const Wr = [cx + 96, sy + 112];
      front += armSVG(P, [E, Wr]) + handSVG('fistSide', P, Wr, -8, -1, { thumb: 'up' });
      break;
    }
    case 'strap': {
      const E = [cx + sw + 8, H + 40];
      const Wr = [cx + sw - 50, sy + 128];
      front += armSVG(P, [E, Wr]) + handSVG('fistFront', P, Wr, -10, 1);
      break;
    }
    default:
      break;
  }
  return { back: '', front };
}

// ---------------------------------------------------------------------------------------------
// Extras
// ---------------------------------------------------------------------------------------------

function sparkle(x, y, r, c) {
  const k = r * 0.22;
  return path(d`M${x} ${y - r}Q${x + k} ${y - k} ${x + r} ${y}Q${x + k} ${y + k} ${x} ${y + r}Q${x - k} ${y + k} ${x - r} ${y}Q${x - k} ${y - k} ${x} ${y - r}Z`, c);
}

function extrasHead(X, P) {
  let out = '';
  if (X.extras.includes('vein')) {
    const x = 50;
    const y = -92;
    const arc = (a) => {
      const p0 = rot([5, -14], a);
      const c = rot([3, -4], a);
      const p1 = rot([14, -5], a);
      return band([x + p0[0], y + p0[1]], [x + c[0], y + c[1]], [x + p1[0], y + p1[1]], 5, VEIN);
    };
    out += arc(0) + arc(90) + arc(180) + arc(270);
  }
  if (X.extras.includes('sweat')) {
    const x = -P.face.fw - 14;
    const y = -56;
    out += path(d`M${x} ${y - 16}Q${x + 10} ${y} ${x + 8} ${y + 6}A8.5 8.5 0 1 1 ${x - 8} ${y + 6}Q${x - 10} ${y} ${x} ${y - 16}Z`, SWEAT) + ellipse(x - 3, y + 6, 2.2, 3.5, '#FFFFFF', { opacity: 0.8 });
  }
  return out;
}

function extrasGlobal(X, toGlobal) {
  let out = '';
  if (X.extras.includes('gloom')) {
    for (let i = 0; i < 3; i++) {
      const x = 100 + i * 18;
      const y = 72 + i * 10;
      out += path(d`M${x} ${y}q6 12 0 24q-6 12 0 24q6 12 0 24`, 'none', { stroke: GLOOM, 'stroke-width': 3, 'stroke-linecap': 'round', opacity: 0.55 });
    }
  }
  if (X.extras.includes('qmark')) {
    out += g(
      { transform: 'translate(378 92) rotate(14)', opacity: 0.9 },
      path('M-14 -12Q-14 -30 2 -30Q18 -30 18 -15Q18 -4 6 2Q1 6 1 16', 'none', { stroke: QMARK, 'stroke-width': 9, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }),
      circle(1, 34, 6, QMARK),
    );
  }
  if (X.extras.includes('sparkles')) {
    out += sparkle(104, 150, 15, SPARK) + sparkle(382, 104, 19, SPARK) + sparkle(404, 176, 10, SPARK) + sparkle(80, 206, 8, SPARK);
  }
  if (X.extras.includes('puff')) {
    const m = toGlobal([0, 74]);
    const x = m[0] + 46;
    const y = m[1] + 8;
    out += g({ opacity: 0.85 }, circle(x, y, 9, '#E8F1F6'), circle(x + 14, y - 6, 12, '#E8F1F6'), circle(x + 30, y - 2, 10, '#E8F1F6'), circle(x + 44, y - 12, 7, '#E8F1F6'));
    out += g({ opacity: 0.6 }, path(d`M${x + 4} ${y + 16}q14 6 32 0`, 'none', { stroke: '#B9CCD8', 'stroke-width': 3, 'stroke-linecap': 'round' }));
  }
  if (X.extras.includes('huff')) {
    const m = toGlobal([40, 66]);
    out += g({ opacity: 0.8 }, path(d`M${m[0] + 12} ${m[1] + 2}q10 -4 22 0`, 'none', { stroke: '#B9C6CF', 'stroke-width': 3, 'stroke-linecap': 'round' }), path(d`M${m[0] + 16} ${m[1] + 12}q10 -2 18 3`, 'none', { stroke: '#B9C6CF', 'stroke-width': 3, 'stroke-linecap': 'round' }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Whole bust
// ---------------------------------------------------------------------------------------------

export function renderCharacter(type, exprName) {
  const P = PEOPLE[type];
  const X = resolveExpr(exprName);
  const defs = [];
  const armKind = P.arms[exprName];
  const hdx = X.hdx;
  const hdy = X.hdy + X.slump * 0.6 + X.raise * 0.25;
  const tilt = X.tilt;
  const headT = d`translate(${hdx} ${hdy}) rotate(${tilt} ${PIVOT[0]} ${PIVOT[1]}) translate(${CX} ${HEAD_Y})`;
  const toGlobal = (p) => {
    const q = rot([p[0] + CX - PIVOT[0], p[1] + HEAD_Y - PIVOT[1]], tilt);
    return [q[0] + PIVOT[0] + hdx, q[1] + PIVOT[1] + hdy];
  };
  const sy = 400 - X.raise + X.slump;
  const B = {
    cx: CX + (X.turn < 0 ? X.turn * 6 : 0),
    sy,
    ny: sy - 26 + X.raise * 0.35,
    sw: P.body.sw - X.slump * 0.5,
    nw: P.neckW,
    depth: P.body.cloth === 'blouse' ? 20 : 14,
    bdx: X.turn * 10,
    tilt,
  };
  const body = bodySVG(P, B, defs);
  const arms = armsSVG(armKind, P, B, toGlobal, defs);
  const head = headFront(P, X, defs);
  const parts = [
    g({ transform: headT }, hairBack(P)),
    body.back,
    g({ transform: headT }, neckSVG(P, defs)),
    g({ id: 'body' }, body.body),
    arms.back,
    g({ transform: headT }, head, extrasHead(X, P)),
    arms.front,
    extrasGlobal(X, toGlobal),
  ];
  return svgDoc(W, H, parts.join(''), defs.join(''));
}
