/** The `Money` value type every subgraph shares: exact cents plus a decimal string. */
export interface Money {
  cents: number;
  amount: string;
  currency: 'CAD';
}

export const money = (cents: number): Money => ({
  cents,
  amount: `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`,
  currency: 'CAD',
});

