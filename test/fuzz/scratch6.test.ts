import { it, expect } from 'vitest';
import { CaptureStreamReader, readCaptureItems } from '../../src/capture/index.js';
it('f2', () => {
  const whole = (() => { try { return [...readCaptureItems(Uint8Array.of(0x30, 0x0a, 0))].map((i) => i.kind).join(); } catch (e) { return String((e as Error).message); } })();
  const r = new CaptureStreamReader();
  const out: string[] = [];
  r.append(Uint8Array.of(0x30, 0x0a));
  for (let x = r.next(); x; x = r.next()) out.push(x.kind);
  r.append(Uint8Array.of(0));
  r.end();
  for (let x = r.next(); x; x = r.next()) out.push(x.kind + (x.kind === 'error' ? ':' + x.error.code : ''));
  expect('WHOLE ' + whole + ' CHUNKED ' + out.join()).toBe('');
});
