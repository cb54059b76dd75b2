#!/usr/bin/env python3
"""The peer of `kompass validate` for cmd/kompass-bench: what an analyst would
otherwise write. It reads every .xlsx in a folder with openpyxl (read-only
mode, its fastest) and checks the same things as kompass: the facts, ids,
scores (number, 0..max, step), partly scored and unscored areas, stated
area and total values against their parts, the styrkor and
förbättringsområden, and the same kommun and year in two files.

Usage: validate_openpyxl.py INSTRUMENT.json FOLDER
Prints one line per problem and a count; exits 3 if there are problems.
"""
import json
import os
import re
import sys

import openpyxl

NUM = re.compile(r"^-?\d+([.,]\d+)?$")


def parse(v):
    if v is None or (isinstance(v, str) and v.strip() == ""):
        return None, None
    if isinstance(v, bool):
        return None, "not a number"
    if isinstance(v, (int, float)):
        return float(v), None
    s = str(v).strip().replace("\u00a0", "")
    if s.startswith("="):
        return None, "formula"
    if not NUM.match(s):
        return None, "not a number"
    return float(s.replace(",", ".")), None


def main(instrument_path, folder):
    ins = json.load(open(instrument_path, encoding="utf-8"))
    step = ins["step"]
    maxes, area_of, areas = {}, {}, ins["areas"]
    for a in areas:
        maxes[a["id"]] = a["max"]
        for q in a["questions"]:
            maxes[q["id"]] = q["max"]
            area_of[q["id"]] = a["id"]
    maxes["TOTAL"] = sum(a["max"] for a in areas)
    problems, seen, files = [], {}, 0
    for name in sorted(os.listdir(folder)):
        if not name.lower().endswith(".xlsx") or name.startswith(("~$", ".")):
            continue
        files += 1
        path = os.path.join(folder, name)
        p = lambda msg: problems.append(f"{path}: {msg}")
        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
        except Exception as e:  # noqa: BLE001 - any failure is a problem with the file
            p(f"cannot open: {e}")
            continue
        # read-only mode trusts each sheet's declared dimension; a careful
        # analyst resets it, since not every program writes it right
        for ws in wb.worksheets:
            ws.reset_dimensions()
        # facts
        facts = {}
        if "Uppgifter" not in wb.sheetnames:
            p("no sheet Uppgifter")
        else:
            for row in wb["Uppgifter"].iter_rows(values_only=True):
                if row and row[0] is not None:
                    facts[str(row[0]).strip().rstrip(":").lower()] = row[1] if len(row) > 1 else None
        kommun = str(facts.get("kommun") or "").strip()
        if not kommun:
            p("Kommun is empty")
        year = facts.get("år")
        try:
            year = int(str(year).strip().removesuffix(".0"))
            if not 1900 <= year <= 2100:
                raise ValueError
        except (TypeError, ValueError):
            p(f"År {year!r} is not a year")
            year = None
        if str(facts.get("instrument") or "").strip() != ins["id"] or str(facts.get("version") or "").strip() != ins["version"]:
            p("unknown instrument or version")
        if kommun and year:
            key = (kommun.lower(), year)
            if key in seen:
                p(f"{kommun} {year} is also evaluated in {seen[key]}")
            else:
                seen[key] = path
        # scores
        scores, stated = {}, {}
        if "Poäng" not in wb.sheetnames:
            p("no sheet Poäng")
            wb.close()
            continue
        rows = list(wb["Poäng"].iter_rows(values_only=True))
        hdr, cols = None, {}
        for i, row in enumerate(rows[:10]):
            names = [str(c).strip().lower() if c is not None else "" for c in row]
            if "id" in names and "poäng" in names:
                hdr, cols = i, {n: j for j, n in enumerate(names) if n}
                break
        if hdr is None:
            p("no header row")
            wb.close()
            continue
        ids_seen = set()
        for row in rows[hdr + 1:]:
            rid = row[cols["id"]] if cols["id"] < len(row) else None
            if rid is None or str(rid).strip() == "":
                continue
            rid = str(rid).strip()
            if rid.startswith("="):
                p("ID holds a formula")
                continue
            if rid in ids_seen:
                p(f"id {rid} twice")
                continue
            ids_seen.add(rid)
            if rid not in maxes:
                p(f"unknown id {rid}")
                continue
            v = row[cols["poäng"]] if cols["poäng"] < len(row) else None
            val, err = parse(v)
            if err:
                p(f"{rid}: {err}: {v!r}")
                continue
            if val is None:
                continue
            m = maxes[rid]
            if val < 0 or val > m or abs(val / step - round(val / step)) > 1e-9:
                p(f"{rid}: {val} outside 0..{m} in steps of {step}")
            if rid in area_of:
                scores[rid] = val
            else:
                stated[rid] = val
        for rid in maxes:
            if rid not in ids_seen and rid != "TOTAL":
                p(f"row for {rid} missing")
        area_values = {}
        for a in areas:
            qs = [q["id"] for q in a["questions"]]
            got = [scores[q] for q in qs if q in scores]
            if got and len(got) < len(qs):
                p(f"area {a['id']} partly scored")
            elif got:
                total = sum(got)
                if a["id"] in stated and abs(stated[a["id"]] - total) > 1e-9:
                    p(f"area {a['id']} stated {stated[a['id']]} but parts add up to {total}")
                area_values[a["id"]] = stated.get(a["id"], total)
            elif a["id"] in stated:
                area_values[a["id"]] = stated[a["id"]]
            else:
                p(f"area {a['id']} not scored")
        if "TOTAL" in stated and len(area_values) == len(areas) and abs(stated["TOTAL"] - sum(area_values.values())) > 1e-9:
            p("total disagrees with the areas")
        # styrkor och förbättringsområden
        sheet = "Styrkor och förbättringsområden"
        if sheet not in wb.sheetnames:
            p(f"no sheet {sheet}")
        else:
            nrows = list(wb[sheet].iter_rows(values_only=True))
            if nrows:
                names = [str(c).strip().lower() if c is not None else "" for c in nrows[0]]
                ia, it, ix = names.index("område"), names.index("typ"), names.index("text")
                area_ids = {a["id"] for a in areas}
                for row in nrows[1:]:
                    text = row[ix] if ix < len(row) else None
                    if text is None or str(text).strip() == "":
                        continue
                    kind = str(row[it] or "").strip().lower()
                    if kind not in ("styrka", "styrkor", "förbättringsområde", "förbättringsområden"):
                        p(f"Typ {kind!r}")
                    if str(row[ia] or "").strip() not in area_ids:
                        p(f"note for unknown area {row[ia]!r}")
        wb.close()
    for line in problems:
        print(line)
    print(f"{files} workbooks checked, {len(problems)} problems")
    return 3 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
