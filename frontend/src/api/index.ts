import { apiJson, query } from './client';
import type { AuditAction, AuditEvent, AuditVerification, Me, Page } from './types';

export * from './client';
export * as dicomweb from './dicomweb';
export type * from './types';

export interface AuditFilter {
  user?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: string;
  to?: string;
  page?: number;
  size?: number;
}

/** The one typed client of the portal's API. */
export const api = {
  me: () => apiJson<Me>('/api/me'),
  audit: (filter: AuditFilter) => apiJson<Page<AuditEvent>>(`/api/audit${query({ ...filter })}`),
  verifyAudit: () => apiJson<AuditVerification>('/api/audit/verify'),
  /** Every action the audit trail records, with the type of resource it is about, sorted by action. */
  auditActions: () => apiJson<AuditAction[]>('/api/audit/actions'),
};
