#!/usr/bin/env python3
"""How UniDic analyses each IPADIC entry: the table jReadability's counts come from.

jReadability (Lee & Hasebe; PyPI jreadability 1.1.5) counts UniDic short units and their
語種 (word origin) and parts of speech. seisho analyses with IPADIC, whose units are often
longer (不安定 is one word; UniDic has 不 + 安定) and which has no 語種. This script asks UniDic
(unidic-lite 1.0.8, UniDic 2.1.2, through fugashi) how it analyses the surface of every IPADIC
entry that does not conjugate, and writes, for each entry, what that analysis adds to
jReadability's counts: units; 漢, 和, 外, 混 units; verbs that are not 非自立可能; particles.
(A に or で after a 形容動詞 stem is UniDic's auxiliary だ, not a particle: seisho decides that
in context.) Particles, suffixes and prefixes are read next to a word (日本は, 日本的, 行くな,
不日本), as
UniDic reads them in a sentence, and of UniDic's ten best analyses the one with the entry's
reading is taken (IPADIC's 時 トキ and 時 ジ are two entries).
Entries that conjugate (動詞, 形容詞, 助動詞) are left to seisho's estimate: their surfaces are
conjugated forms that UniDic cannot analyse out of context.

Output (in crates/seisho-ipadic/data/):
  unidic-counts.tsv   the distinct count tuples ("palette"), one per line, index = line - 1
                      after the header
  unidic-rows.u16.zst for every CSV row of the IPADIC source, in the order of the files sorted
                      by name and the rows in each file, the palette index as a little-endian
                      u16 (0xFFFF: not analysed), compressed with zstd

  unidic-katakana.txt.zst
                      the katakana words of UniDic (surfaces of two characters or more of
                      only katakana letters and ー; no native word in katakana such as キヤン
                      for 缶, no old spelling such as セツト for セット) that are no IPADIC
                      surface, sorted by their
                      UTF-8 bytes, one a line, compressed with zstd: the kana typo rules'
                      dictionary check reads them beside IPADIC (アセット, キャプチャ, ブログ
                      are not in IPADIC 2.7.0)

The build script maps rows to lindera's word ids (it sorts them as lindera does) and checks
that the mapping holds for every entry, and appends the katakana words to unidic.bin.

Usage: unidic_table.py [--check]    (needs fugashi, unidic-lite 1.0.8 and the zstd command)
"""

import csv
import io
import struct
import subprocess
import sys
import tarfile
from pathlib import Path

import fugashi
import unidic_lite

CRATE = Path(__file__).resolve().parents[1]
SOURCE = CRATE / "data/ipadic-2.7.0-utf8.tar.zst"
PALETTE = CRATE / "data/unidic-counts.tsv"
ROWS = CRATE / "data/unidic-rows.u16.zst"
KATAKANA = CRATE / "data/unidic-katakana.txt.zst"
HEADER = "units\tkango\twago\tgairaigo\tkonshu\tverbs\tparticles"
CONJUGATING = {"動詞", "形容詞", "助動詞"}
NONE = 0xFFFF


def rows():
    """Every CSV row of the source: files sorted by name, rows in file order."""
    raw = subprocess.run(["zstd", "-dc", str(SOURCE)], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(raw)) as tar:
        members = sorted((m for m in tar.getmembers() if m.name.endswith(".csv")), key=lambda m: Path(m.name).name)
        for m in members:
            text = tar.extractfile(m).read().decode("utf-8")
            yield from csv.reader(io.StringIO(text))


NBEST = 10


