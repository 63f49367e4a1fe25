import { describe, expect, it } from 'vitest';
import {
  buildInitiative,
  buildMilestone,
  buildRoadmap,
} from '../../../../test/factories/timeline-roadmaps.ts';
import { svgElements } from '../../../../test/svg.ts';
import type { Initiative } from '../initiative-store.ts';
import type { Milestone } from '../milestone-store.ts';
import { timelineChart } from './roadmap-timeline-chart.ts';
import { layoutTimeline } from './roadmap-timeline-layout.ts';

const labels = {
  title: 'Timeline',
  description: 'Bars',
  today: 'Today',
  overdue: 'overdue',
  quarter: (quarter: number) => `Q${quarter}`,
};

function layout(initiatives: Initiative[], milestones: Milestone[] = [], today = '2026-07-01') {
  return layoutTimeline({ ...buildRoadmap(initiatives), milestones, today });
}

const rowOf = (result: ReturnType<typeof layout>, id: string) => {
  const row = result.rows.find((candidate) => candidate.initiative.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

describe('the timeline layout', () => {
  it('lists a programme, then its projects by start date, then their activities, indented', () => {
    const result = layout([
      buildInitiative('late-project', { parentId: 'programme', startsOn: '2027-06-01' }),
      buildInitiative('activity', { parentId: 'late-project', level: 'activity' }),
      buildInitiative('programme', { level: 'programme', endsOn: '2028-12-31' }),
      buildInitiative('early-project', { parentId: 'programme', startsOn: '2026-03-01' }),
      buildInitiative('other', { startsOn: '2029-01-01', endsOn: '2029-06-30' }),
    ]);
    expect(result.rows.map((row) => [row.initiative.id, row.depth])).toEqual([
      ['programme', 0],
      ['early-project', 1],
      ['late-project', 1],
      ['activity', 2],
      ['other', 0],
    ]);
    // Each row sits below the one before.
    const ys = result.rows.map((row) => row.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it('draws a bar from its start to the end of its last day, filled as far as it has progressed', () => {
    const result = layout([
      buildInitiative('a', {
        startsOn: '2027-01-01',
        endsOn: '2027-12-31',
        steps: { done: 1, total: 4 },
      }),
    ]);
    const bar = rowOf(result, 'a').bar;
    const year2027 = result.years.find((year) => year.year === 2027);
    const year2028 = result.years.find((year) => year.year === 2028);
    expect(bar?.x).toBe(year2027?.x);
    expect(bar && bar.x + bar.width).toBeCloseTo(year2028?.x ?? 0, 0);
    expect(bar?.progressWidth).toBeCloseTo((bar?.width ?? 0) / 4, 0);
    expect(rowOf(result, 'a').progress).toBe(25);
  });

  it('spans the plan’s years, widened to an initiative that starts before it', () => {
    expect(layout([buildInitiative('a')]).years.map((year) => year.year)).toEqual([
      2026, 2027, 2028, 2029, 2030,
    ]);
    const widened = layout([buildInitiative('a', { startsOn: '2025-07-01' })]);
    expect(widened.years[0]?.year).toBe(2025);
    expect(widened.years.at(-1)?.year).toBe(2030);
    // Three quarter lines inside each year.
    expect(widened.quarterXs).toHaveLength(6 * 3);
  });

  it('draws today’s line where today falls, and none when today is outside the period', () => {
    const result = layout([buildInitiative('a', { startsOn: '2026-07-01' })], [], '2026-07-01');
    expect(result.todayX).toBe(rowOf(result, 'a').bar?.x);
    expect(layout([buildInitiative('a')], [], '2031-01-01').todayX).toBeUndefined();
    expect(layout([buildInitiative('a')], [], '2025-12-31').todayX).toBeUndefined();
  });

  it('points an arrow from the end of the prerequisite to the start of what depends on it', () => {
    const result = layout([
      buildInitiative('first', { startsOn: '2026-01-01', endsOn: '2026-06-30' }),
      buildInitiative('then', {
        startsOn: '2026-09-01',
        endsOn: '2027-03-31',
        dependsOnIds: ['first', 'undated'],
      }),
      buildInitiative('undated', { startsOn: null, endsOn: null }),
    ]);
    const first = rowOf(result, 'first');
    const then = rowOf(result, 'then');
    // The undated prerequisite has no bar to start an arrow from.
    expect(result.arrows).toEqual([
      {
        fromId: 'first',
        toId: 'then',
        from: { x: (first.bar?.x ?? 0) + (first.bar?.width ?? 0), y: first.y },
        to: { x: then.bar?.x, y: then.y },
      },
    ]);
  });

  it('lists undated initiatives as not yet scheduled, keeping an undated programme as a row when work under it is dated', () => {
    const result = layout([
      buildInitiative('programme', { level: 'programme', startsOn: null, endsOn: null }),
      buildInitiative('dated', { parentId: 'programme' }),
      buildInitiative('no-end', { endsOn: null }),
      buildInitiative('idea', { startsOn: null, endsOn: null }),
    ]);
    // Undated siblings come after dated ones, in the order given (the store's: by title).
    expect(result.unscheduled.map((initiative) => initiative.id)).toEqual([
      'no-end',
      'programme',
      'idea',
    ]);
    expect(result.rows.map((row) => row.initiative.id)).toEqual(['programme', 'dated']);
    expect(rowOf(result, 'programme').bar).toBeUndefined();
  });

  it('flags open work past its end and milestones missed, but not completed work', () => {
    const result = layout(
      [
        buildInitiative('late', { endsOn: '2026-06-30' }),
        buildInitiative('done', { endsOn: '2026-06-30', status: 'completed' }),
        buildInitiative('on-time', { endsOn: '2026-12-31' }),
      ],
      [
        buildMilestone('on-time', '2026-03-31'),
        buildMilestone('on-time', '2026-04-30', { reachedOn: '2026-04-20' }),
        buildMilestone('on-time', '2026-09-30'),
        buildMilestone('done', '2026-03-31'),
      ],
      '2026-07-01',
    );
    expect(result.rows.map((row) => [row.initiative.id, row.overdue])).toEqual([
      ['late', true],
      ['done', false],
      ['on-time', false],
    ]);
    expect(rowOf(result, 'on-time').milestones.map((entry) => entry.overdue)).toEqual([
      true,
      false,
      false,
    ]);
    expect(rowOf(result, 'done').milestones[0]?.overdue).toBe(false);
  });
});

describe('the timeline chart', () => {
  it('is an image with a title and description, marking a late bar by hatching and in words', () => {
    const svg = timelineChart(
      layout([
        buildInitiative('late', { title: 'Digital ID <pilot>', endsOn: '2026-06-30' }),
        buildInitiative('fine', { title: 'Open data portal' }),
      ]),
      labels,
    );
    const elements = svgElements(svg);
    expect(elements[0]?.attrs.role).toBe('img');
    expect(elements.find((element) => element.tag === 'title')?.text).toBe('Timeline');
    expect(elements.find((element) => element.tag === 'desc')?.text).toBe('Bars');
    const texts = elements.filter((element) => element.tag === 'text').map((e) => e.text);
    expect(texts).toContain('Digital ID <pilot>');
    expect(texts).toContain('Open data portal');
    expect(texts.filter((text) => text === 'overdue')).toHaveLength(1);
    expect(elements.filter((element) => element.attrs.class === 'tl-late')).toHaveLength(1);
    expect(texts).toContain('Today');
    // Nothing a strict Content-Security-Policy would block.
    expect(svg).not.toMatch(/style=|<style|<script/);
  });

  it('cuts a long title to fit beside the dates', () => {
    const svg = timelineChart(layout([buildInitiative('a', { title: 'x'.repeat(200) })]), labels);
    const label = svgElements(svg).find((element) => element.text.startsWith('xxx'));
    expect(label?.text.endsWith('…')).toBe(true);
    expect(label?.text.length).toBeLessThan(45);
  });

  it('lays out and draws a thousand initiatives in well under 100 ms, in little space', () => {
    const initiatives: Initiative[] = [];
    for (let programme = 0; programme < 10; programme++) {
      initiatives.push(
        buildInitiative(`p${programme}`, { level: 'programme', endsOn: '2030-12-31' }),
      );
      for (let project = 0; project < 99; project++) {
        const month = String(1 + (project % 12)).padStart(2, '0');
        initiatives.push(
          buildInitiative(`p${programme}-${project}`, {
            parentId: `p${programme}`,
            startsOn: `${2026 + (project % 4)}-${month}-01`,
            endsOn: `${2027 + (project % 4)}-${month}-28`,
            dependsOnIds: project > 0 ? [`p${programme}-${project - 1}`] : [],
          }),
        );
      }
    }
    const roadmap = buildRoadmap(initiatives);
    const milestones = initiatives.map((initiative) => buildMilestone(initiative.id, '2027-06-30'));
    const draw = () =>
      timelineChart(layoutTimeline({ ...roadmap, milestones, today: '2027-01-01' }), labels);
    let svg = draw();
    // Warm, as a server that has drawn it before; the fastest of a few runs, as a loaded machine jitters.
    let fastest = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      svg = draw();
      fastest = Math.min(fastest, performance.now() - started);
    }
    expect(fastest).toBeLessThan(100);
    expect(svg.length / initiatives.length).toBeLessThan(600);
  });
});
