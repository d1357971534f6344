import { describe, expect, it } from 'vitest';
import { DecisionContent, type DecisionContentInput } from '../../shared/domain.js';
import {
  addDriver,
  addPerson,
  moveSwing,
  removeDriver,
  removePerson,
  setCombination,
  setPersonScore,
  setPersonWeight,
  setSwingPoints,
  swingInversions,
  swingOrder,
  swingWeight,
  toDirectWeighting,
  toSwingWeighting,
} from '../../shared/evaluation.js';
import { analyzeDecision, buildMatrix } from '../../shared/scoring.js';

function content(input: Partial<DecisionContentInput> = {}): DecisionContent {
  return DecisionContent.parse({
    title: 'Pick a database',
    date: '2026-01-01',
    options: [
      { id: 'pg', name: 'PostgreSQL' },
      { id: 'mongo', name: 'MongoDB' },
    ],
    drivers: [
      { id: 'tx', name: 'Transactions', weight: 2 },
      { id: 'ops', name: 'Operations', weight: 4 },
      { id: 'scale', name: 'Scale-out', weight: 0 },
    ],
    evaluation: {
      scores: [
        { option: 'pg', driver: 'tx', value: 5 },
        { option: 'mongo', driver: 'tx', value: 2 },
        { option: 'pg', driver: 'ops', value: 3 },
        { option: 'mongo', driver: 'ops', value: 4 },
      ],
    },
    ...input,
  });
}

describe('swing weighting', () => {
  it('starts from the direct weights, heaviest first, without changing one', () => {
    const d = toSwingWeighting(content());
    expect(d.evaluation.weighting).toEqual({
      method: 'swing',
      order: ['ops', 'tx', 'scale'],
      swing: { tx: 40, ops: 100, scale: 0 },
    });
    expect(d.drivers.map((x) => x.weight)).toEqual([2, 5, 0]);
  });

  it('ranks by moving, rates against the top one, and sets the weights from the points', () => {
    let d = toSwingWeighting(content());
    d = moveSwing(d, 'tx', -1);
    expect(swingOrder(d).map((x) => x.id)).toEqual(['tx', 'ops', 'scale']);
    expect(d.evaluation.weighting.swing.tx).toBe(100);
    d = setSwingPoints(d, 'ops', 50);
    d = setSwingPoints(d, 'scale', 20);
    d = setSwingPoints(d, 'tx', 10); // the top swing stays 100
    expect(d.drivers.map((x) => [x.id, x.weight])).toEqual([
      ['tx', 5],
      ['ops', 3],
      ['scale', 1],
    ]);
    expect(swingInversions(d)).toEqual([]);
    d = setSwingPoints(d, 'scale', 80);
    expect(swingInversions(d).map(([a, b]) => [a.id, b.id])).toEqual([['ops', 'scale']]);
    // The first move off the top or to the bottom is refused at the ends.
    expect(moveSwing(d, 'tx', -1)).toBe(d);
    expect(moveSwing(d, 'scale', 1)).toBe(d);
  });

  it('keeps its inputs when switched back to direct, and picks them up again', () => {
    const swung = setSwingPoints(moveSwing(toSwingWeighting(content()), 'tx', -1), 'ops', 30);
    const direct = toDirectWeighting(swung);
    expect(direct.evaluation.weighting.method).toBe('direct');
    expect(direct.evaluation.weighting.swing).toEqual(swung.evaluation.weighting.swing);
    expect(toSwingWeighting(direct).evaluation.weighting).toEqual(swung.evaluation.weighting);
  });

  it('a criterion added while swing-weighting joins the ranking with the points its weight stands for', () => {
    const d = addDriver(toSwingWeighting(content()), 'Licence cost', '', 3);
    expect(d.evaluation.weighting.order.at(-1)).toBe('licence-cost');
    expect(d.evaluation.weighting.swing['licence-cost']).toBe(60);
    expect(d.drivers.at(-1)!.weight).toBe(swingWeight(60));
  });

  it('scales 0–100 points to 0–5', () => {
    expect([0, 9, 10, 50, 100, 140].map(swingWeight)).toEqual([0, 0, 1, 3, 5, 5]);
  });
});

describe('people’s views', () => {
  it('adds people once, keeps their own weights and scores, and combines them as said', () => {
    let d = addPerson(content(), 'Ana', 'decision-maker');
    d = addPerson(d, 'Bo', 'consulted');
    d = addPerson(d, ' Ana ', 'consulted');
    expect(d.evaluation.people.map((p) => [p.name, p.role])).toEqual([
      ['Ana', 'decision-maker'],
      ['Bo', 'consulted'],
    ]);
    d = setPersonScore(d, 'Ana', 'mongo', 'ops', 5);
    d = setPersonScore(d, 'Bo', 'mongo', 'ops', 1);
    d = setPersonWeight(d, 'Bo', 'tx', 5);
    expect(analyzeDecision(d).agreement[0]).toMatchObject({ option: 'mongo', driver: 'ops', spread: 4 });
    // The decision's own view until the user says otherwise.
    expect(buildMatrix(d).rows[1]!.cells[1]!.score).toBe(4);
    d = setCombination(d, { method: 'person', person: 'Bo' });
    const bo = buildMatrix(d);
    expect(bo.rows[0]!.weight).toBe(5);
    expect(bo.rows[1]!.cells[1]!.score).toBe(1);
    d = setCombination(d, { method: 'mean', person: null });
    expect(buildMatrix(d).rows[1]!.cells[1]!.score).toBe(3);
    // Back to following the decision.
    d = setPersonScore(setPersonWeight(d, 'Bo', 'tx', null), 'Bo', 'mongo', 'ops', null);
    expect(d.evaluation.people[1]).toMatchObject({ weights: {}, scores: [] });
  });

  it('removing the person whose call the matrix took goes back to the decision’s own view', () => {
    let d = addPerson(addPerson(content(), 'Ana', 'decision-maker'), 'Bo', 'consulted');
    d = setCombination(d, { method: 'person', person: 'Bo' });
    d = removePerson(d, 'Bo');
    expect(d.evaluation.combine).toEqual({ method: 'own', person: null });
    expect(d.evaluation.people.map((p) => p.name)).toEqual(['Ana']);
  });

  it('removing a criterion removes people’s weights and scores for it', () => {
    let d = addPerson(content(), 'Ana', 'decision-maker');
    d = setPersonWeight(setPersonScore(d, 'Ana', 'pg', 'ops', 2), 'Ana', 'ops', 1);
    d = removeDriver(d, 'ops');
    expect(d.evaluation.people[0]).toMatchObject({ weights: {}, scores: [] });
  });
});
