#!/usr/bin/env python3
"""Which extraction rules earn their place on sites they were not found on.

The 150 pages of ../shared/realdata/extraction-dev are split by site into
five folds (every page of a site in one fold). Each rule named in
src/read/ablate.rs (TEXT_RULES: main text; DATE_RULES: publication dates)
is switched off in turn (DETENTE_ABLATE=rule); a rule's gain on a fold is
the points it wins there (text points for a text rule, date points for a
date rule). For each fold, the rules kept are those whose gain on the
other four folds is above zero; the fold is then scored with only those
rules. A rule earns its place when it helps on folds it was not chosen
on: kept, it must not lose points out of fold.

    python3 benches/extraction_folds.py

Needs a release build of the extraction_score example (built on first use).
Prints, for text and for dates, a table per rule (gain per fold) and per
fold (all rules, rules chosen out of fold), in Markdown.
"""
import hashlib, json, os, re, subprocess, sys
from collections import defaultdict
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEV = os.path.join(ROOT, '..', 'shared', 'realdata', 'extraction-dev')
FOLDS = 5
# The last round's text rules dropped for helping on one fold only:
# word:author, word:breadcrumb, word:meta, word:categories, word:copyright,
# word:alert, word:form, word:navbox, word:slider, word:footer, nav, footer,
# credit, read-also, trailing-link, link-line (see docs/reference/import-formats.md).


def rules(kind):
    """The rule names src/read/ablate.rs lists as `kind` (TEXT_RULES, DATE_RULES)."""
    src = open(os.path.join(ROOT, 'src', 'read', 'ablate.rs'), encoding='utf-8').read()
    body = re.search(kind + r': &\[&str\] = &\[(.*?)\];', src, re.S).group(1)
    return re.findall(r'"([^"]+)"', body)


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
    """Points per page (with, without, date) with the rules in `off` switched off."""
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
        0 if missed[page] & {'date', 'refused'} else 1,
    )


def study(kind, what, pages, fold_of, dated, base):
    """The gain of each rule of `kind` per fold, and each fold scored with
    the rules chosen on the other four, in `what` points."""
    names = rules(kind)
    scored = [p for p in pages if what == 'text' or dated[p]]

    def points(result, p):
        w, wo, d = result(p)
        return w + wo if what == 'text' else d

    def per_fold(result):
        f = [0] * FOLDS
        for p in scored:
            f[fold_of[p]] += points(result, p)
        return f

    full = per_fold(base)
    gain = {r: [a - b for a, b in zip(full, per_fold(run([r])))] for r in names}
    print(f'### {what}\n')
    print('| rule | ' + ' | '.join(f'fold {k + 1}' for k in range(FOLDS)) + ' | all |')
    print('|---' * (FOLDS + 2) + '|')
    for r in names:
        print(f'| `{r}` | ' + ' | '.join(f'{g:+d}' for g in gain[r]) + f' | {sum(gain[r]):+d} |')
    print()
    chosen_score, kept_out_of_fold = [], defaultdict(int)
    for k in range(FOLDS):
        off = [r for r in names if sum(g for j, g in enumerate(gain[r]) if j != k) <= 0]
        for r in names:
            if r not in off:
                kept_out_of_fold[r] += 1
        chosen_score.append(per_fold(run(off))[k])
    sizes = [sum(1 for p in scored if fold_of[p] == k) for k in range(FOLDS)]
    print(f'| fold | pages | {what} points, every rule | {what} points, rules chosen on the other folds |')
    print('|---|---|---|---|')
    for k in range(FOLDS):
        print(f'| {k + 1} | {sizes[k]} | {full[k]} | {chosen_score[k]} |')
    print(f'| all | {sum(sizes)} | {sum(full)} | {sum(chosen_score)} |')
    print()
    print('Rules chosen on the other folds, out of 5:',
          ', '.join(f'`{r}` {kept_out_of_fold[r]}' for r in names))
    print()


def main():
    if not os.path.isdir(DEV):
        print('SKIPPED: ../shared/realdata/extraction-dev is absent')
        return
    expected = json.load(open(os.path.join(DEV, 'expected.json')))
    fold_of = folds(expected)
    pages = sorted(expected)
    dated = {p: expected[p].get('date') is not None for p in pages}
    base = run([])
    study('TEXT_RULES', 'text', pages, fold_of, dated, base)
    study('DATE_RULES', 'date', pages, fold_of, dated, base)


if __name__ == '__main__':
    sys.exit(main())
