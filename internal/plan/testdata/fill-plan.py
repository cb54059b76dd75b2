# Fills in an åtgärdsplan the way a program does, row by row, with
# openpyxl: an åtgärd, a date and a status in every row that has a Ref, and
# one more åtgärd for the first förbättringsområde in a row added at the end.
# Usage: fill-plan.py IN OUT
import datetime
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Åtgärdsplan"]
col = {c.value: c.column for c in ws[1]}
statuses = ["Genomförd", "Delvis genomförd", "Ej genomförd", "Ej påbörjad"]
first = None
last = 1
for r in range(2, ws.max_row + 1):
    ref = ws.cell(r, col["Ref"]).value
    if not ref:
        continue
    first = first or ref
    last = r
    ws.cell(r, col["Åtgärd"]).value = "Åtgärd för " + ref
    ws.cell(r, col["Ansvarig"]).value = "Kommunstyrelsen"
    ws.cell(r, col["Klart senast"]).value = datetime.date(2008, 6, 30)
    ws.cell(r, col["Status April 2008"]).value = statuses[r % 4]
    ws.cell(r, col["Kommentar April 2008"]).value = "Ifylld av ett program."
r = last + 1
ws.cell(r, col["Ref"]).value = first
ws.cell(r, col["Åtgärd"]).value = "En andra åtgärd"
ws.cell(r, col["Klart senast"]).value = datetime.datetime(2009, 1, 31)
ws.cell(r, col["Status Augusti 2008"]).value = "genomförd"
wb.save(sys.argv[2])
