/**
 * The standard 裁量基准 from the archives law (档案法 2020): the acts of 第四十八条 that 第四十九条
 * punishes — （一）（二）（四） when using an archive (units 1万–10万元, individuals 500–5000元;
 * archive-service companies in their service 2万–20万元) and （三）（五） (confiscation of the illegal
 * gains plus the unit/individual ranges) — each split into four circumstances by quarters of the
 * statutory range. A bureau adjusts the recommended ranges to its own published benchmark.
 */
import type { BenchmarkPartyKind, Circumstance, PenaltyType } from '../labels.js';

export interface StandardBenchmark {
  code: string;
  partyKind: BenchmarkPartyKind;
  violation: string;
  breachBasis: string;
  penaltyBasis: string;
  statutoryMin: number;
  statutoryMax: number;
  confiscation: boolean;
  levels: { circumstance: Circumstance; min: number; max: number; penalties: PenaltyType[]; description: string }[];
}

const ACTS: { code: string; item: string; text: string; confiscation: boolean }[] = [
  { code: 'a48_1', item: '（一）', text: '丢失属于国家所有的档案', confiscation: false },
  { code: 'a48_2', item: '（二）', text: '擅自提供、抄录、复制、公布属于国家所有的档案', confiscation: false },
  { code: 'a48_3', item: '（三）', text: '买卖或者非法转让属于国家所有的档案', confiscation: true },
  { code: 'a48_4', item: '（四）', text: '篡改、损毁、伪造档案或者擅自销毁档案', confiscation: false },
  { code: 'a48_5', item: '（五）', text: '将档案出卖、赠送给外国人或者外国组织', confiscation: true },
];

const RANGES: Record<BenchmarkPartyKind, [number, number]> = { unit: [10_000, 100_000], individual: [500, 5_000], archive_service: [20_000, 200_000] };

const DESCRIPTIONS: Record<Circumstance, string> = {
  minor: '初次违法、危害后果轻微并及时改正的，可以不予行政处罚（首违不罚，行政处罚法第三十三条），并进行教育；需要处罚的，在最低档内处罚',
  general: '违法情节一般，造成一定危害后果',
  serious: '违法情节较重，涉及档案数量较多或者造成较大影响，或者经责令改正仍不改正',
  grave: '违法情节严重，造成档案严重损毁、灭失或者恶劣社会影响',
};

function quarters(min: number, max: number): [number, number][] {
  const step = (max - min) / 4;
  const at = (k: number) => Math.round(min + step * k);
  return [0, 1, 2, 3].map((k) => [at(k), at(k + 1)]);
}

export function standardBenchmarks(): StandardBenchmark[] {
  const out: StandardBenchmark[] = [];
  for (const act of ACTS) {
    const kinds: BenchmarkPartyKind[] = act.confiscation ? ['unit', 'individual'] : ['unit', 'individual', 'archive_service'];
    for (const kind of kinds) {
      const [lo, hi] = RANGES[kind];
      const q = quarters(lo, hi);
      const types: PenaltyType[] = act.confiscation ? ['warning', 'confiscation', 'fine'] : ['warning', 'fine'];
      out.push({
        code: act.code,
        partyKind: kind,
        violation:
          kind === 'archive_service'
            ? `档案服务企业在服务过程中${act.text}`
            : `利用档案馆的档案，${act.text}`.replace('利用档案馆的档案，将档案', '将档案').replace('利用档案馆的档案，买卖', '买卖'),
        breachBasis: `《中华人民共和国档案法》第四十八条第${act.item}项`,
        penaltyBasis:
          kind === 'archive_service'
            ? '《中华人民共和国档案法》第四十九条第二款'
            : act.confiscation
              ? '《中华人民共和国档案法》第四十九条第三款'
              : '《中华人民共和国档案法》第四十九条第一款',
        statutoryMin: lo,
        statutoryMax: hi,
        confiscation: act.confiscation,
        levels: (['minor', 'general', 'serious', 'grave'] as const).map((c, i) => ({
          circumstance: c,
          min: q[i]![0],
          max: q[i]![1],
          penalties: types,
          description: DESCRIPTIONS[c],
        })),
      });
    }
  }
  return out;
}
