import {
  DEFAULT_SIGNING_LIMITS,
  lifecycleWriteOffGround,
  responsibleSigner,
  SignatureRequest,
  signatureRefusal,
  signingLimitsProblem,
  WRITE_OFF_PROPOSAL_GROUNDS,
  writeOffProposalProblem,
} from './write-off-proposal';
import { isWriteOffGround } from '../lifecycle/write-off';

const request = (overrides: Partial<SignatureRequest> = {}): SignatureRequest => ({
  state: 'awaiting-signature',
  role: 'billing-supervisor',
  signerOrganisations: ['fi-demo'],
  organisationId: 'fi-demo',
  amountCents: 123_45,
  currency: 'EUR',
  limits: DEFAULT_SIGNING_LIMITS,
  ...overrides,
});

describe('write-off proposals signed by the responsible manager (seed 004)', () => {
  it('maps every proposal ground to a ground the invoice lifecycle records', () => {
    for (const ground of WRITE_OFF_PROPOSAL_GROUNDS) expect(isWriteOffGround(lifecycleWriteOffGround(ground))).toBe(true);
    expect(lifecycleWriteOffGround('limitation')).toBe('statute-barred');
    expect(lifecycleWriteOffGround('debt-restructuring')).toBe('debt-restructuring');
  });

  it('needs grounds from the list and a note', () => {
    expect(writeOffProposalProblem({ grounds: 'uneconomic', note: 'three agency rounds, 4.20 left' })).toBeUndefined();
    expect(writeOffProposalProblem({ grounds: 'hardship', note: 'x' })).toEqual({ field: 'grounds', reason: 'is one of estate-without-assets, debt-restructuring, limitation, uneconomic, other' });
    expect(writeOffProposalProblem({ grounds: 'other', note: ' ' })?.field).toBe('note');
  });

  it('sends a proposal to the manager with the lowest limit that covers it', () => {
    expect(responsibleSigner(500_000, DEFAULT_SIGNING_LIMITS)).toBe('billing-supervisor');
    expect(responsibleSigner(500_001, DEFAULT_SIGNING_LIMITS)).toBe('result-area-director');
    expect(responsibleSigner(500_001, [{ role: 'billing-supervisor', maxCents: 100 }])).toBeUndefined();
  });

  it('lets the responsible manager of the organisation sign within the limit', () => {
    expect(signatureRefusal(request())).toBeUndefined();
    expect(signatureRefusal(request({ role: 'result-area-director', amountCents: 9_999_999_99 }))).toBeUndefined();
  });

  it('refuses another role, a manager of another organisation and an amount over the limit', () => {
    expect(signatureRefusal(request({ role: 'finance-centre' }))).toEqual({
      kind: 'rule',
      reason: 'a write-off proposal is signed by the responsible manager (billing-supervisor or result-area-director), not finance-centre',
    });
    expect(signatureRefusal(request({ signerOrganisations: ['se-demo'] }))).toEqual({ kind: 'rule', reason: 'a manager of another organisation may not sign fi-demo’s write-offs' });
    expect(signatureRefusal(request({ amountCents: 600_000 }))).toEqual({
      kind: 'rule',
      reason: 'billing-supervisor signs write-offs up to 5000.00 EUR; this proposal is 6000.00 EUR: it needs result-area-director',
    });
  });

  it('refuses a proposal not awaiting a signature as a state conflict', () => {
    expect(signatureRefusal(request({ state: 'preparing' }))?.kind).toBe('state');
    expect(signatureRefusal(request({ state: 'signed' }))).toEqual({ kind: 'state', reason: 'the proposal is already signed' });
    expect(signatureRefusal(request({ state: 'rejected' }))?.reason).toBe('the proposal is already rejected');
  });

  it('checks an organisation’s signing limits', () => {
    expect(signingLimitsProblem(DEFAULT_SIGNING_LIMITS)).toBeUndefined();
    expect(signingLimitsProblem([])?.field).toBe('signingLimits');
    expect(signingLimitsProblem([{ role: 'caseworker', maxCents: 1 }])).toEqual({ field: 'signingLimits.0.role', reason: 'is one of billing-supervisor, result-area-director' });
    expect(signingLimitsProblem([{ role: 'billing-supervisor', maxCents: 1 }, { role: 'billing-supervisor', maxCents: 2 }])?.reason).toBe('is named twice');
    expect(signingLimitsProblem([{ role: 'billing-supervisor', maxCents: 0 }])?.field).toBe('signingLimits.0.maxAmount');
  });
});
