#!/usr/bin/env python3
"""What a running job's checkpoints are made of, per task, from Flink's REST API.

  scripts/checkpoint-stats.py watch http://localhost:PORT OUT.json   # poll until the job ends
  scripts/checkpoint-stats.py table OUT.json                         # the breakdown

`watch` saves, every 0.5 s, the details of each completed checkpoint (per task: start delay,
alignment, sync and async duration, state size) and the index writers' `commitMillis`
histograms, until the running job ends. Give the job a known REST port and a long enough
history, e.g. `bench-kafka --flink-option rest.bind-port=18611 --flink-option
web.checkpoints.history=1000`. `table` prints, per task, median / max over the checkpoints;
"before the barrier" is the end-to-end time less the other parts: for the index writers, the
commit that runs when the barrier reaches them.
"""
import json
import sys
import time
import urllib.request


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=5) as response:
        return json.load(response)


def watch(base, out):
    seen, job, misses = {}, None, 0
    while True:
        try:
            running = [j['id'] for j in get(base, '/jobs')['jobs'] if j['status'] == 'RUNNING']
            if not running:
                if job:
                    return
                time.sleep(0.5)
                continue
            job = running[0]
            history = get(base, '/jobs/%s/checkpoints' % job).get('history', [])
            for checkpoint in history:
                cid = checkpoint['id']
                if checkpoint['status'] == 'COMPLETED' and cid not in seen:
                    details = get(base, '/jobs/%s/checkpoints/details/%d' % (job, cid))
                    details['subtasks'] = {
                        vid: get(base, '/jobs/%s/checkpoints/details/%d/subtasks/%s' % (job, cid, vid))
                        for vid in details.get('tasks', {})}
                    seen[cid] = details
            vertices = get(base, '/jobs/%s' % job)['vertices']
            metrics = {}
            for v in vertices:
                ids = [m['id'] for m in get(base, '/jobs/%s/vertices/%s/metrics' % (job, v['id']))
                       if 'commitMillis' in m['id']]
                if ids:
                    metrics[v['name']] = get(base, '/jobs/%s/vertices/%s/metrics?get=%s'
                                             % (job, v['id'], ','.join(ids)))
            with open(out, 'w') as f:
                json.dump({'vertices': {v['id']: v['name'] for v in vertices},
                           'checkpoints': seen, 'metrics': metrics}, f)
        except OSError:
            # the job's REST endpoint goes away with it: stop after a few seconds without it
            misses += 1
            if job and misses > 20:
                return
        time.sleep(0.5)


def table(path):
    data = json.load(open(path))
    names, per, total = data['vertices'], {}, []
    for checkpoint in data['checkpoints'].values():
        total.append(checkpoint['end_to_end_duration'])
        for vid, stats in checkpoint['subtasks'].items():
            s = stats['summary']

            def most(key, sub=None):
                return (s[key] if sub is None else s[key][sub])['max']

            parts = {'start delay': most('start_delay'),
                     'alignment': most('alignment', 'duration'),
                     'sync': most('checkpoint_duration', 'sync'),
                     'async': most('checkpoint_duration', 'async')}
            parts['before the barrier'] = most('end_to_end_duration') - sum(parts.values())
            parts['state KB'] = most('state_size') // 1024
            row = per.setdefault(names[vid].split(':')[0].split(' ')[0], {})
            for key, value in parts.items():
                row.setdefault(key, []).append(value)

    def q(values, p):
        return sorted(values)[min(len(values) - 1, int(p * len(values)))]

    print('%d checkpoints, end to end ms: median %d, p90 %d, max %d'
          % (len(total), q(total, .5), q(total, .9), max(total)))
    columns = ['start delay', 'alignment', 'before the barrier', 'sync', 'async', 'state KB']
    print('| task (median / max over subtasks\' worst) | ' + ' | '.join(columns) + ' |')
    for name, row in per.items():
        print('| %s | %s |' % (name, ' | '.join('%d / %d' % (q(row[c], .5), max(row[c]))
                                                 for c in columns)))
    for name, values in data.get('metrics', {}).items():
        stats = {m['id'].rsplit('_', 1)[1]: m['value'] for m in values}
        print('%s commitMillis: median %s, p95 %s, max %s' % (
            name, stats.get('median'), stats.get('p95'), stats.get('max')))


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'watch':
        watch(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == 'table':
        table(sys.argv[2])
    else:
        sys.exit(__doc__)
