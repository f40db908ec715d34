/** Where each kind of dashboard item opens, per what the user may read (table-driven). */
import { describe, expect, it } from 'vitest';
import { recordLink } from './links';

type A = 'inspection.read' | 'ownUnit.inspect' | 'disclosure.read' | 'inspector.read' | 'licensing.read' | 'enforcement.read';
const holding =
  (...actions: A[]) =>
  (a: A) =>
    actions.includes(a);

describe('recordLink', () => {
  it.each([
    ['inspection', holding('inspection.read'), { to: '/inspection/inspections/$id', params: { id: 'x' } }],
    ['inspection', holding('ownUnit.inspect'), { to: '/my/inspections/$id', params: { id: 'x' } }],
    ['inspection', holding(), null],
    ['disclosureApplication', holding('disclosure.read'), { to: '/disclosure/applications/$id', params: { id: 'x' } }],
    ['disclosureApplication', holding('inspection.read'), null],
    ['disclosureAnnualReport', holding('disclosure.read'), { to: '/disclosure/annual-reports' }],
    ['disclosureRegisterEntry', holding('disclosure.read'), { to: '/disclosure/register' }],
    ['inspector', holding('inspector.read'), { to: '/inspectors' }],
    ['licensingApplication', holding('licensing.read'), { to: '/licensing/applications/$id', params: { id: 'x' } }],
    ['licensingApplication', holding('disclosure.read'), null],
    ['enforcementCase', holding('enforcement.read'), { to: '/enforcement/cases/$id', params: { id: 'x' } }],
    ['enforcementCase', holding('inspection.read'), null],
    ['somethingElse', holding('inspection.read', 'disclosure.read', 'inspector.read', 'ownUnit.inspect'), null],
  ] as const)('%s → %o', (entityType, can, expected) => {
    expect(recordLink({ entityType, entityId: 'x' }, can)).toEqual(expected);
  });
});
