export type Role = 'reader' | 'pi' | 'board' | 'admin';

export interface Me {
  name: string;
  roles: Role[];
}

export interface AuditEvent {
  seq: number;
  time: string;
  userId: string;
  userName: string;
  roles: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: 'SUCCESS' | 'DENIED' | 'FAILED';
  requestId: string | null;
  clientAddress: string | null;
  details: string;
  prevHash: string;
  hash: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

/** One kind of audited event, as the audit filter lists them (GET /api/audit/actions). */
export interface AuditAction {
  action: string;
  resourceType: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  firstBroken: number | null;
  /** what was found when not ok */
  reason: string | null;
  /** first event of the HMAC-keyed chain */
  keyedFrom: number | null;
  /** the newest signed checkpoint (outside the database) the trail was compared with */
  checkpointSeq: number | null;
  checkpointTime: string | null;
  checkpointsChecked: number;
}
