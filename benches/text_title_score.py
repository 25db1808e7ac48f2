#!/usr/bin/env python3
"""How well Detente finds the headline and outlet of a plain-text article
copied whole from a web page (navigation, captions and all), on pages its
rules were not written on: the 150 pages of ../shared/realdata/extraction-dev.

Each page becomes a text file as a browser's "select all, copy" gives it
(block elements on their own lines; scripts and styles left out); the files
are imported with `detente import`, and each title is compared with the
page's own og:title or first <h1> (words only, any case; a title inside the
other counts). A title that is the file's name is the honest "no headline
sure" and is counted apart.

    python3 benches/text_title_score.py [path/to/detente]
"""
import glob, html, json, os, re, subprocess, sys, tempfile
from html.parser import HTMLParser

BLOCK = {'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'br', 'tr', 'section', 'article',
         'header', 'footer', 'nav', 'title', 'ul', 'ol', 'table', 'figure', 'figcaption',
         'blockquote', 'aside', 'main', 'form', 'dd', 'dt'}
HIDDEN = ('script', 'style', 'noscript', 'template', 'svg', 'head')


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.out, self.skip, self.og, self.h1, self.in_h1 = [], 0, None, None, False

    def handle_starttag(self, t, a):
        a = dict(a)
        if t == 'meta' and 'og:title' in (a.get('property'), a.get('name')) and a.get('content'):
            self.og = self.og or a['content']
        if t in HIDDEN:
            self.skip += 1
        if t == 'h1' and self.h1 is None:
            self.in_h1, self.h1 = True, ''
        if t in BLOCK:
            self.out.append('\n')

    def handle_endtag(self, t):
        if t in HIDDEN:
            self.skip = max(0, self.skip - 1)
        if t == 'h1':
            self.in_h1 = False
        if t in BLOCK:
            self.out.append('\n')

    def handle_data(self, d):
        if self.in_h1:
            self.h1 += d
        if not self.skip:
            self.out.append(d)


def norm(s):
    return ' '.join(re.sub(r'[^\w]+', ' ', s.lower()).split())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    detente = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'target', 'debug', 'detente')
    pages = sorted(glob.glob(os.path.join(here, '..', '..', 'shared', 'realdata', 'extraction-dev', 'pages', '*.html')))
    if not pages:
        print('SKIPPED: ../shared/realdata/extraction-dev is absent')
        return
    tmp = tempfile.mkdtemp()
    txt = os.path.join(tmp, 'txt')
    os.mkdir(txt)
    expected = {}
    for f in pages:
        name = os.path.basename(f)[:-5]
        p = Page()
        try:
            p.feed(open(f, 'rb').read().decode('utf-8', 'replace'))
        except Exception:
            continue
        lines = [re.sub(r'\s+', ' ', l).strip() for l in ''.join(p.out).split('\n')]
        open(os.path.join(txt, name + '.txt'), 'w').write('\n\n'.join(l for l in lines if l))
        expected[name] = [norm(x) for x in (html.unescape(p.og or ''), p.h1 or '') if x.strip()]
    ws = os.path.join(tmp, 'w.detente')
    subprocess.run([detente, 'new', ws], check=True, capture_output=True)
    subprocess.run([detente, 'import', ws, txt], capture_output=True)
    right = named = wrong = first_line_right = 0
    for a in json.load(open(ws))['articles']:
        name = a['imported_from'][:-4]
        cands = expected.get(name) or []
        if not cands:
            continue
        def hit(t):
            t = norm(t)
            return any(t and (t == c or (len(t) > 15 and (t in c or c in t))) for c in cands)
        first = next((l for l in open(os.path.join(txt, name + '.txt')).read().split('\n') if l.strip()), '')
        first_line_right += hit(first)
        if a['title'] == name:
            named += 1
        elif hit(a['title']):
            right += 1
        else:
            wrong += 1
    total = right + named + wrong
    print(f'{total} pages: headline right {right}, file name (no headline sure) {named}, wrong {wrong}; '
          f'the first line would be right on {first_line_right}')


if __name__ == '__main__':
    main()
