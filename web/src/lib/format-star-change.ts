/** A change of rating in stars with its sign and up to two decimals: "+1.5 ★", "−0.67 ★", "±0 ★". */
export function formatStarChange(change: number): string {
  const rounded = Math.round(change * 100) / 100;
  if (rounded === 0) return '±0 ★';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} ★`;
}