def analyse(tagger, row):
    """UniDic's words for the entry's surface: of UniDic's 10 best analyses, the first whose
    reading is the entry's (IPADIC has 時 as トキ and as ジ; UniDic's best for 時 alone is one
    of them), read next to a frame word where UniDic reads the entry differently alone (see
    `frame_of`); without such an analysis, the best one."""
    surface = row[0]
    reading = row[11] if len(row) > 11 and row[11] != "*" else None
    frame, where = frame_of(row)
    text = {"after": f"{frame}{surface}", "before": f"{surface}{frame}"}.get(where, surface)
    fallback = None
    for words in tagger.nbestToNodeList(text, NBEST):
        if where == "after":
            if not words or words[0].surface != frame:
                continue
            words = words[1:]
        elif where == "before":
            if not words or words[-1].surface != frame:
                continue
            words = words[:-1]
        if "".join(w.surface for w in words) != surface:
            continue
        if fallback is None:
            fallback = words
        if reading is None or "".join(w.feature.kana or "" for w in words) == reading:
            return words
    return fallback if fallback is not None else list(tagger(surface))


def frame_of(row):
    """The word next to which the entry is read, and on which side: particles and suffixes
    after a noun (日本は, 日本版: は alone is 歯, 的 alone is まと), the particles that make an
    adverb of a 形容動詞 after one (静かに: there UniDic's に is the auxiliary だ), the suffixes
    of adjective stems after one (高さ), prefixes before a noun (不日本)."""
    pos = row[4]
    detail = row[5] if len(row) > 5 else ""
    detail2 = row[6] if len(row) > 6 else ""
    if pos == "助詞" and detail == "終助詞":
        return "行く", "after"
    if pos == "名詞" and detail == "接尾" and detail2 == "特殊":
        return "高", "after"
    if pos == "助詞" or (pos == "名詞" and detail in ("接尾", "非自立")):
        return "日本", "after"
    if pos == "接頭詞":
        return "日本", "before"
    return None, "alone"


def counts(tagger, row, cache):
    key = (row[0], row[11] if len(row) > 11 else "", frame_of(row))
    if key in cache:
        return cache[key]
    units = kango = wago = gairaigo = konshu = verbs = particles = 0
    for word in analyse(tagger, row):
        f = word.feature
        units += 1
        goshu = f.goshu
        kango += goshu == "漢"
        wago += goshu == "和"
        gairaigo += goshu == "外"
        konshu += goshu == "混"
        if f.pos1 == "動詞" and f.pos2 != "非自立可能":
            verbs += 1
        elif f.pos1 == "助詞":
            particles += 1
    result = (units, kango, wago, gairaigo, konshu, verbs, particles)
    cache[key] = result
    return result


def generate():
    tagger = fugashi.Tagger(f"-d {unidic_lite.DICDIR}")
    palette = {}
    out = bytearray()
    cache = {}
    for row in rows():
        if len(row) < 5 or row[4] in CONJUGATING or not row[0]:
            index = NONE
        else:
            t = counts(tagger, row, cache)
            index = palette.setdefault(t, len(palette))
            if index >= NONE:
                sys.exit("more than 65535 distinct count tuples")
        out += index.to_bytes(2, "little")
    lines = [HEADER] + ["\t".join(map(str, t)) for t, _ in sorted(palette.items(), key=lambda kv: kv[1])]
    return "\n".join(lines) + "\n", bytes(out)


