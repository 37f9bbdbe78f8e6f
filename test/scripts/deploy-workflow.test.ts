import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const repo = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  environment?: { name?: string; url?: string };
  env?: Record<string, unknown>;
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[] }; schedule?: Array<{ cron: string }>; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  env?: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = YAML.parse(read('.github/workflows/deploy.yml')) as Workflow;
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((job) => job.steps);
const jobWith = (uses: string) => {
  const job = Object.entries(workflow.jobs).find(([, j]) => j.steps.some((s) => s.uses?.startsWith(`${uses}@`)));
  expect(job, `a job uses ${uses}`).toBeDefined();
  return job!;
};
const stepIndex = (job: Job, match: (step: Step) => boolean, what: string) => {
  const index = job.steps.findIndex(match);
  expect(index, what).toBeGreaterThanOrEqual(0);
  return index;
};

// The deploy workflow cannot run here; these are the properties whose loss would break the
// deploy or publish the wrong site, checked against the workflow as GitHub would parse it.
describe('.github/workflows/deploy.yml', () => {
  it('deploys on every push to main, daily shortly after 00:00 UTC, and by hand', () => {
    expect(workflow.on.push?.branches).toContain('main');
    expect(Object.keys(workflow.on)).toContain('workflow_dispatch');
    const crons = (workflow.on.schedule ?? []).map((s) => s.cron);
    expect(crons.length).toBeGreaterThan(0);
    // A version takes effect on its UTC date only when the site is rebuilt: the build must come
    // every day, and early in that day (GitHub's cron is in UTC).
    expect(
      crons.some((cron) => {
        const fields = cron.trim().split(/\s+/);
        if (fields.length !== 5) return false;
        const [minute, hour, ...rest] = fields;
        return /^\d+$/.test(minute!) && Number(minute) <= 59 && hour === '0' && rest.every((f) => f === '*');
      }),
      `a daily cron at 00:mm in ${JSON.stringify(crons)}`,
    ).toBe(true);
  });

  it('may deploy to Pages, and never two deployments at once', () => {
    expect(workflow.permissions).toMatchObject({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency?.group).toBeTruthy();
    expect(workflow.concurrency?.['cancel-in-progress']).not.toBe(true);
    for (const step of steps.filter((s) => s.uses)) expect(step.uses, 'official actions only').toMatch(/^actions\/[\w-]+@v\d+$/);
  });

  it('builds with npm ci on the pinned Node major, checks the policies first, and uploads dist', () => {
    const [, build] = jobWith('actions/upload-pages-artifact');
    const pinned = pkg.devDependencies.node!.split('.')[0];
    const setup = build.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version']).split('.')[0]).toBe(pinned);
    expect(setup?.with?.cache).toBe('npm');

    const ci = stepIndex(build, (s) => /^npm ci\b/.test(s.run ?? ''), 'npm ci');
    const check = stepIndex(build, (s) => /^npm run policy -- check\b/.test(s.run ?? ''), 'npm run policy -- check');
    const run = stepIndex(build, (s) => s.run === 'npm run build', 'npm run build');
    const upload = stepIndex(build, (s) => Boolean(s.uses?.startsWith('actions/upload-pages-artifact@')), 'upload');
    stepIndex(build, (s) => Boolean(s.uses?.startsWith('actions/checkout@')), 'checkout');
    stepIndex(build, (s) => Boolean(s.uses?.startsWith('actions/configure-pages@')), 'configure-pages');
    // Check over all of policies/ (no paths), so any bad file stops the deploy before the build.
    expect(build.steps[check]!.run).not.toMatch(/check\s+[^-\s]/);
    expect(ci).toBeLessThan(check);
    expect(check).toBeLessThan(run);
    expect(run).toBeLessThan(upload);
    expect(build.steps.some((s) => /\bnpm (install|i)\b/.test(s.run ?? ''))).toBe(false);

    // `npm run build` writes dist/ (Astro's default outDir: the config must not move it).
    expect(pkg.scripts.build).toBe('astro build');
    expect(read('astro.config.mjs')).not.toMatch(/\boutDir\b/);
    expect(build.steps[upload]!.with?.path).toBe('dist');
    expect(pkg.scripts.policy).toMatch(/scripts\/policy\.ts/);
  });

  it('deploys only what the build job built, to the github-pages environment', () => {
    const [buildName] = jobWith('actions/upload-pages-artifact');
    const [, deploy] = jobWith('actions/deploy-pages');
    expect([deploy.needs].flat()).toContain(buildName);
    expect(deploy.environment?.name).toBe('github-pages');
    const step = deploy.steps.find((s) => s.uses?.startsWith('actions/deploy-pages@'));
    expect(step?.id).toBeTruthy();
    expect(deploy.environment?.url).toBe(`\${{ steps.${step!.id}.outputs.page_url }}`);
  });

  it('publishes today\'s site: no pinned "now", no drafts', () => {
    const envs = [workflow.env, ...jobs.map((j) => j.env), ...steps.map((s) => s.env)].filter(Boolean);
    for (const env of envs) {
      expect(Object.keys(env!)).not.toContain('POLICY_NOW');
      expect(Object.keys(env!)).not.toContain('POLICY_DRAFTS');
    }
    for (const step of steps) expect(step.run ?? '').not.toMatch(/POLICY_(NOW|DRAFTS)=/);
  });
});
