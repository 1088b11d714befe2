#!/usr/bin/env python3
# Usage: python3 hack/style/fix-fqn.py [file-or-folder...]  (default: every module's src/): imports inline class names.
"""Replaces a fully qualified class name in code (java.util.HashSet, io.fabric8...Secret, org....)
by its simple name and an import, then sorts the imports (as fix-imports.py). Comments and string
literals are left alone. Where the simple name could mean something else in that file (another
import, a class of the same package, a type the file declares, a java.lang class, or the same name
used bare), the name is left as it is and reported: import the other one, or end the line with
`// fqn: <why>` (checkstyle.xml allows that line)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import javasrc  # noqa: E402

# Keep in step with the fullyQualifiedName rule in checkstyle.xml.
FQN = re.compile(r'(?<![\w.])((?:java|javax|jdk|org|com|io|picocli)(?:\.[a-z_]\w*)+)\.([A-Z]\w*)')
JAVA_LANG = set('''Appendable AutoCloseable Boolean Byte CharSequence Character Class ClassLoader Cloneable
Comparable Deprecated Double Enum Error Exception Float FunctionalInterface Integer Iterable Long Math
Module Number Object Override Package Process ProcessBuilder Record Runnable Runtime RuntimeException
SafeVarargs Short StackWalker StrictMath String StringBuffer StringBuilder SuppressWarnings System Thread
ThreadLocal Throwable Void'''.split())


def types_by_package():
    """package -> simple names of the top-level types in it, over every module (main and test)."""
    found = {}
    for path in javasrc.source_files([]):
        with open(path, encoding='utf-8') as f:
            pkg = javasrc.package_of(f.read())
        found.setdefault(pkg, set()).add(os.path.basename(path)[:-5])
    return found


def fix(path, text, packages):
    code = javasrc.code_only(text)
    own = javasrc.package_of(text)
    lines = code.split('\n')
    starts = [0]
    for l in lines:
        starts.append(starts[-1] + len(l) + 1)
    original = text.split('\n')
    # Imports, the package line, and lines a person marked `// fqn: <why>` (as checkstyle.xml allows).
    skip = [(starts[i], starts[i + 1]) for i, l in enumerate(lines)
            if re.match(r'\s*(import|package)\s', l) or re.search(r'// fqn: \S', original[i])]

    def in_header(pos):
        return any(a <= pos < b for a, b in skip)

    imported = {}
    for l in lines:
        m = javasrc.IMPORT.match(l)
        if m and not m.group(1):
            imported[m.group(2).rsplit('.', 1)[-1]] = m.group(2)
    static_names = {m.group(2).rsplit('.', 1)[-1] for m in map(javasrc.IMPORT.match, lines) if m and m.group(1)}
    matches = [m for m in FQN.finditer(code) if not in_header(m.start())]
    if not matches:
        return text, []
    spans = [(m.start(), m.end()) for m in matches]
    fqns_by_name = {}
    for m in matches:
        fqns_by_name.setdefault(m.group(2), set()).add(m.group(1) + '.' + m.group(2))
    declared = set(re.findall(r'\b(?:class|interface|enum|record)\s+([A-Z]\w*)', code))
    declared |= set(re.findall(r'[<,]\s*([A-Z]\w*)\s+extends\b', code))

    def used_bare(name):
        for u in re.finditer(r'(?<![\w.])%s\b' % re.escape(name), code):
            if not in_header(u.start()) and not any(a <= u.start() < b for a, b in spans):
                return True
        return False

    def clash(pkg, name):
        fqn = pkg + '.' + name
        if imported.get(name) == fqn:
            return None
        if len(fqns_by_name[name]) > 1:
            return 'the file names several classes %s' % name
        if name in imported:
            return 'imports ' + imported[name]
        if name in static_names:
            return 'a static import is named %s' % name
        if name in declared:
            return 'the file declares a type %s' % name
        if pkg == own:
            return None
        if name in packages.get(own, ()):
            return 'its package %s has a class %s' % (own, name)
        if pkg == 'java.lang':
            return None
        if name in JAVA_LANG:
            return 'java.lang.%s' % name
        if used_bare(name):
            return '%s is used bare for something else' % name
        return None

    out, adds, left, last = [], set(), [], 0
    for m in matches:
        pkg, name = m.group(1), m.group(2)
        why = clash(pkg, name)
        line = code.count('\n', 0, m.start()) + 1
        if why:
            left.append('%s:%d: left %s.%s (%s)' % (os.path.relpath(path, javasrc.ROOT), line, pkg, name, why))
            continue
        out.append(text[last:m.start()])
        last = m.start() + len(pkg) + 1
        if pkg not in ('java.lang', own):
            adds.add(pkg + '.' + name)
    out.append(text[last:])
    new = ''.join(out)
    if adds or new != text:
        new = javasrc.rewrite_imports(new, path, add=sorted(adds))
    return new, left


def main(args):
    packages = types_by_package()
    changed, left = 0, []
    for path in javasrc.source_files(args):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        new, notes = fix(path, text, packages)
        left += notes
        if new != text:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(new)
            changed += 1
            print(os.path.relpath(path, javasrc.ROOT))
    for note in left:
        print(note, file=sys.stderr)
    print('fix-fqn: %d file(s) rewritten, %d name(s) left for a person' % (changed, len(left)), file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1:])