def katakana_words(ipadic_surfaces):
    """The surfaces of UniDic's entries made only of katakana letters (U+30A1..U+30FA) and
    ー, of two characters or more, that IPADIC does not have and that are katakana words in
    their own right (see `is_loanword_spelling`), sorted by their UTF-8 bytes.

    MeCab's binary dictionary (sys.dic: a 72-byte header, a double-array trie of the
    surfaces' bytes, tokens, features) has no list of its entries, so the trie is walked,
    following only the bytes of katakana (E3 82 A1..BF, E3 83 80..BA and BC)."""
    data = (Path(unidic_lite.DICDIR) / "sys.dic").read_bytes()
    _magic, version, _type, _lexsize, _lsize, _rsize, dsize, tsize, _fsize, _dummy = struct.unpack_from("<10I", data, 0)
    if version != 102:
        sys.exit(f"sys.dic: version {version}, not MeCab's 102")
    # Darts units: (base: i32, check: u32); a child of node `b` by byte c is at b + c + 1
    # when its check is b; a key ends at `b` when unit b's check is b and its base is < 0.
    units = memoryview(data)[72 : 72 + dsize].cast("i")
    n = len(units) // 2
    tokens, features = 72 + dsize, 72 + dsize + tsize

    large = str.maketrans("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカケ")

    def is_katakana(word):
        return all("\u30a1" <= c <= "\u30fa" or c == "ー" for c in word)

    def is_loanword_spelling(key, value):
        """Whether one of the entries of `key` (value: first token << 8 | count) is a
        katakana word in its own right: not a native word written in katakana (キヤン for 缶,
        プリッ for ぷり: a lemma, 語彙素, not in katakana) and not an old spelling with large
        kana (セツト for セット), which are the very typos the rules look for. Entries without
        a lemma (names: ドネツク) count."""
        for k in range(value & 0xFF):
            # A token: left and right ids, part of speech, cost (u16 u16 u16 i16), then the
            # offsets of its features and compound (u32 each).
            feature = struct.unpack_from("<I", data, tokens + 16 * ((value >> 8) + k) + 8)[0]
            end = data.index(b"\0", features + feature)
            fields = data[features + feature : end].decode("utf-8").split(",")
            lemma = fields[7].split("-")[0] if len(fields) > 7 else "*"
            if lemma in ("", "*"):
                return True
            if is_katakana(lemma) and (lemma == key or lemma.translate(large) != key.translate(large)):
                return True
        return False

    def child(b, c):
        p = b + c + 1
        return units[2 * p] if 0 <= p < n and units[2 * p + 1] == b else None

    third = {0x82: range(0xA1, 0xC0), 0x83: [*range(0x80, 0xBB), 0xBC]}
    words = []
    stack = [(units[0], "")]
    while stack:
        b, key = stack.pop()
        if len(key) >= 2 and 0 <= b < n and units[2 * b + 1] == b and units[2 * b] < 0 and key not in ipadic_surfaces:
            if is_loanword_spelling(key, -units[2 * b] - 1):
                words.append(key)
        e3 = child(b, 0xE3)
        if e3 is None:
            continue
        for second, thirds in third.items():
            s = child(e3, second)
            if s is None:
                continue
            for c in thirds:
                t = child(s, c)
                if t is not None:
                    stack.append((t, key + bytes([0xE3, second, c]).decode("utf-8")))
    words.sort(key=lambda w: w.encode("utf-8"))
    return "".join(w + "\n" for w in words).encode("utf-8")


def main():
    check = sys.argv[1:] == ["--check"]
    palette, table = generate()
    katakana = katakana_words({row[0] for row in rows() if row})
    count = katakana.count(b"\n")
    if check:
        unpack = lambda path: subprocess.run(["zstd", "-dc", str(path)], check=True, capture_output=True).stdout
        if PALETTE.read_text(encoding="utf-8") != palette or unpack(ROWS) != table:
            sys.exit("the UniDic table differs from what scripts/unidic_table.py generates: regenerate it")
        if unpack(KATAKANA) != katakana:
            sys.exit("the UniDic katakana words differ from what scripts/unidic_table.py generates: regenerate them")
        print(f"unidic table: {len(table) // 2} rows, {palette.count(chr(10)) - 1} count tuples, {count} katakana words, unchanged")
        return
    PALETTE.write_text(palette, encoding="utf-8")
    subprocess.run(["zstd", "-19", "-q", "-f", "-o", str(ROWS)], input=table, check=True)
    subprocess.run(["zstd", "-19", "-q", "-f", "-o", str(KATAKANA)], input=katakana, check=True)
    print(f"{len(table) // 2} rows, {palette.count(chr(10)) - 1} count tuples; {ROWS.stat().st_size} bytes compressed")
    print(f"{count} katakana words; {KATAKANA.stat().st_size} bytes compressed")


if __name__ == "__main__":
    main()
