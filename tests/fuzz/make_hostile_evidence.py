#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the hand-made hostile evidence files of issue 11 into tests/fixtures/fuzz/evidence/.

Each is a regression for the fuzz_evidence harness (replayed by `make test` through
tests/fuzz/replaydriver.cpp) and some are also loaded by tests/tst_hostile.cpp with exact
expectations. The files are committed; this script documents how each was made and remakes
them: python3 tests/fuzz/make_hostile_evidence.py
"""
import os
import sqlite3
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, '..', 'fixtures')
OUT = os.path.join(FIXTURES, 'fuzz', 'evidence')
BASE_SQL = open(os.path.join(FIXTURES, 'small-investigation.sql'), encoding='utf-8').read()


def make(name, extra_sql='', page_size=512, rows=0):
    path = os.path.join(OUT, name)
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute('PRAGMA page_size=%d' % page_size)
    db.executescript(BASE_SQL)
    if rows:
        db.execute('''INSERT INTO exchanges(id, ts, account_id, model_id, capability_id, prompt_tokens, template_id,
                      cot_elicitation)
                      WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 99 + ?)
                      SELECT i, 1700001000 + (i % 97) * 1800 - 7200, 1 + i % 5, 1 + i % 2, 1, 'a prompt text of forty-eight characters, no less', 1 + i % 2, i % 2
                      FROM n''', (rows,))
    db.executescript(extra_sql)
    db.commit()
    db.execute('VACUUM')
    db.close()
    return path


def root_page(path, table='exchanges'):
    db = sqlite3.connect(path)
    root = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
    db.close()
    return root


def varint(data, at):
    value = 0
    for i in range(8):
        value = (value << 7) | (data[at + i] & 0x7f)
        if not data[at + i] & 0x80:
            return value, i + 1
    return (value << 8) | data[at + 8], 9


def page_of(data, size, number):
    return (number - 1) * size


def cells(data, size, number):
    base = page_of(data, size, number)
    header = base + (100 if number == 1 else 0)
    kind = data[header]
    count = struct.unpack('>H', data[header + 3:header + 5])[0]
    array = header + (8 if kind == 0x0D else 12)
    return kind, header, [base + struct.unpack('>H', data[array + 2 * i:array + 2 * i + 2])[0] for i in range(count)]


def patch(path, edit):
    data = bytearray(open(path, 'rb').read())
    size = struct.unpack('>H', data[16:18])[0]
    size = 65536 if size == 1 else size
    edit(data, size, root_page(path))
    open(path, 'wb').write(data)


def lowest_interior(data, size, root):
    """An interior page whose children are leaves."""
    number = root
    while True:
        kind, header, offsets = cells(data, size, number)
        assert kind == 0x05, 'the table must be deeper than one page'
        child = struct.unpack('>I', data[offsets[0]:offsets[0] + 4])[0]
        if data[page_of(data, size, child)] == 0x0D:
            return number, offsets
        number = child


def huge_text_serial(data, size, root):
    """Defect 1: a record header declares TEXT of about 2**63 bytes before the columns read."""
    number, offsets = lowest_interior(data, size, root)
    leaf = struct.unpack('>I', data[offsets[-1]:offsets[-1] + 4])[0]  # generated rows, not the fixture's
    _, _, leaf_cells = cells(data, size, leaf)
    cell = leaf_cells[0]
    payload, a = varint(data, cell)
    rowid, b = varint(data, cell + a)
    assert rowid >= 100, 'a generated row, with its long prompt_tokens text'
    record = cell + a + b
    header_size, h = varint(data, record)
    serials, at = [], record + h
    while at < record + header_size:
        s, n = varint(data, at)
        serials.append(s)
        at += n
    # prompt_tokens and completion_tokens: TEXT of 2**63 - 7 and 2**63 - 2**40 + 7 bytes. Added to
    # a pointer, the two sizes wrap it 2**40 bytes below the page: the old reader read there.
    serials[5] = 2 ** 64 - 1
    serials[6] = 2 ** 64 - 2 ** 41 + 27
    body = bytes(data[record + header_size:record + payload])
    def enc(v):
        if v <= 0x7f:
            return bytes([v])
        if v > 0x00FFFFFFFFFFFFFF:  # the nine-byte form: eight 7-bit groups, then a whole byte
            out = [((v >> (8 + 7 * (7 - i))) & 0x7f) | 0x80 for i in range(8)]
            return bytes(out + [v & 0xff])
        out = []
        while v:
            out.append(v & 0x7f)
            v >>= 7
        out.reverse()
        return bytes([x | 0x80 for x in out[:-1]] + [out[-1]])
    new_header = b''.join(enc(s) for s in serials)
    new_header = enc(len(new_header) + 1) + new_header
    new = (new_header + body)[:payload]
    data[record:record + payload] = new


def interior_key_changed(data, size, root):
    """Defect 6: two bytes of an interior key changed: range reads skip rows, quick_check says so."""
    kind, header, offsets = cells(data, size, root)
    cell = offsets[0]
    key, n = varint(data, cell + 4)
    assert n == 2, 'a two-byte key'
    data[cell + 4:cell + 6] = bytes([0x81, 0x05])  # key 133: far below the rows it should bound


def leaf_referenced_twice(data, size, root):
    """Defect 7: one changed byte makes two cells of an interior page point at the same leaf."""
    number, offsets = lowest_interior(data, size, root)
    first = data[offsets[0]:offsets[0] + 4]
    second = data[offsets[1]:offsets[1] + 4]
    assert first[:3] == second[:3], 'adjacent leaves differ in the last byte only'
    data[offsets[1] + 3] = first[3]


# Issue 14: flag_reasons (1.1) as an outside editor could leave it: no declared types, every
# value of the wrong kind, ids at the ends of int64, an infinite score, a 200 kB detail with
# bidi controls, an account of another campaign. Each bad row is left out with a warning.
FLAG_REASONS_HOSTILE = (
    "CREATE TABLE flag_reasons(id INTEGER PRIMARY KEY, campaign_id, account_id, signal, score, detail);"
    "INSERT INTO flag_reasons VALUES (1, 1, NULL, 'volume', 0.5, 'ok'),"
    " (2, 9223372036854775807, NULL, 'x', 0.5, NULL), (3, -9223372036854775808, 1, 'x', 0.5, NULL),"
    " (4, 1, 3, 'x', 0.5, NULL), (5, 1, NULL, x'00', 0.5, NULL), (6, 1, NULL, '', 0.5, NULL),"
    " (7, 1, NULL, 'inf', 1e999, NULL), (8, 1, NULL, 'neg', -1e999, NULL), (9, 1.5, NULL, 'r', 0.5, NULL),"
    " (10, 1, 2, char(8238) || 'sig', 0.25, 'a' || char(8238) || replace(hex(zeroblob(100000)), '00', 'ab')),"
    " (11, 'one', NULL, 'x', 'high', x'ff');"
)


def main():
    os.makedirs(OUT, exist_ok=True)
    patch(make('defect01-huge-text-serial.db', rows=600), huge_text_serial)
    patch(make('defect06-interior-key-changed.db', rows=3000), interior_key_changed)
    patch(make('defect07-leaf-referenced-twice.db', rows=3000), leaf_referenced_twice)
    # Defect 2: a model released at INT64_MIN with an exchange before... any exchange at all.
    make('defect02-release-int64-min.db', 'UPDATE models SET released_at = -9223372036854775808 WHERE id = 1;')
    # Defect 13: exchange ids spanning the whole int64 range.
    make('defect13-id-span.db', 'UPDATE exchanges SET id = -9223372036854775808 WHERE id = 1;'
                                'UPDATE exchanges SET id = 9223372036854775807 WHERE id = 2;')
    make('ts-int64-max.db', 'UPDATE exchanges SET ts = 9223372036854775807 WHERE id = 3;')
    make('ts-int64-min.db', 'UPDATE exchanges SET ts = -9223372036854775808 WHERE id = 3;')
    make('flag-reasons-hostile.db', FLAG_REASONS_HOSTILE)


if __name__ == '__main__':
    main()
