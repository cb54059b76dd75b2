#!/usr/bin/python3
"""Writes evaluations/umea-2007.xlsx again the way other programs do, with
every id and the Version as numbers: 8.2 arrives in the file as
8.199999999999999, 1 as 1.

  numeric-ids-openpyxl.xlsx    opened and saved by openpyxl
  numeric-ids-xlsxwriter.xlsx  written cell by cell by xlsxwriter, with one
                               more förbättringsområde whose text holds a
                               line break and the characters _x000D_, which
                               xlsxwriter escapes as _x000D_ and _x005F_x000D_

Run it with the system Python (Debian: python3-openpyxl, python3-xlsxwriter)
from anywhere: /usr/bin/python3 numeric-ids.py. The fixtures were made with
openpyxl 3.0.9 and XlsxWriter 3.0.2.
"""

import pathlib

import openpyxl
import xlsxwriter

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE / "../../../evaluations/umea-2007.xlsx"
SCORES, FACTS, NOTES = "Poäng", "Uppgifter", "Styrkor och förbättringsområden"
# The note xlsxwriter's copy adds, as the test expects to read it.
EXTRA_NOTE = ("8", "Förbättringsområde", "Första raden\r\nandra raden; _x000D_ är inga radbrytningar")


def as_number(v):
    """An id or version typed as text, as a program would write it."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return v
    return int(f) if f.is_integer() else f


def numeric(wb):
    """Turns the ids, the notes' areas and the Version into numbers."""
    for row in wb[SCORES].iter_rows(min_row=2, max_col=1):
        row[0].value = as_number(row[0].value)
    for row in wb[NOTES].iter_rows(min_row=2, max_col=1):
        row[0].value = as_number(row[0].value)
    for row in wb[FACTS].iter_rows(min_row=2, max_col=2):
        if row[0].value == "Version":
            row[1].value = as_number(row[1].value)


def with_openpyxl(out):
    wb = openpyxl.load_workbook(SOURCE)
    numeric(wb)
    wb.save(out)


def with_xlsxwriter(out):
    src = openpyxl.load_workbook(SOURCE)
    numeric(src)
    notes = src[NOTES]
    last = max(r for r in range(1, notes.max_row + 1) if notes.cell(r, 4).value)
    for c, v in zip((1, 3, 4), EXTRA_NOTE):
        notes.cell(last + 1, c).value = as_number(v) if c == 1 else v
    wb = xlsxwriter.Workbook(str(out))
    for ws in src.worksheets:
        dst = wb.add_worksheet(ws.title)
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None:
                    continue
                if isinstance(v, str) and v.startswith("="):
                    dst.write_formula(c.row - 1, c.column - 1, v)
                elif isinstance(v, (int, float)):
                    dst.write_number(c.row - 1, c.column - 1, v)
                else:
                    dst.write_string(c.row - 1, c.column - 1, str(v))
    wb.close()


if __name__ == "__main__":
    with_openpyxl(HERE / "numeric-ids-openpyxl.xlsx")
    with_xlsxwriter(HERE / "numeric-ids-xlsxwriter.xlsx")
