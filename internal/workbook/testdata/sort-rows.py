"""Sort the Poäng sheet of a workbook and insert blank rows into it, the
way an evaluator would in Excel or LibreOffice, to check that the Summa
formulas survive both (TestLibreOffice, sorted rows).

    sort-rows.py IN.xlsx OUT.xlsx [IN.xlsx OUT.xlsx …]

The rows below the header are sorted by ID, descending as text (Data →
Sort, Z to A), and a blank row is inserted above every area row and the
TOTAL row. Cells move with their style; a formula is adjusted the way
both programs adjust one that moves with its row: relative references
follow the row, absolute ones ($A:$A) stay. The workbook is marked to be
recalculated when it is opened, so that the program that opens it next
computes the formulas in their new places.
"""
import sys
from copy import copy

import openpyxl
from openpyxl.formula.translate import Translator, TranslatorError

SHEET = "Poäng"


def main(src, dst):
    wb = openpyxl.load_workbook(src)
    ws = wb[SHEET]
    header = [c.value for c in ws[1]]
    id_col = header.index("ID")
    last = ws.max_row
    rows = []
    for r in range(2, last + 1):
        cells = [(c.value, copy(c._style)) for c in ws[r]]
        rows.append((r, cells))
    rows.sort(key=lambda row: str(row[1][id_col][0] or ""), reverse=True)
    for r in range(2, last + 1):
        for c in ws[r]:
            c.value = None
    target = 2
    for origin, cells in rows:
        if "." not in str(cells[id_col][0]):
            target += 1  # a blank row above each area and the total
        for col, (value, style) in enumerate(cells, start=1):
            cell = ws.cell(row=target, column=col)
            if isinstance(value, str) and value.startswith("="):
                src_ref = cell.column_letter + str(origin)
                try:
                    value = Translator(value, origin=src_ref).translate_formula(cell.coordinate)
                except TranslatorError:
                    value = "=#REF!"  # a reference moved off the sheet, as in Excel
            cell.value = value
            cell._style = style
        target += 1
    wb.calculation.fullCalcOnLoad = True
    wb.save(dst)


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit("usage: sort-rows.py IN.xlsx OUT.xlsx [IN.xlsx OUT.xlsx …]")
    for i in range(0, len(args), 2):
        main(args[i], args[i + 1])
