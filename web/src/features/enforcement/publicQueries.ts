/**
 * The portal's 行政执法公示 (/api/public/enforcement/…) as TanStack Query hooks, no sign-in: one bureau's
 * body, powers, bases, procedures, officers and published penalty decisions. Types from the server's
 * contracts; nothing here writes.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  InspectionPowerPage,
  LicensingPowerPage,
  PenaltyPowerPage,
  ProcedureList,
  PublicBasisPage,
  PublicBody,
  PublicDecisionPage,
  PublicOfficerPage,
} from '@server/modules/enforcement/public/contracts';
import { api } from '../../api/client';

export const PUBLIC_ENFORCEMENT_URL = '/api/public/enforcement';
const PUBLIC = { redirectOn401: false } as const;

/** One bureau's object (body, procedures). */
function useOrgRead<T>(path: string, org: string | undefined) {
  return useQuery({
    queryKey: [PUBLIC_ENFORCEMENT_URL, path, org],
    queryFn: () => api.get<T>(`${PUBLIC_ENFORCEMENT_URL}/${path}`, { org }, PUBLIC),
    enabled: !!org,
  });
}

/** A page of one bureau's list. */
function useOrgPage<T>(path: string, org: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [PUBLIC_ENFORCEMENT_URL, path, org, page, pageSize],
    queryFn: () => api.get<T>(`${PUBLIC_ENFORCEMENT_URL}/${path}`, { org, page, pageSize }, PUBLIC),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export const usePublicBody = (org: string | undefined) => useOrgRead<PublicBody>('body', org);
export const usePublicProcedures = (org: string | undefined) => useOrgRead<ProcedureList>('procedures', org);
export const useLicensingPowers = (org: string | undefined, page: number, pageSize: number) =>
  useOrgPage<LicensingPowerPage>('powers/licensing', org, page, pageSize);
export const useInspectionPowers = (org: string | undefined, page: number, pageSize: number) =>
  useOrgPage<InspectionPowerPage>('powers/inspection', org, page, pageSize);
export const usePenaltyPowers = (org: string | undefined, page: number, pageSize: number) =>
  useOrgPage<PenaltyPowerPage>('powers/penalty', org, page, pageSize);
export const usePublicBases = (org: string | undefined, page: number, pageSize: number) => useOrgPage<PublicBasisPage>('bases', org, page, pageSize);
export const usePublicOfficers = (org: string | undefined, page: number, pageSize: number) => useOrgPage<PublicOfficerPage>('officers', org, page, pageSize);
export const usePublicPenaltyDecisions = (org: string | undefined, page: number, pageSize: number) =>
  useOrgPage<PublicDecisionPage>('decisions', org, page, pageSize);
