import { describe, expect, it } from 'vitest';
import type { FeatureIcc, FeatureJob, RobustnessGroup } from '../../api/features';
import {
  formatIcc,
  iccOf,
  isFinished,
  jobProgress,
  jobSummary,
  parseMinIcc,
  robustAcrossGroups,
  settingsChoices,
  sortByIcc,
} from './robustness';

function icc(feature: string, icc21: number | null, icc31: number | null = icc21): FeatureIcc {
  return {
    feature,
    icc21,
    icc21Low: icc21 === null ? null : icc21 - 0.1,
    icc21High: icc21 === null ? null : Math.min(1, icc21 + 0.05),
    icc31,
    icc31Low: icc31 === null ? null : icc31 - 0.2,
    icc31High: icc31 === null ? null : Math.min(1, icc31 + 0.02),
  };
}

const group = (label: string, features: FeatureIcc[]): RobustnessGroup => ({
  phase: 'CT_NON_CONTRAST',
  lesionLabel: label,
  readers: ['a', 'b'],
  cases: 2,
  features,
});

function job(id: number, hash: string, status: FeatureJob['status'] = 'DONE'): FeatureJob {
  return {
    id, studyId: 1, status, total: 8, done: 5, skipped: 2, failed: 1, errors: [], settingsHash: hash, settings: {},
    createdBy: 'pi', createdAt: null, finishedAt: null, cases: null,
  };
}

describe('ICC values', () => {
  it('reads the chosen type and prints value with its interval', () => {
    const f = icc('YEKZ', 0.9123, 0.95);
    expect(iccOf(f, 'ICC21')).toEqual({ value: 0.9123, low: 0.9123 - 0.1, high: 0.9623 });
    expect(formatIcc(iccOf(f, 'ICC21'))).toBe('0.912 [0.812, 0.962]');
    expect(formatIcc(iccOf(f, 'ICC31'))).toBe('0.950 [0.750, 0.970]');
    expect(formatIcc({ value: 0.5, low: null, high: null })).toBe('0.500');
    expect(formatIcc(iccOf(icc('X', null), 'ICC21'))).toBe('—');
  });

  it('sorts highest first, undefined last, ties by name', () => {
    const features = [icc('b', 0.5), icc('none', null), icc('a', 0.5), icc('top', 0.99, 0.1)];
    expect(sortByIcc(features, 'ICC21').map((f) => f.feature)).toEqual(['top', 'a', 'b', 'none']);
    expect(sortByIcc(features, 'ICC31').map((f) => f.feature)).toEqual(['a', 'b', 'top', 'none']);
  });

  it('selects what passes in every group, as the server does', () => {
    const groups = [
      group('nodule', [icc('a', 0.95), icc('b', 0.8), icc('c', 0.7), icc('d', null)]),
      group('other', [icc('a', 0.76), icc('b', 0.74), icc('c', 0.99), icc('d', 0.99)]),
    ];
    expect(robustAcrossGroups(groups, 'ICC21', 0.75)).toEqual(['a']);
    expect(robustAcrossGroups(groups, 'ICC21', 0.7)).toEqual(['a', 'b', 'c']);
    expect(robustAcrossGroups(groups.slice(0, 1), 'ICC21', 0.75)).toEqual(['a', 'b']);
    expect(robustAcrossGroups(groups, 'ICC21', 0.75 + 1e-12).length).toBe(1);
    expect(robustAcrossGroups([], 'ICC21', 0)).toEqual([]);
  });

  it('parses the threshold in [0, 1], with a decimal comma', () => {
    expect(parseMinIcc('0,9')).toBe(0.9);
    expect(parseMinIcc('1')).toBe(1);
    expect(parseMinIcc('0')).toBe(0);
    expect(parseMinIcc('')).toMatch(/number/);
    expect(parseMinIcc('abc')).toMatch(/number/);
    expect(parseMinIcc('1.2')).toMatch(/between 0 and 1/);
  });
});

describe('feature jobs', () => {
  it('counts computed, skipped and failed ROIs as handled', () => {
    expect(jobProgress(job(1, 'h'))).toEqual({ done: 8, total: 8, fraction: 1 });
    expect(jobProgress({ done: 1, skipped: 0, failed: 0, total: 4 })).toEqual({ done: 1, total: 4, fraction: 0.25 });
    expect(jobProgress({ done: 0, skipped: 0, failed: 0, total: 0 }).fraction).toBe(0);
    expect(jobSummary(job(1, 'h'))).toBe('done: 5 computed · 2 already there · 1 failed of 8 ROIs');
    expect(jobSummary(job(1, 'h', 'QUEUED'))).toBe('queued');
  });

  it('knows when to stop polling', () => {
    expect(isFinished({ status: 'DONE' })).toBe(true);
    expect(isFinished({ status: 'FAILED' })).toBe(true);
    expect(isFinished({ status: 'RUNNING' })).toBe(false);
    expect(isFinished({ status: 'QUEUED' })).toBe(false);
  });

  it('offers each settings once, newest job first', () => {
    const choices = settingsChoices([job(5, 'x'), job(4, 'y'), job(3, 'x'), job(2, 'z')]);
    expect(choices.map((c) => [c.hash, c.job.id])).toEqual([['x', 5], ['y', 4], ['z', 2]]);
  });
});
