#!/usr/bin/env python3
"""Which main-text rules earn their place on sites they were not found on.

The 150 pages of ../shared/realdata/extraction-dev are split by site into
five folds (every page of a site in one fold). For each furniture rule of
src/read/furniture.rs (named in its RULES) the extraction is run with that
rule switched off (DETENTE_ABLATE=rule); a rule's gain on a fold is the
text points it wins there. For each fold, the rules kept are those whose
gain on the other four folds is above zero; the fold is then scored with
only those rules. A rule earns its place when it helps on folds it was not
chosen on: kept, it must not lose points out of fold.

    python3 benches/extraction_folds.py

Needs a release build of the extraction_score example (built on first use).
Prints a table per rule (gain per fold) and per fold (all rules, rules
chosen out of fold), in Markdown.
"""
import hashlib, json, os, subprocess, sys
from collections import defaultdict
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEV = os.path.join(ROOT, '..', 'shared', 'realdata', 'extraction-dev')
FOLDS = 5
# The rules src/read/furniture.rs keeps (its RULES). The last round's
# others (word:author, word:breadcrumb, word:meta, word:categories,
# word:copyright, word:alert, word:form, word:navbox, word:slider, nav,
# credit, read-also, trailing-link) helped on one fold each and were dropped.
RULES = ['named', 'word:newsletter', 'copyright']


def site(url):
    """The site of an evaldata key: its host, or the label for the 13 that are not URLs."""
    u = url[1:] if url.startswith('xhttp') else url
    host = urlparse(u).hostname
    if host:
        return host[4:] if host.startswith('www.') else host
    return url.split('::')[0]


def folds(expected):
    """Sites dealt to five folds, biggest first, each to the fold with fewest pages."""
    by_site = defaultdict(list)
    for name, e in expected.items():
        by_site[site(e['url'])].append(name)
    order = sorted(by_site, key=lambda s: (-len(by_site[s]), hashlib.sha1(s.encode()).hexdigest()))
    fold_of, sizes = {}, [0] * FOLDS
    for s in order:
        k = sizes.index(min(sizes))
        sizes[k] += len(by_site[s])
        for name in by_site[s]:
            fold_of[name] = k
    return fold_of


def run(off):
    """Text points per page (with, without) with the rules in `off` switched off."""
    env = dict(os.environ, DETENTE_ABLATE=','.join(off))
    out = subprocess.run(
        ['cargo', 'run', '--quiet', '--release', '--locked', '--example', 'extraction_score', '--', DEV],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    missed = defaultdict(set)
    for line in out.splitlines():
        if '\t' in line:
            page, what = line.split('\t', 1)
            kind = what.split(':', 1)[0]
            missed[page].add(kind)
    return lambda page: (
        0 if missed[page] & {'missing', 'refused'} else 1,
        0 if missed[page] & {'boilerplate', 'refused'} else 1,
    )


def main():
    if not os.path.isdir(DEV):
        print('SKIPPED: ../shared/realdata/extraction-dev is absent')
        return
    expected = json.load(open(os.path.join(DEV, 'expected.json')))
    fold_of = folds(expected)
    pages = sorted(expected)

    def per_fold(points):
        f = [0] * FOLDS
        for p in pages:
            f[fold_of[p]] += sum(points(p))
        return f

    full = per_fold(run([]))
    gain = {r: [a - b for a, b in zip(full, per_fold(run([r])))] for r in RULES}
    print('| rule | ' + ' | '.join(f'fold {k + 1}' for k in range(FOLDS)) + ' | all |')
    print('|---' * (FOLDS + 2) + '|')
    for r in RULES:
        print(f'| `{r}` | ' + ' | '.join(f'{g:+d}' for g in gain[r]) + f' | {sum(gain[r]):+d} |')
    print()
    chosen_score, kept_out_of_fold = [], defaultdict(int)
    for k in range(FOLDS):
        off = [r for r in RULES if sum(g for j, g in enumerate(gain[r]) if j != k) <= 0]
        for r in RULES:
            if r not in off:
                kept_out_of_fold[r] += 1
        chosen_score.append(per_fold(run(off))[k])
    sizes = [sum(1 for p in pages if fold_of[p] == k) for k in range(FOLDS)]
    print('| fold | pages | text points, every rule | text points, rules chosen on the other folds |')
    print('|---|---|---|---|')
    for k in range(FOLDS):
        print(f'| {k + 1} | {sizes[k]} | {full[k]} | {chosen_score[k]} |')
    print(f'| all | {sum(sizes)} | {sum(full)} | {sum(chosen_score)} |')
    print()
    print('Rules chosen on the other folds, out of 5:',
          ', '.join(f'`{r}` {kept_out_of_fold[r]}' for r in RULES))


if __name__ == '__main__':
    sys.exit(main())
