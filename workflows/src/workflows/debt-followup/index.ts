export { decedentEstate } from './decedent-estate';
export { writeOffProposal } from './write-off-proposal';
export { debtRestructuring } from './debt-restructuring';
export { monthlyDebtReview } from './monthly-debt-review';
