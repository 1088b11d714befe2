#!/usr/bin/env python3
# Usage: python3 hack/style/fix-imports.py [file-or-folder...]  (default: every module's src/): sorts imports.
"""Puts every file's imports in the order checkstyle.xml checks: static imports first, a blank line,
then all other imports in one group in ASCII order; drops duplicates and java.lang/own-package
imports. Changes nothing else. Prints the files it rewrote."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import javasrc  # noqa: E402


def main(args):
    changed = 0
    for path in javasrc.source_files(args):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        new = javasrc.rewrite_imports(text, path)
        if new != text:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(new)
            changed += 1
            print(os.path.relpath(path, javasrc.ROOT))
    print('fix-imports: %d file(s) rewritten' % changed, file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1:])
