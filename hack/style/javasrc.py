"""Shared by the fixers in hack/style: Java sources of the reactor, a code-only view of a file,
and the import order checkstyle.xml asks for (CustomImportOrder: STATIC###THIRD_PARTY_PACKAGE)."""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def source_files(args):
    """The .java files under the given files/folders, or under every module's src/{main,test}/java."""
    roots = args or [os.path.join(ROOT, m) for m in sorted(os.listdir(ROOT))
                     if os.path.isfile(os.path.join(ROOT, m, 'pom.xml'))]
    for root in roots:
        if os.path.isfile(root):
            yield root
            continue
        for top, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in ('target', '.git', 'node_modules'))
            if os.sep + 'src' + os.sep not in top + os.sep:
                continue
            for f in sorted(files):
                if f.endswith('.java'):
                    yield os.path.join(top, f)


def code_only(text):
    """The text with comments, string/char literals and text blocks blanked (newlines kept), so that
    offsets stay those of the original."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != '\n':
                out[k] = ' '

    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif text.startswith('"""', i):
            j = i + 3
            while j < n and not text.startswith('"""', j):
                j += 2 if text[j] == '\\' else 1
            j = min(n, j + 3)
            blank(i, j)
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            j = min(n, j + 1)
            blank(i, j)
            i = j
        else:
            i += 1
    return ''.join(out)


IMPORT = re.compile(r'^import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;\s*$')


def import_block(lines):
    """(first, last) line indexes of the import block, None if there are no imports, or a string
    naming why the block cannot be rewritten."""
    idx = [i for i, l in enumerate(lines) if l.startswith('import ')]
    if not idx:
        return None
    first, last = idx[0], idx[-1]
    for l in lines[first:last + 1]:
        if l.strip() and not IMPORT.match(l):
            return 'not only imports between the first and the last import: ' + l.strip()
    return first, last


def package_of(text):
    m = re.search(r'^package\s+([\w.]+)\s*;', text, re.M)
    return m.group(1) if m else ''


def order_key(name):
    # Checkstyle compares imports name by name between the dots, a shorter one first on a tie.
    return tuple(name.split('.'))


def ordered_imports(statics, others):
    """Static imports first, a blank line, then all others, each group in checkstyle's ASCII order."""
    block = ['import static %s;' % s for s in sorted(set(statics), key=order_key)]
    if statics and others:
        block.append('')
    block += ['import %s;' % s for s in sorted(set(others), key=order_key)]
    return block


def rewrite_imports(text, path, add=()):
    """The text with its imports in order, duplicates and java.lang/own-package ones dropped, and the
    imports in `add` added."""
    lines = text.split('\n')
    block = import_block(lines)
    if isinstance(block, str):
        print('%s: left alone (%s)' % (path, block), file=sys.stderr)
        return text
    own = package_of(text)
    statics, others = [], list(add)
    if block:
        for l in lines[block[0]:block[1] + 1]:
            m = IMPORT.match(l)
            if m:
                (statics if m.group(1) else others).append(m.group(2))

    def redundant(name):
        pkg = name.rsplit('.', 1)[0]
        return not name.endswith('.*') and pkg in ('java.lang', own)

    others = [o for o in others if not redundant(o)]
    new = ordered_imports(statics, others)
    if block:
        lines[block[0]:block[1] + 1] = new
    elif new:
        at = next((i for i, l in enumerate(lines) if l.startswith('package ')), -1) + 1
        lines[at:at] = [''] + new if at else new + ['']
    return '\n'.join(lines)
