/**
 * `npm run bench:schedule`: plans generated sessions of 30 (reference), 120 and 300 candidates
 * (and 300 with too few rooms) and prints the time to proven optimum of both solver stages and
 * the independent checker's verdict. Target: 300 candidates in at most 20 s. `--smoke`: 30 and
 * 60 candidates. Exits 1 when the checker finds a violation.
 */
import { planSchedule } from '../../pipeline/schedule/plan.ts';
import { generateSession, type Size } from '../schedule/generate.ts';

const reference: Size = { candidates: 30, days: 3, rooms: 3, members: 12 };
const sizes: Size[] = process.argv.includes('--smoke')
  ? [reference, { candidates: 60, days: 3, rooms: 4, members: 14 }]
  : [
      reference,
      { candidates: 120, days: 5, rooms: 5, members: 20 },
      { candidates: 300, days: 6, rooms: 10, members: 34 },
      // Too few rooms: stage 1 needs the MIP and the diagnosis re-solves it with rooms relaxed.
      { candidates: 300, days: 6, rooms: 8, members: 34 },
    ];

let referenceSeconds = 0;
const rows: string[] = [];
for (const size of sizes) {
  const dir = await generateSession(size);
  const began = performance.now();
  const plan = await planSchedule(dir, { all: true, timeLimit: 60 });
  const seconds = (performance.now() - began) / 1000;
  if (referenceSeconds === 0) referenceSeconds = seconds;
  if (plan.violations.length > 0) process.exitCode = 1;
  const { maximise, optimise, juries, variables } = plan.solver;
  rows.push(
    [
      String(size.candidates).padStart(5),
      `${plan.schedule.slots.length}/${plan.schedule.unscheduled.length}`.padStart(9),
      `${seconds.toFixed(2)} s`.padStart(9),
      `×${(seconds / referenceSeconds).toFixed(1)}`.padStart(7),
      `${maximise.status} ${maximise.seconds.toFixed(2)} s`.padStart(20),
      `${optimise.status} ${optimise.seconds.toFixed(2)} s`.padStart(20),
      `${juries}/${variables}`.padStart(12),
      (plan.violations.length === 0
        ? 'no violation'
        : `${plan.violations.length} VIOLATIONS`
      ).padStart(14),
      seconds <= 20 || size.candidates < 300 ? '' : ' over the 20 s target',
    ].join(' '),
  );
}
console.log(
  'candidates  planned/un    total  ratio        stage 1 (count)  stage 2 (moves…days)  juries/vars        checker',
);
for (const row of rows) console.log(row);
console.log(
  `ratio: total time against the ${reference.candidates}-candidate session of the same run`,
);
