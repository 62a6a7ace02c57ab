// The audit step's judgement of npm audit reports: node --test scripts/audit/audit.test.mjs
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeAuditReport } from './audit.mjs';

const counts = (over = {}) => ({ info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...over });

describe('judgeAuditReport', () => {
  const refused = {
    message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    statusCode: 405,
    error: { summary: '', detail: '' },
  };

  test('when the advisory service cannot be reached, then the step is skipped and says loudly that nothing was checked', () => {
    const verdict = judgeAuditReport(refused);
    assert.equal(verdict.ok, true);
    assert.equal(verdict.skipped, true);
    assert.match(verdict.lines.join('\n'), /405 Method Not Allowed/);
    assert.match(verdict.lines.join('\n'), /SKIPPED: production dependencies were NOT checked/);
  });

  test('when the audit is required and the service cannot be reached, then the step fails', () => {
    const verdict = judgeAuditReport(refused, { required: true });
    assert.equal(verdict.ok, false);
    assert.match(verdict.lines.join('\n'), /NOT checked, and AUDIT_REQUIRED=1/);
  });

  test('when npm printed no report at all, then nothing counts as checked', () => {
    for (const report of [undefined, { auditReportVersion: 2, vulnerabilities: {} }]) {
      assert.equal(judgeAuditReport(report).skipped, true);
      assert.equal(judgeAuditReport(report, { required: true }).ok, false);
    }
  });

  test('when only moderate and low advisories exist, then the step passes and counts them', () => {
    const verdict = judgeAuditReport({
      auditReportVersion: 2,
      vulnerabilities: { cookie: { name: 'cookie', severity: 'low', via: [{ title: 'out of bounds chars', url: 'https://github.com/advisories/GHSA-x' }] } },
      metadata: { vulnerabilities: counts({ low: 1, moderate: 2, total: 3 }) },
    });
    assert.equal(verdict.ok, true);
    assert.match(verdict.lines[0], /3 advisories \(critical 0, high 0, moderate 2, low 1\)/);
  });

  test('when a package has a high or critical advisory, directly or through another, then the step fails naming each', () => {
    const verdict = judgeAuditReport({
      auditReportVersion: 2,
      vulnerabilities: {
        'path-to-regexp': {
          name: 'path-to-regexp',
          severity: 'high',
          range: '<0.1.12',
          via: [{ title: 'ReDoS in path-to-regexp', url: 'https://github.com/advisories/GHSA-y' }],
        },
        express: { name: 'express', severity: 'critical', range: '4.0.0 - 4.21.1', via: ['path-to-regexp'] },
      },
      metadata: { vulnerabilities: counts({ high: 1, critical: 1, total: 2 }) },
    });
    assert.equal(verdict.ok, false);
    const text = verdict.lines.join('\n');
    assert.match(text, /high: path-to-regexp <0\.1\.12 ReDoS in path-to-regexp/);
    assert.match(text, /critical: express .* through path-to-regexp/);
  });
});
