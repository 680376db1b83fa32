#!/usr/bin/env python3
"""Makes the compound lexicon of the story search from OpenTaal's Dutch Hunspell dictionary.

OpenTaal marks which words may begin, continue or end a compound (COMPOUNDBEGIN Ca, COMPOUNDMIDDLE Cb,
COMPOUNDEND Cc in nl.aff), and which forms exist only inside one (ONLYINCOMPOUND Cx: "kinder", "gezins").
This script expands every entry of nl.dic with its suffixes and writes each lower-case word form that
may be part of a compound, with its places: B (may begin one), M (may stand in the middle), E (may end
one, inflected as well: "lijsten" ends "wachtlijsten"), X (stands only inside one: "kinder", "gezins"). Forms with digits, capitals, hyphens or
apostrophes are left out (names and abbreviations are no compound parts here). It also writes the
dictionary's literal CHECKCOMPOUNDPATTERN rules ("prevent subsidie+ring"): a part that ends with the
first string may not be followed by one that begins with the second.

Run with Debian's dictionary (apt-get install hunspell-nl):

    python3 src/main/python/opentaal_compounds.py /usr/share/hunspell/nl \
        | gzip -9n > src/main/resources/nl/vertelpunt/story/compound/nl-compounds.txt.gz

The dictionary is © OpenTaal and others, BSD-3-Clause and/or CC BY 3.0 (see OPENTAAL-LICENCE.txt beside
the lexicon); the lexicon is derived from it under the same terms.
"""

import re
import sys
import unicodedata

BEGIN, MIDDLE, END, ONLY_IN_COMPOUND = "Ca", "Cb", "Cc", "Cx"


def flags(s):
    """FLAG long: two characters per flag."""
    return [s[i : i + 2] for i in range(0, len(s), 2)]


def plain(word):
    """OpenTaal writes the ij as one character (ICONV ij ĳ); the texts do not."""
    return unicodedata.normalize("NFC", word.replace("ĳ", "ij").replace("Ĳ", "IJ"))


def read_aff(path):
    suffixes = {}  # flag -> [(strip, add, continuation flags, condition regex)]
    patterns = []
    with open(path, encoding="utf-8") as f:
        lines = [line.split("#", 1)[0].rstrip("\n") if not line.startswith("#") else "" for line in f]
    i = 0
    while i < len(lines):
        parts = lines[i].split()
        if len(parts) >= 4 and parts[0] == "SFX" and parts[2] in ("Y", "N") and parts[3].isdigit():
            flag, count = parts[1], int(parts[3])
            rules = []
            for rule in lines[i + 1 : i + 1 + count]:
                r = rule.split()
                strip = "" if r[2] == "0" else plain(r[2])
                add, _, cont = r[3].partition("/")
                add = "" if add == "0" else plain(add)
                condition = "." if len(r) < 5 else plain(r[4])
                rules.append((strip, add, flags(cont), re.compile("(?:" + condition + ")$")))
            suffixes[flag] = rules
            i += 1 + count
            continue
        if len(parts) == 3 and parts[0] == "CHECKCOMPOUNDPATTERN" and "/" not in parts[1] + parts[2]:
            patterns.append((plain(parts[1]), plain(parts[2])))
        i += 1
    return suffixes, patterns


WORD = re.compile(r"^[a-zà-öø-ÿ]+$")


def main(base):
    suffixes, patterns = read_aff(base + ".aff")
    places = {}

    def add(form, marks):
        if marks - {"X"} and WORD.match(form):
            places[form] = places.get(form, set()) | marks

    with open(base + ".dic", encoding="utf-8") as f:
        next(f)
        for line in f:
            entry = line.split("\t", 1)[0].strip()
            if not entry:
                continue
            word, _, fl = entry.partition("/")
            word, fl = plain(word), flags(fl)
            stem_marks = {m for m, flag in (("B", BEGIN), ("M", MIDDLE), ("E", END), ("X", ONLY_IN_COMPOUND)) if flag in fl}
            add(word, stem_marks)
            for flag in fl:
                for strip, suffix, cont, condition in suffixes.get(flag, ()):
                    if not word.endswith(strip) or not condition.search(word):
                        continue
                    form = word[: len(word) - len(strip)] + suffix
                    marks = {m for m, c in (("B", BEGIN), ("M", MIDDLE), ("E", END), ("X", ONLY_IN_COMPOUND)) if c in cont}
                    # a suffix at the end of a compound is allowed by default: an inflected end part
                    if "E" in stem_marks and ONLY_IN_COMPOUND not in cont:
                        marks.add("E")
                    add(form, marks)
    print("# Compound parts of Dutch, from OpenTaal's Hunspell dictionary (BSD-3-Clause and/or CC BY 3.0):")
    print("# form<TAB>places (B begins, M middle, E ends a compound, X only inside one). '!' lines: end<TAB>begin never meet.")
    for end, begin in patterns:
        print(f"!{end}\t{begin}")
    for form in sorted(places):
        print(f"{form}\t{''.join(m for m in 'BMEX' if m in places[form])}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/nl")
