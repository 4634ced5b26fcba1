import type { CapcontidStatus, ContidStatus, LoginuidStatus, SigInfo2V11, SigInfo2V7 } from './structs.js';

/**
 * The ghak90 binary payloads as message kinds, so that `switch (message.kind)` narrows them too
 * (the declaration merging src/audit/message.ts invites).
 */
declare module '../message.js' {
  interface AuditPayloads {
    'contid-status': ContidStatus;
    'capcontid-status': CapcontidStatus;
    'loginuid-status': LoginuidStatus;
    'sig-info2': SigInfo2V7 | SigInfo2V11;
  }
}
